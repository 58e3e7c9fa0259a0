import GRDB

/// The store's tables, created and changed only by migrations (a migration, once released,
/// never changes: a store of any earlier version is converted in place when it is opened).
///
/// Conventions: money is INTEGER fen, instants INTEGER ms since the epoch, dates TEXT
/// `YYYY-MM-DD`, months TEXT `YYYY-MM`, shift times INTEGER minutes after local midnight.
/// Every record kind has its natural key of SPEC §2 as a UNIQUE constraint. Rows that are
/// never updated (agents, messages, refunds, ratings, qa, shifts) carry their change stamp
/// as `seq INTEGER PRIMARY KEY`, so the rowid is both arrival order and the change stamp.
/// Orders and tickets, which later records update, keep an implicit rowid (first arrival)
/// and a separate indexed `change_seq`, re-stamped on every update.
///
/// Since v2, the many-row tables (messages, ratings, orders) name buyers and agents by integer:
/// `buyer_ids` and `agent_ids` hold each id's text once, numbered in order of first arrival
/// (so a day's buyers have neighbouring numbers, and their index entries neighbouring pages).
/// Numbers are never deleted or reused, so a writer may cache them across transactions.
/// The small tables (agents, tickets, qa, shifts) keep agent ids as text.
///
/// Indexes serve the natural keys and the queries kefu makes: a buyer's whole history
/// (`messages` UNIQUE (buyer, ts, …), `orders_by_buyer`), everything changed since a stamp
/// (the `seq` rowids, `*_by_change`), and time ranges (today's shift, a month, the dashboard's
/// window, retention): messages through `messages_by_agent (agent, ts)`, which is also
/// an agent's period, orders by creation and payment time, refunds by time, ratings by their
/// UNIQUE (ts, …), tickets by opening time, shifts by date.
enum Schema {
    /// `PRAGMA application_id` of a kefu store: the ASCII bytes "kefu".
    static let applicationID: Int32 = 0x6B65_6675

    /// The schema version recorded in `PRAGMA user_version` by the latest migration.
    static let version = 2

    /// The name of the first migration, for tests that build a store of that version.
    static let v1 = "v1: records, change counter, feed positions"
    static let v2 = "v2: buyer and agent ids as integers"

    /// Whether migrating a store with these migrations applied rebuilds tables that hold
    /// records (an existing store converted, not a new one being built).
    static func convertsTables(from applied: Set<String>) -> Bool {
        applied.contains(v1) && !applied.contains(v2)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
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
        migrator.registerMigration(v2) { db in
            try db.execute(sql: v2Conversion)
        }
        return migrator
    }

    /// Converts the v1 tables in place: interns every buyer and agent id that messages, ratings
    /// and orders name (buyers in order of first arrival), then rebuilds those three tables
    /// with integer ids, keeping every row's stamp, rowid and arrival order. The messages'
    /// natural key leads with the buyer, so it also serves a buyer's history, and replaces the
    /// v1 index on (buyer, ts).
    private static let v2Conversion = """
        CREATE TABLE buyer_ids (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
        CREATE TABLE agent_ids (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
        INSERT OR IGNORE INTO buyer_ids (id) SELECT buyer FROM messages ORDER BY seq;
        INSERT OR IGNORE INTO buyer_ids (id) SELECT buyer FROM orders ORDER BY rowid;
        INSERT OR IGNORE INTO buyer_ids (id) SELECT buyer FROM ratings ORDER BY seq;
        INSERT OR IGNORE INTO agent_ids (id) SELECT DISTINCT agent FROM messages;
        INSERT OR IGNORE INTO agent_ids (id) SELECT DISTINCT agent FROM ratings;

        CREATE TABLE messages_v2 (
            seq INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            buyer INTEGER NOT NULL,                          -- buyer_ids.n
            agent INTEGER NOT NULL,                          -- agent_ids.n
            sender INTEGER NOT NULL CHECK (sender IN (0, 1)), -- 0 buyer, 1 agent
            auto INTEGER NOT NULL CHECK (auto IN (0, 1)),
            UNIQUE (buyer, ts, agent, sender, auto));
        INSERT INTO messages_v2 (seq, ts, buyer, agent, sender, auto)
            SELECT m.seq, m.ts, b.n, a.n, m.sender, m.auto
            FROM messages m JOIN buyer_ids b ON b.id = m.buyer JOIN agent_ids a ON a.id = m.agent
            ORDER BY m.seq;
        DROP TABLE messages;
        ALTER TABLE messages_v2 RENAME TO messages;
        CREATE INDEX messages_by_agent ON messages (agent, ts);

        CREATE TABLE ratings_v2 (
            seq INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            buyer INTEGER NOT NULL,
            agent INTEGER NOT NULL,
            score INTEGER NOT NULL,
            UNIQUE (ts, buyer, agent));
        INSERT INTO ratings_v2 (seq, ts, buyer, agent, score)
            SELECT r.seq, r.ts, b.n, a.n, r.score
            FROM ratings r JOIN buyer_ids b ON b.id = r.buyer JOIN agent_ids a ON a.id = r.agent
            ORDER BY r.seq;
        DROP TABLE ratings;
        ALTER TABLE ratings_v2 RENAME TO ratings;

        CREATE TABLE orders_v2 (
            id TEXT NOT NULL UNIQUE,
            buyer INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            paid_at INTEGER,
            amount INTEGER NOT NULL,
            items INTEGER NOT NULL,
            change_seq INTEGER NOT NULL);
        INSERT INTO orders_v2 (rowid, id, buyer, created_at, paid_at, amount, items, change_seq)
            SELECT o.rowid, o.id, b.n, o.created_at, o.paid_at, o.amount, o.items, o.change_seq
            FROM orders o JOIN buyer_ids b ON b.id = o.buyer
            ORDER BY o.rowid;
        DROP TABLE orders;
        ALTER TABLE orders_v2 RENAME TO orders;
        CREATE INDEX orders_by_buyer ON orders (buyer, created_at);
        CREATE INDEX orders_by_paid_at ON orders (paid_at);
        CREATE INDEX orders_by_created_at ON orders (created_at);
        CREATE INDEX orders_by_change ON orders (change_seq);

        PRAGMA user_version = 2;
        """
}
