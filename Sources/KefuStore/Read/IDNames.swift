import GRDB

/// The text of the store's buyer and agent numbers, for turning rows back into records.
///
/// Agents are few and read whole. Buyers' names are read up front (each once, then shared by
/// every record that names it) when many rows will be read, or one at a time, as rows ask
/// for them, when few will; a name not read up front is looked up when asked for.
final class IDNames {
    /// Which buyers' names to read up front.
    enum Buyers {
        /// Every buyer's.
        case all
        /// Those whose number is true in this list (indexed by number).
        case only([Bool])
        /// None.
        case onDemand
    }

    private var agents: [String?] = []
    private var buyers: [String?] = []
    private var lookedUp: [Int64: String] = [:]
    private let findBuyer: RawStatement

    init(_ db: Database, buyers selection: Buyers) throws {
        agents = try IDNames.names(db, table: "agent_ids") { _ in true }
        switch selection {
        case .all: buyers = try IDNames.names(db, table: "buyer_ids") { _ in true }
        case .only(let wanted): buyers = try IDNames.names(db, table: "buyer_ids") { $0 < wanted.count && wanted[$0] }
        case .onDemand: break
        }
        findBuyer = try RawStatement(db, "SELECT id FROM buyer_ids WHERE n = ?")
    }

    func agent(_ n: Int64) throws -> String {
        guard n >= 0, n < agents.count, let name = agents[Int(n)] else { throw IDNames.unknown("agent", n) }
        return name
    }

    func buyer(_ n: Int64) throws -> String {
        if n >= 0, n < buyers.count, let name = buyers[Int(n)] { return name }
        if let name = lookedUp[n] { return name }
        findBuyer.bind(1, n)
        defer { findBuyer.reset() }
        guard try findBuyer.step() else { throw IDNames.unknown("buyer", n) }
        let name = findBuyer.text(0)
        lookedUp[n] = name
        return name
    }

    private static func unknown(_ kind: String, _ n: Int64) -> StoreError {
        StoreError.corruptRow(table: "\(kind)_ids", reason: "no \(kind) id numbered \(n)")
    }

    /// The largest number a table has given (0 when empty).
    static func largestNumber(_ db: Database, table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(n), 0) FROM \(table)") ?? 0
    }

    /// Names by number (numbers start at 1; nil where no id has the number or it is not wanted).
    private static func names(_ db: Database, table: String, wanted: (Int) -> Bool) throws -> [String?] {
        var names = [String?](repeating: nil, count: try largestNumber(db, table: table) + 1)
        let rows = try RawStatement(db, "SELECT n, id FROM \(table)")
        while try rows.step() {
            let n = rows.int(0)
            if wanted(n) { names[n] = rows.text(1) }
        }
        return names
    }
}
