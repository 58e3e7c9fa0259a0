import GRDB
import KefuCore

/// Reads the store, or part of it, into a book in about the memory the book needs: messages
/// are read buyer by buyer (the natural-key index leads with the buyer), so the book lays each
/// buyer's out once at its final size, and they name their buyer and agent by the book's
/// handles, found once per store number, so no name is looked up or held per row.
///
/// The whole store (`Store.loadBook`), or a window (`Store.loadRecent` when many buyers are
/// chosen): every message, order and refund of the buyers marked in `keep`, streamed table by
/// table, plus every agent and the ratings, tickets, QA points and shifts from `since` on.
enum BookLoader {
    /// Which part of the store to read.
    enum Part {
        case everything
        /// The chosen buyers' histories (by store number) and the other records from `since` on.
        case window(keep: [Bool], since: Instant, zone: ShopTimeZone)
    }

    static func load(_ db: Database, _ part: Part) throws -> RecordBook {
        var book = RecordBook()
        let names = try IDNames(db, buyers: .onDemand)
        let kept: (Int) -> Bool
        let share: Double
        switch part {
        case .everything:
            kept = { _ in true }
            share = 1
        case .window(let keep, _, _):
            kept = { $0 >= 0 && $0 < keep.count && keep[$0] }
            share = Double(keep.lazy.filter { $0 }.count) / Double(max(1, keep.count))
        }
        try reserveRoom(db, share: share, in: &book)
        try RecordReader.read(RecordReader.agents, db, names: names, "ORDER BY seq") { book.add($0) }
        try readMessages(db, kept: kept, into: &book)
        let orders = try RawStatement(db, """
            SELECT o.id, b.id, o.created_at, o.paid_at, o.amount, o.items, o.buyer FROM orders o JOIN buyer_ids b ON b.n = o.buyer
            ORDER BY o.rowid
            """)
        while try orders.step() {
            guard kept(orders.int(6)) else { continue }
            book.add(Order(id: orders.text(0), buyer: orders.text(1), createdAt: orders.int64(2), paidAt: orders.optionalInt64(3),
                           amount: orders.int64(4), items: orders.int(5)))
        }
        switch part {
        case .everything:
            try RecordReader.read(RecordReader.refunds, db, names: names, "ORDER BY seq") { book.add($0) }
            try readRatings(db, into: &book)
            for kind in [RecordReader.tickets, RecordReader.qa, RecordReader.shifts] {
                try RecordReader.read(kind, db, names: names, "ORDER BY \(kind.arrival)") { book.add($0) }
            }
        case .window(_, let since, let zone):
            // A refund belongs to its order's buyer (one whose order is not stored adds nothing).
            let refunds = try RawStatement(db, """
                SELECT r.order_id, r.refunded_at, r.amount, o.buyer FROM refunds r JOIN orders o ON o.id = r.order_id ORDER BY r.seq
                """)
            while try refunds.step() {
                guard kept(refunds.int(3)) else { continue }
                book.add(Refund(orderID: refunds.text(0), refundedAt: refunds.int64(1), amount: refunds.int64(2)))
            }
            try Store.readWindow(since: since, zone: zone, db, names: names) { book.add($0) }
        }
        return book
    }

    /// Sizes the book's buyer and order tables for `share` of the store's buyers and orders
    /// (a window's orders taken as the same share as its buyers: room, not a limit).
    private static func reserveRoom(_ db: Database, share: Double, in book: inout RecordBook) throws {
        let ids = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(id AS BLOB))), 0) FROM buyer_ids")
        let orders = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM orders") ?? 0
        // Messages are numbered by the store's change counter (every record kind draws from it):
        // the largest number bounds their count; room reserved and never filled stays untouched.
        let messages = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM messages") ?? 0
        func part(_ n: Int) -> Int { Int((Double(n) * share).rounded(.up)) }
        book.reserve(buyers: part(ids?[0] ?? 0), idBytes: part(ids?[1] ?? 0), messages: part(messages), orders: part(orders))
    }

    /// Every rating in arrival order, its ids joined into the row.
    private static func readRatings(_ db: Database, into book: inout RecordBook) throws {
        let ratings = try RawStatement(db, """
            SELECT r.ts, b.id, a.id, r.score FROM ratings r JOIN buyer_ids b ON b.n = r.buyer JOIN agent_ids a ON a.n = r.agent
            ORDER BY r.seq
            """)
        while try ratings.step() {
            book.add(Rating(ts: ratings.int64(0), buyer: ratings.text(1), agent: ratings.text(2), score: ratings.int(3)))
        }
    }

    /// The kept buyers' messages, each buyer's in arrival order (same-instant ties keep their
    /// input order), in one pass over the buyer-first natural-key index: a buyer's rows are
    /// gathered, put back in arrival order (`seq`) and added at once. Buyers get their handle as
    /// their rows begin (their names read alongside, in the same order); agents theirs first.
    private static func readMessages(_ db: Database, kept: (Int) -> Bool, into book: inout RecordBook) throws {
        var agents = [RecordBook.IDHandle?](repeating: nil, count: try IDNames.largestNumber(db, table: "agent_ids") + 1)
        let agentNames = try RawStatement(db, "SELECT n, id FROM agent_ids")
        while try agentNames.step() { agents[agentNames.int(0)] = book.agentHandle(agentNames.text(1)) }

        let names = try RawStatement(db, "SELECT n, id FROM buyer_ids ORDER BY n")
        var named = 0 // the buyer number `names` stands on (0: none yet)
        func handle(ofBuyer b: Int) throws -> RecordBook.IDHandle {
            while named < b {
                guard try names.step() else { throw missing("buyer", b) }
                named = names.int(0)
            }
            guard named == b else { throw missing("buyer", b) }
            return names.withText(1) { book.buyerHandle(utf8: $0) }
        }
        var rows: [(seq: Int64, ts: Instant, agent: RecordBook.IDHandle, sender: Sender, auto: Bool)] = []
        var buyer = -1
        func flush() throws {
            guard !rows.isEmpty else { return }
            if !rows.indices.dropFirst().allSatisfy({ rows[$0 - 1].seq < rows[$0].seq }) { rows.sort { $0.seq < $1.seq } }
            let h = try handle(ofBuyer: buyer)
            book.makeRoom(forMessages: rows.count, ofBuyer: h)
            for r in rows { book.addMessage(ts: r.ts, buyer: h, agent: r.agent, sender: r.sender, auto: r.auto) }
            rows.removeAll(keepingCapacity: true)
        }
        let scan = try RawStatement(db, "SELECT buyer, seq, ts, agent, sender, auto FROM messages ORDER BY buyer")
        while try scan.step() {
            let b = scan.int(0)
            if b != buyer {
                try flush()
                buyer = b
            }
            guard kept(b) else { continue }
            let a = scan.int(3)
            guard a >= 0, a < agents.count, let agent = agents[a] else { throw missing("agent", a) }
            rows.append((scan.int64(1), scan.int64(2), agent, scan.int64(4) == 1 ? .agent : .buyer, scan.int64(5) == 1))
        }
        try flush()
        book.releaseUnusedMessageRoom()
    }

    private static func missing(_ kind: String, _ n: Int) -> StoreError {
        StoreError.corruptRow(table: "messages", reason: "no \(kind) id numbered \(n)")
    }
}
