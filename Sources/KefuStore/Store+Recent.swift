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
    /// whole store. One snapshot; rows stream into the book through the indexes, buyer by buyer.
    public func loadRecent(since: Instant, zone: ShopTimeZone) throws -> (book: RecordBook, upTo: Int64) {
        try pool.read { db in
            let upTo = try Store.lastChange(db)
            let names = try IDNames(db, allBuyers: false)
            var book = RecordBook()
            func add(_ record: KefuCore.Record) { book.add(record) }
            try RecordReader.read(RecordReader.agents, db, names: names, "ORDER BY seq", add)
            let history = try BuyerHistoryReader(db, names: names)
            for buyer in try Store.buyersActive(since: since, db) { try history.read(buyer: buyer, add) }
            // `+seq`: find the rows through the time index, then sort those few by arrival
            // (rather than walk the whole table in arrival order).
            let day = zone.day(of: since)
            try RecordReader.read(RecordReader.ratings, db, names: names, "WHERE ts >= ? ORDER BY +seq", bind: { $0.bind(1, since) }, add)
            try RecordReader.read(RecordReader.tickets, db, names: names, "WHERE opened_at >= ? ORDER BY +rowid",
                                  bind: { $0.bind(1, since) }, add)
            try RecordReader.read(RecordReader.qa, db, names: names, "WHERE month >= ? ORDER BY +seq",
                                  bind: { $0.bind(1, day.month.description) }, add)
            try RecordReader.read(RecordReader.shifts, db, names: names, "WHERE date >= ? ORDER BY +seq",
                                  bind: { $0.bind(1, day.description) }, add)
            return (book, upTo)
        }
    }

    /// Buyers (the store's numbers, ascending) with a message, an order created or paid, or a
    /// refund at or after `since`, each found through its time index (messages through
    /// (agent, ts), one range per agent).
    static func buyersActive(since: Instant, _ db: Database) throws -> [Int64] {
        var buyers = Set<Int64>()
        for sql in [
            "SELECT buyer FROM messages WHERE agent IN (SELECT n FROM agent_ids) AND ts >= ?",
            "SELECT buyer FROM orders WHERE created_at >= ?",
            "SELECT buyer FROM orders WHERE paid_at >= ?",
            "SELECT o.buyer FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.refunded_at >= ?",
        ] {
            let rows = try RawStatement(db, sql)
            rows.bind(1, since)
            while try rows.step() { buyers.insert(rows.int64(0)) }
        }
        return buyers.sorted()
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
            let names = try IDNames(db, allBuyers: false)
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
