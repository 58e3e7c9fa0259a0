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
    /// This store's busy timeout, in seconds (see `Store.busyTimeout`).
    let busyTimeout: Double
    let pool: DatabasePool
    /// A connection of its own, used only for `PRAGMA data_version` (which is per connection).
    let versionConnection: DatabaseQueue
    /// The buyer and agent numbers this store's writes have used, kept across writes.
    let idMemory = IDMemory()

    /// Pages the writing connection may keep in memory (a negative `cache_size` is KiB).
    /// Importing 4 million messages, SQLite's default 2 MiB cost about a third more system
    /// time (pages written out and read back mid-transaction) than 16 to 256 MiB, which
    /// measured alike. Readers keep the default: they read mostly in order.
    static let writerCacheKiB = 32_768

    /// `$XDG_DATA_HOME/kefu/kefu.sqlite`, else `~/.local/share/kefu/kefu.sqlite`.
    public static var defaultPath: String { StoreFile.defaultPath() }

    /// Opens the kefu store at `path`, creating it (mode 0600, and its folder) when absent.
    ///
    /// - Throws: `StoreError.notSQLite` or `.notKefuStore` for a file kefu did not create (the
    ///   file is left byte for byte unchanged), `.newerSchema` for a store of a newer kefu.
    public static func open(path: String) throws -> Store { try Store(path: path) }

    /// How long a write waits for another writer (another process's import, prune or ingest)
    /// before it fails with SQLite's "database is locked", in seconds.
    static let busyTimeout: Double = 10

    /// Runs a write, turning SQLite's "database is locked" (another process held the store
    /// beyond the busy timeout) into `StoreError.busy`.
    func whileNotBusy<T>(_ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy(path: path, seconds: Int(busyTimeout.rounded()))
        }
    }

    /// `open(path:)` with another busy timeout (tests).
    static func open(path: String, busyTimeout: Double) throws -> Store { try Store(path: path, busyTimeout: busyTimeout) }

    private init(path: String, busyTimeout: Double = Store.busyTimeout) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        switch try StoreFile.kind(at: path) {
        case .notSQLite: throw StoreError.notSQLite(path: path)
        case .otherSQLite: throw StoreError.notKefuStore(path: path)
        case .absent: try Store.create(at: path)
        case .kefuStore: break
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // In WAL mode NORMAL loses no committed transaction on a process crash (kill -9);
            // only a power loss may roll back the last few commits, never half of one.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -\(Store.writerCacheKiB)")
                // A large import's write-ahead log is cut back to 64 MiB once checkpointed.
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
        }
        pool = try DatabasePool(path: path, configuration: config)
        let migrator = Schema.migrator
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
        let (upToDate, converting) = try pool.read { db in
            (try migrator.hasCompletedMigrations(db), try Schema.convertsTables(from: migrator.appliedIdentifiers(db)))
        }
        // Only a store with a migration pending is migrated (in one transaction per migration).
        if !upToDate { try migrator.migrate(pool) }
        // A conversion leaves the old tables' pages free inside the file: give them back, and
        // empty the log the rewrite went through.
        if converting {
            try pool.vacuum()
            try pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        }
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(busyTimeout)
        versionConnection = try DatabaseQueue(path: path, configuration: readOnly)
    }

    /// Closes the store's connections (using it afterwards throws), first emptying the
    /// write-ahead log into the file, so a finished import leaves no log of its size behind
    /// (GRDB closes read-only connections last, and those cannot). Should another process be
    /// reading at that moment, the log is left for a later checkpoint.
    public func close() throws {
        try versionConnection.close()
        _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try pool.close()
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
}
