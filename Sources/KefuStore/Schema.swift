import GRDB

/// The store's tables, created and changed only by migrations.
///
/// Conventions: money is INTEGER fen, instants INTEGER ms since the epoch, dates TEXT
/// `YYYY-MM-DD`, months TEXT `YYYY-MM`, shift times INTEGER minutes after local midnight.
/// Every record kind has its natural key of SPEC §2 as a UNIQUE constraint. Rows that are
/// never updated (agents, messages, refunds, ratings, qa, shifts) carry their change stamp
/// as `seq INTEGER PRIMARY KEY`, so the rowid is both arrival order and the change stamp.
/// Orders and tickets, which later records update, keep an implicit rowid (first arrival)
/// and a separate indexed `change_seq`, re-stamped on every update.
enum Schema {
    /// `PRAGMA application_id` of a kefu store: the ASCII bytes "kefu".
    static let applicationID: Int32 = 0x6B65_6675

    /// The schema version recorded in `PRAGMA user_version` by the latest migration.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: records, change counter, feed positions") { db in
            try db.execute(sql: """
                CREATE TABLE change_counter (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL);
                INSERT INTO change_counter (id, seq) VALUES (1, 0);

                CREATE TABLE agents (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    name TEXT, role TEXT, grp TEXT, grade INTEGER, hired_on TEXT);

                CREATE TABLE messages (
                    seq INTEGER PRIMARY KEY,
                    ts INTEGER NOT NULL,
                    buyer TEXT NOT NULL,
                    agent TEXT NOT NULL,
                    sender INTEGER NOT NULL CHECK (sender IN (0, 1)), -- 0 buyer, 1 agent
                    auto INTEGER NOT NULL CHECK (auto IN (0, 1)),
                    UNIQUE (ts, buyer, agent, sender, auto));
                CREATE INDEX messages_by_buyer ON messages (buyer, ts);
                CREATE INDEX messages_by_agent ON messages (agent, ts);

                CREATE TABLE orders (
                    id TEXT NOT NULL UNIQUE,
                    buyer TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    paid_at INTEGER,
                    amount INTEGER NOT NULL,
                    items INTEGER NOT NULL,
                    change_seq INTEGER NOT NULL);
                CREATE INDEX orders_by_buyer ON orders (buyer, created_at);
                CREATE INDEX orders_by_paid_at ON orders (paid_at);
                CREATE INDEX orders_by_created_at ON orders (created_at);
                CREATE INDEX orders_by_change ON orders (change_seq);

                CREATE TABLE refunds (
                    seq INTEGER PRIMARY KEY,
                    order_id TEXT NOT NULL,
                    refunded_at INTEGER NOT NULL,
                    amount INTEGER NOT NULL,
                    UNIQUE (order_id, refunded_at));
                CREATE INDEX refunds_by_time ON refunds (refunded_at);

                CREATE TABLE ratings (
                    seq INTEGER PRIMARY KEY,
                    ts INTEGER NOT NULL,
                    buyer TEXT NOT NULL,
                    agent TEXT NOT NULL,
                    score INTEGER NOT NULL,
                    UNIQUE (ts, buyer, agent));

                CREATE TABLE tickets (
                    id TEXT NOT NULL UNIQUE,
                    agent TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    opened_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    status TEXT NOT NULL,
                    change_seq INTEGER NOT NULL);
                CREATE INDEX tickets_by_opened_at ON tickets (opened_at);
                CREATE INDEX tickets_by_change ON tickets (change_seq);

                CREATE TABLE qa (
                    seq INTEGER PRIMARY KEY,
                    month TEXT NOT NULL,
                    agent TEXT NOT NULL,
                    points REAL NOT NULL,
                    UNIQUE (month, agent));

                CREATE TABLE shifts (
                    seq INTEGER PRIMARY KEY,
                    agent TEXT NOT NULL,
                    date TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    UNIQUE (agent, date, start));
                CREATE INDEX shifts_by_date ON shifts (date);

                -- Where a followed feed was last committed: its identity and the byte offset
                -- just past the last line whose records are stored, written in the same
                -- transaction as those records.
                CREATE TABLE feed_position (
                    feed TEXT PRIMARY KEY,
                    device INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    offset INTEGER NOT NULL,
                    line INTEGER NOT NULL);

                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }
}
