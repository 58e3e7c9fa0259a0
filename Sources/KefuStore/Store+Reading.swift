import GRDB
import KefuCore

extension Store {
    /// Every stored record, as the in-memory book the scoring engine reads (messages in the
    /// order they were stored, so same-instant ties keep their input order). Rows stream
    /// from the file into the book one at a time. One snapshot: a concurrent write is seen
    /// whole or not at all.
    public func loadBook() throws -> RecordBook {
        try pool.read { db in try BookLoader.load(db, .everything) }
    }

    /// Records inserted or updated after change number `since`, in the order of their changes
    /// (an updated order or ticket comes as its whole, merged, current row), and the change
    /// number they run up to: pass it as `since` next time. Folding them into a book with
    /// `RecordBook.add` yields the same book as `loadBook()` (apart from pruned records).
    public func changes(since: Int64) throws -> (records: [KefuCore.Record], upTo: Int64) {
        try pool.read { db in
            let upTo = try Store.lastChange(db)
            let names = try IDNames(db, buyers: .onDemand)
            return (try RecordReader.changed(db, names: names, since: since, upTo: upTo).map(\.record), upTo)
        }
    }

    /// The latest change number: `changes(since:)` returns nothing new while it stays the same.
    public func lastChange() throws -> Int64 {
        try pool.read { try Store.lastChange($0) }
    }

    static func lastChange(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM change_counter WHERE id = 1") ?? 0
    }

    /// `PRAGMA data_version` on a connection used for nothing else: it changes whenever
    /// another connection (this process's writer, or another process) commits. Reading it
    /// touches no table and no page of the file, so a dashboard can poll it every tick and
    /// call `changes(since:)` only when it moved.
    public func dataVersion() throws -> Int {
        try versionConnection.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }

    /// The saved position of a followed feed, if any.
    public func feedPosition(feed: String) throws -> FeedPosition? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT device, inode, offset, line FROM feed_position WHERE feed = ?",
                             arguments: [feed]).map { row in
                FeedPosition(feed: feed, device: UInt64(bitPattern: row[0]), inode: UInt64(bitPattern: row[1]),
                             offset: row[2], line: row[3])
            }
        }
    }

    /// Agent ids that stored records (messages, ratings, tickets, QA points, shifts) name but
    /// no stored `agents.csv` row lists, sorted by their UTF-8 bytes.
    public func agentsMissing() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT id FROM agent_ids a
                WHERE EXISTS (SELECT 1 FROM messages WHERE agent = a.n) OR EXISTS (SELECT 1 FROM ratings WHERE agent = a.n)
                UNION SELECT agent FROM tickets UNION SELECT agent FROM qa UNION SELECT agent FROM shifts
                EXCEPT SELECT id FROM agents
                """)
        }.sorted(by: utf8Less)
    }

    /// Rows per table, keyed by table name (`messages`, `orders`, ...).
    public func rowCounts() throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for kind in RecordReader.kinds {
                counts[kind.table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(kind.table)") ?? 0
            }
            return counts
        }
    }
}
