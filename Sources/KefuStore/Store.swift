import Foundation
import GRDB
import KefuCore

/// The embedded store (SQLite through GRDB, WAL mode): every record of SPEC §2, once per
/// natural key, so an ingest process can write while dashboards and reports read.
///
/// Writes follow `RecordBook.add` exactly: the first record of a key wins, except that a later
/// order updates the stored one (never clearing `paid_at`) and a later ticket updates status and
/// `closed_at`. Every insert and update is stamped with a store-wide increasing change number,
/// so a reader can ask for everything changed since the last number it saw (`changes(since:)`).
///
/// Opening refuses any existing file that is not a kefu store, before SQLite touches it.
public final class Store: Sendable {
    /// The store file's path.
    public let path: String
    private let pool: DatabasePool
    /// A connection of its own, used only for `PRAGMA data_version` (which is per connection).
    private let versionConnection: DatabaseQueue

    /// `$XDG_DATA_HOME/kefu/kefu.sqlite`, else `~/.local/share/kefu/kefu.sqlite`.
    public static var defaultPath: String { StoreFile.defaultPath() }

    /// Opens the kefu store at `path`, creating it (mode 0600, and its folder) when absent.
    ///
    /// - Throws: `StoreError.notSQLite` or `.notKefuStore` for a file kefu did not create (the
    ///   file is left byte for byte unchanged), `.newerSchema` for a store of a newer kefu.
    public static func open(path: String) throws -> Store { try Store(path: path) }

    private init(path: String) throws {
        self.path = path
        switch try StoreFile.kind(at: path) {
        case .notSQLite: throw StoreError.notSQLite(path: path)
        case .otherSQLite: throw StoreError.notKefuStore(path: path)
        case .absent: try Store.create(at: path)
        case .kefuStore: break
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // In WAL mode NORMAL loses no committed transaction on a process crash (kill -9);
            // only a power loss may roll back the last few commits, never half of one.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: config)
        let migrator = Schema.migrator
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
        try migrator.migrate(pool)
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(10)
        versionConnection = try DatabaseQueue(path: path, configuration: readOnly)
    }

    /// Creates the file privately, marks it as a kefu store and builds the schema, in rollback
    /// journal mode so the marker is in the main file before the store switches to WAL.
    private static func create(at path: String) throws {
        try StoreFile.createPrivately(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        }
        try Schema.migrator.migrate(queue)
        try queue.close()
    }

    // MARK: Writing

    /// Writes records in one transaction, under the natural-key rules of SPEC §2.
    ///
    /// A refund that would take its order's refunds above the order's amount (checked against
    /// stored orders and those earlier in `records`) is invalid: with `.rejectAll` nothing is
    /// stored, with `.skip` the others are. `feed`, when given, is saved in the same
    /// transaction, so the records and the position that produced them commit together.
    @discardableResult
    public func write(_ records: [KefuCore.Record], invalid policy: InvalidRecordPolicy = .skip,
                      feed: FeedPosition? = nil) throws -> WriteCounts {
        var counts = WriteCounts()
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                var writer = try RecordWriter(db)
                counts = try writer.write(records)
                if policy == .rejectAll && !counts.rejected.isEmpty {
                    counts = WriteCounts(rejected: counts.rejected, committed: false)
                    return .rollback
                }
                try writer.finish()
                if let feed { try Store.save(feed, db) }
                return .commit
            }
        }
        return counts
    }

    private static func save(_ p: FeedPosition, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO feed_position (feed, device, inode, offset, line) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (feed) DO UPDATE SET device = excluded.device, inode = excluded.inode,
                offset = excluded.offset, line = excluded.line
            """, arguments: [p.feed, Int64(bitPattern: p.device), Int64(bitPattern: p.inode), p.offset, p.line])
    }

    // MARK: Reading

    /// Every stored record, as the in-memory book the scoring engine reads (messages in the
    /// order they were stored, so same-instant ties keep their input order). One snapshot:
    /// a concurrent write is seen whole or not at all.
    public func loadBook() throws -> RecordBook {
        try pool.read { db in
            var book = RecordBook()
            try RecordReader.all(db) { book.add($0) }
            return book
        }
    }

    /// Records inserted or updated after change number `since`, in the order of their changes
    /// (an updated order or ticket comes as its whole, merged, current row), and the change
    /// number they run up to: pass it as `since` next time. Folding them into a book with
    /// `RecordBook.add` yields the same book as `loadBook()` (apart from pruned records).
    public func changes(since: Int64) throws -> (records: [KefuCore.Record], upTo: Int64) {
        try pool.read { db in
            let upTo = try Int64.fetchOne(db, sql: "SELECT seq FROM change_counter WHERE id = 1") ?? 0
            return (try RecordReader.changed(db, since: since, upTo: upTo).map(\.record), upTo)
        }
    }

    /// The latest change number: `changes(since:)` returns nothing new while it stays the same.
    public func lastChange() throws -> Int64 {
        try pool.read { try Int64.fetchOne($0, sql: "SELECT seq FROM change_counter WHERE id = 1") ?? 0 }
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

    /// Which of these agent ids have no row of `agents.csv` in the store, sorted.
    public func agentsMissing(from ids: Set<String>) throws -> [String] {
        try pool.read { db in
            let stmt = try db.cachedStatement(sql: "SELECT 1 FROM agents WHERE id = ?")
            return try ids.filter { try Bool.fetchOne(stmt, arguments: [$0]) == nil }.sorted()
        }
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

    // MARK: Retention

    /// Deletes records older than `cutoff`: messages and ratings by `ts`, orders by
    /// `created_at` together with their refunds (and refunds of unknown orders by
    /// `refunded_at`), tickets by `opened_at`, shifts by their shop-local date and QA points by
    /// month (a month is kept while any of its days is kept).
    public func prune(before cutoff: Instant, zone: ShopTimeZone) throws -> PruneCounts {
        let day = zone.day(of: cutoff)
        var counts = PruneCounts()
        try pool.write { db in
            func delete(_ sql: String, _ args: StatementArguments) throws -> Int {
                try db.execute(sql: sql, arguments: args)
                return db.changesCount
            }
            counts.messages = try delete("DELETE FROM messages WHERE ts < ?", [cutoff])
            counts.ratings = try delete("DELETE FROM ratings WHERE ts < ?", [cutoff])
            counts.refunds = try delete("""
                DELETE FROM refunds WHERE order_id IN (SELECT id FROM orders WHERE created_at < ?)
                   OR (refunded_at < ? AND order_id NOT IN (SELECT id FROM orders))
                """, [cutoff, cutoff])
            counts.orders = try delete("DELETE FROM orders WHERE created_at < ?", [cutoff])
            counts.tickets = try delete("DELETE FROM tickets WHERE opened_at < ?", [cutoff])
            counts.shifts = try delete("DELETE FROM shifts WHERE date < ?", [day.description])
            counts.qa = try delete("DELETE FROM qa WHERE month < ?", [day.month.description])
        }
        return counts
    }
}
