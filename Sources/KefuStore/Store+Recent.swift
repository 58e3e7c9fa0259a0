import GRDB
import KefuCore

extension Store {
    /// The part of the store a live reader (the dashboard) works on, as a book, and the change
    /// number it is current to (pass it to `changes(since:wholeHistoryOfBuyersNotIn:)` next).
    ///
    /// Every record of each buyer with any record stamped at or after `since` (a message, an
    /// order created or paid, a refund), however old, since look-backs see all stored history
    /// (SPEC §1); every agent; and the ratings, tickets (by opening), QA points (by month) and
    /// shifts (by shop-local date) from `since` on. A report over a period starting at
    /// `since + W` or later (W the attribution window) is the same over this book as over the
    /// whole store. One snapshot; rows stream into the book, none is held in an array.
    public func loadRecent(since: Instant, zone: ShopTimeZone) throws -> (book: RecordBook, upTo: Int64) {
        try loadRecent(since: since, zone: zone, reading: .automatic)
    }

    /// How `loadRecent` reads the chosen buyers' histories.
    enum HistoryReading {
        /// Through the buyer indexes, buyer by buyer: when few of the store's buyers are chosen.
        case byBuyer
        /// Streaming the messages, orders and refunds tables whole, keeping the chosen buyers'
        /// rows: when many are.
        case scanningTables
        /// Scanning when more than one buyer in `scanShare` is chosen.
        case automatic
    }

    /// Measured on the K = 100 sample (1.4 million buyers, 10 million messages): reading buyer
    /// by buyer costs about 10 µs a chosen buyer more than streaming, and streaming about
    /// 0.3 µs a row of the buyers left out (7 to 8 rows a buyer), so streaming is the faster
    /// from about a fifth to a quarter of the buyers on (724 000 chosen: 16 s streaming, 24 s
    /// buyer by buyer; 22 500 chosen: 3.2 s and 0.9 s).
    static let scanShare = 5

    func loadRecent(since: Instant, zone: ShopTimeZone, reading: HistoryReading) throws -> (book: RecordBook, upTo: Int64) {
        try pool.read { db in
            let upTo = try Store.lastChange(db)
            let buyerCount = try IDNames.largestNumber(db, table: "buyer_ids")
            // A window reaching back past every buyer's first record holds them all: no need
            // to look for the active ones through the time indexes.
            let everyone = try Store.earliestBuyerStamp(db).map { since <= $0 } ?? true
            let (keep, chosen) = everyone ? ([Bool](repeating: true, count: buyerCount + 1), buyerCount)
                                          : try Store.buyersActive(since: since, numberedUpTo: buyerCount, db)
            let scanning = reading == .scanningTables || (reading == .automatic && chosen * Store.scanShare > buyerCount)
            if scanning { return (try BookLoader.load(db, .window(keep: keep, since: since, zone: zone)), upTo) }
            var book = RecordBook()
            func add(_ record: KefuCore.Record) { book.add(record) }
            let names = try IDNames(db, buyers: .onDemand)
            try RecordReader.read(RecordReader.agents, db, names: names, "ORDER BY seq", add)
            let history = try BuyerHistoryReader(db, names: names)
            for n in keep.indices where keep[n] { try history.read(buyer: Int64(n), add) }
            try Store.readWindow(since: since, zone: zone, db, names: names, add)
            return (book, upTo)
        }
    }

    /// The ratings, tickets, QA points and shifts from `since` on. `+seq`: the rows are found
    /// through the time index, then those few are sorted by arrival (rather than the whole
    /// table walked in arrival order).
    static func readWindow(since: Instant, zone: ShopTimeZone, _ db: Database, names: IDNames,
                           _ add: (KefuCore.Record) throws -> Void) throws {
        let day = zone.day(of: since)
        try RecordReader.read(RecordReader.ratings, db, names: names, "WHERE ts >= ? ORDER BY +seq", bind: { $0.bind(1, since) }, add)
        try RecordReader.read(RecordReader.tickets, db, names: names, "WHERE opened_at >= ? ORDER BY +rowid",
                              bind: { $0.bind(1, since) }, add)
        try RecordReader.read(RecordReader.qa, db, names: names, "WHERE month >= ? ORDER BY +seq",
                              bind: { $0.bind(1, day.month.description) }, add)
        try RecordReader.read(RecordReader.shifts, db, names: names, "WHERE date >= ? ORDER BY +seq",
                              bind: { $0.bind(1, day.description) }, add)
    }

