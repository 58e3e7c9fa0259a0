import GRDB

/// The text of the store's buyer and agent numbers, for turning rows back into records.
///
/// Agents are few and read whole. Buyers are read whole for a whole-store load (each name
/// once, then shared by every record that names it), or one at a time, as rows ask for them,
/// when only part of the store is read.
final class IDNames {
    private var agents: [String?] = []
    private var buyers: [String?] = []
    private var someBuyers: [Int64: String] = [:]
    private let findBuyer: RawStatement?

    /// - Parameter allBuyers: read every buyer's name now (for reading every row).
    init(_ db: Database, allBuyers: Bool) throws {
        agents = try IDNames.all(db, table: "agent_ids")
        if allBuyers {
            buyers = try IDNames.all(db, table: "buyer_ids")
            findBuyer = nil
        } else {
            findBuyer = try RawStatement(db, "SELECT id FROM buyer_ids WHERE n = ?")
        }
    }

    func agent(_ n: Int64) throws -> String {
        guard n >= 0, n < agents.count, let name = agents[Int(n)] else { throw IDNames.unknown("agent", n) }
        return name
    }

    func buyer(_ n: Int64) throws -> String {
        guard let findBuyer else {
            guard n >= 0, n < buyers.count, let name = buyers[Int(n)] else { throw IDNames.unknown("buyer", n) }
            return name
        }
        if let name = someBuyers[n] { return name }
        findBuyer.bind(1, n)
        defer { findBuyer.reset() }
        guard try findBuyer.step() else { throw IDNames.unknown("buyer", n) }
        let name = findBuyer.text(0)
        someBuyers[n] = name
        return name
    }

    private static func unknown(_ kind: String, _ n: Int64) -> StoreError {
        StoreError.corruptRow(table: "\(kind)_ids", reason: "no \(kind) id numbered \(n)")
    }

    /// Names by number (numbers start at 1; nil where no id has the number).
    private static func all(_ db: Database, table: String) throws -> [String?] {
        let count = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(n), 0) FROM \(table)") ?? 0
        var names = [String?](repeating: nil, count: count + 1)
        let rows = try RawStatement(db, "SELECT n, id FROM \(table)")
        while try rows.step() { names[rows.int(0)] = rows.text(1) }
        return names
    }
}
