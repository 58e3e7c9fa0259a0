import KefuCore

/// A table for export: a name, typed columns and rows. Rendered as an xlsx sheet or CSV.
public struct Sheet: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        case integer
        /// Money held in fen, shown as yuan with two decimals.
        case yuan
        /// A share in [0, 1], shown as a percentage.
        case share
        case number
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int64)
        case fen(Fen)
        case number(Double)
        case empty
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var kind: Kind
        public init(_ title: String, _ kind: Kind) { self.title = title; self.kind = kind }
    }

    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(name: String, columns: [Column], rows: [[Cell]]) {
        self.name = name; self.columns = columns; self.rows = rows
    }
}

extension Sheet.Cell {
    /// `.number` for a value, `.empty` for "no data".
    public static func optional(_ v: Double?) -> Sheet.Cell { v.map { .number($0) } ?? .empty }
    public static func optional(_ v: Fen?) -> Sheet.Cell { v.map { .fen($0) } ?? .empty }
    public static func optional(_ v: String?) -> Sheet.Cell { v.map { .text($0) } ?? .empty }
    public static func optional(_ v: Int?) -> Sheet.Cell { v.map { .integer(Int64($0)) } ?? .empty }
}