    /// The earliest instant of any message, order (created or paid) or refund, each found
    /// through a time index (messages one agent at a time); nil for a store without any.
    static func earliestBuyerStamp(_ db: Database) throws -> Instant? {
        try earliest(of: ["SELECT MIN(created_at) FROM orders", "SELECT MIN(paid_at) FROM orders",
                          "SELECT MIN(refunded_at) FROM refunds"], db)
    }

    /// The earliest of the messages' instants (found through the (agent, ts) index, one agent
    /// at a time: no table scan) and those the `MIN` queries give.
    static func earliest(of queries: [String], _ db: Database) throws -> Instant? {
        var earliest: Instant?
        func see(_ t: Instant?) { if let t { earliest = min(earliest ?? t, t) } }
        let agents = try RawStatement(db, "SELECT n FROM agent_ids")
        let firstOfAgent = try RawStatement(db, "SELECT MIN(ts) FROM messages WHERE agent = ?")
        while try agents.step() {
            firstOfAgent.bind(1, agents.int64(0))
            see(try firstOfAgent.firstInt64())
        }
        for sql in queries { see(try RawStatement(db, sql).firstInt64()) }
        return earliest
    }

    /// Which buyers (by number, up to the largest) have a message, an order created or paid,
    /// or a refund at or after `since`, and how many; each kind found through its time index
    /// (messages through (agent, ts), one range per agent).
    static func buyersActive(since: Instant, numberedUpTo largest: Int, _ db: Database) throws -> (keep: [Bool], count: Int) {
        var keep = [Bool](repeating: false, count: largest + 1)
        var count = 0
        for sql in [
            "SELECT buyer FROM messages WHERE agent IN (SELECT n FROM agent_ids) AND ts >= ?",
            "SELECT buyer FROM orders WHERE created_at >= ?",
            "SELECT buyer FROM orders WHERE paid_at >= ?",
            "SELECT o.buyer FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.refunded_at >= ?",
        ] {
            let rows = try RawStatement(db, sql)
            rows.bind(1, since)
            while try rows.step() {
                let n = rows.int(0)
                if n >= 0, n <= largest, !keep[n] {
                    keep[n] = true
                    count += 1
                }
            }
        }
        return (keep, count)
    }

    /// What `changes(since:)` returns, plus `history`: the whole stored history (messages,
    /// orders, refunds) of each buyer the changes name (a refund names its order's buyer) for
    /// whom `isKnown` is false, read in the same snapshot. A reader that loaded only part of
    /// the store (`loadRecent`) adds `history` to its book first, so a buyer returning after a
    /// long absence is seen whole, as SPEC §1's look-backs require.
    public func changes(since: Int64, wholeHistoryOfBuyersNotIn isKnown: (String) -> Bool) throws
        -> (records: [KefuCore.Record], history: [KefuCore.Record], upTo: Int64) {
        try pool.read { db in
            let upTo = try Store.lastChange(db)
            let names = try IDNames(db, buyers: .onDemand)
            let records = try RecordReader.changed(db, names: names, since: since, upTo: upTo).map(\.record)
            let reader = try BuyerHistoryReader(db, names: names)
            let orderBuyer = try RawStatement(db, "SELECT b.id FROM orders o JOIN buyer_ids b ON b.n = o.buyer WHERE o.id = ?")
            var history: [KefuCore.Record] = []
            var loaded: Set<String> = []
            for record in records {
                let buyer: String?
                switch record {
                case .message(let m): buyer = m.buyer
                case .order(let o): buyer = o.buyer
                case .refund(let r):
                    orderBuyer.bind(1, r.orderID)
                    buyer = try orderBuyer.step() ? orderBuyer.text(0) : nil
                    orderBuyer.reset()
                default: buyer = nil
                }
                guard let buyer, !isKnown(buyer), loaded.insert(buyer).inserted, let n = try reader.number(of: buyer) else { continue }
                try reader.read(buyer: n) { history.append($0) }
            }
            return (records, history, upTo)
        }
    }
}
