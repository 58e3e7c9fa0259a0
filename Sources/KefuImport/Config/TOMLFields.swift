import KefuCore
import TOMLKit

/// Reads the keys of one TOML table by dotted path, converting values exactly (yuan to fen,
/// rates to ppm) and remembering which keys were read, so the rest can be reported as unknown.
struct TOMLFields {
    let table: TOMLTable
    /// The table's dotted path (`thresholds`, `pay.default`), for error keys.
    let path: String
    private var read: Set<String> = []

    init(_ table: TOMLTable, path: String) { self.table = table; self.path = path }

    /// The dotted key of a key of this table.
    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func error(_ name: String, _ reason: String) -> ConfigError { ConfigError(key: key(name), reason: reason) }

    /// The raw value, marking the key as read.
    mutating func value(_ name: String) -> TOMLValueConvertible? {
        read.insert(name)
        return table[name]
    }

    /// Every key not read yet is an error (a typo, most often).
    func checkNoUnknownKeys() throws {
        for name in table.keys.sorted() where !read.contains(name) {
            throw error(name, "unknown key")
        }
    }

    mutating func string(_ name: String) throws -> String? {
        guard let v = value(name) else { return nil }
        guard let s = v.string else { throw error(name, "must be a string") }
        return s
    }

    mutating func bool(_ name: String) throws -> Bool? {
        guard let v = value(name) else { return nil }
        guard let b = v.bool else { throw error(name, "must be true or false") }
        return b
    }

    mutating func number(_ name: String) throws -> Double? {
        guard let v = value(name) else { return nil }
        return try Self.number(v, key: key(name))
    }

    mutating func table(_ name: String) throws -> TOMLTable? {
        guard let v = value(name) else { return nil }
        guard let t = v.table else { throw error(name, "must be a table") }
        return t
    }

    /// A non-negative number of `unit`s converted to milliseconds (rounded to the millisecond).
    mutating func milliseconds(_ name: String, unit: Double) throws -> Int64? {
        guard let v = try number(name) else { return nil }
        guard v >= 0 else { throw error(name, "must not be negative") }
        return Int64((v * unit).rounded())
    }

    /// A non-negative amount in yuan, as fen.
    mutating func fen(_ name: String) throws -> Fen? {
        guard let v = value(name) else { return nil }
        return try Self.fen(v, key: key(name))
    }

    /// A non-negative rate (0.01 = 1%), as parts per million.
    mutating func ppm(_ name: String) throws -> Int64? {
        guard let v = try number(name) else { return nil }
        return try Self.ppm(v, key: key(name))
    }

    static func number(_ v: TOMLValueConvertible, key: String) throws -> Double {
        if let i = v.int { return Double(i) }
        if let d = v.double, d.isFinite { return d }
        throw ConfigError(key: key, reason: "must be a number")
    }

    /// Yuan to fen, exactly: an integer, a float with at most 2 decimals (checked by rounding
    /// back: the nearest double to a 2-decimal value maps to that value and no other), or a
    /// string such as "299.90".
    static func fen(_ v: TOMLValueConvertible, key: String) throws -> Fen {
        if let s = v.string {
            guard let f = Yuan.fen(s) else { throw ConfigError(key: key, reason: "\"\(s)\" is not an amount in yuan (≥ 0, at most 2 decimals)") }
            return f
        }
        if let i = v.int {
            guard i >= 0 else { throw ConfigError(key: key, reason: "must not be negative") }
            return Fen(i) * 100
        }
        guard let d = v.double, d.isFinite else { throw ConfigError(key: key, reason: "must be an amount in yuan") }
        guard d >= 0 else { throw ConfigError(key: key, reason: "must not be negative") }
        guard d < 1e13 else { throw ConfigError(key: key, reason: "is too large") }
        let fen = (d * 100).rounded()
        guard fen / 100 == d else { throw ConfigError(key: key, reason: "\(d) has more than 2 decimals") }
        return Fen(fen)
    }

    /// A rate to parts per million, exactly (at most 6 decimals).
    static func ppm(_ d: Double, key: String) throws -> Int64 {
        guard d >= 0 else { throw ConfigError(key: key, reason: "must not be negative") }
        guard d < 1e6 else { throw ConfigError(key: key, reason: "is too large") }
        let ppm = (d * 1_000_000).rounded()
        guard ppm / 1_000_000 == d else { throw ConfigError(key: key, reason: "\(d) has more than 6 decimals") }
        return Int64(ppm)
    }
}
