import GRDB
import KefuCore

/// Reads the whole store into a book (`Store.loadBook`) in about the memory the book needs:
/// each buyer's messages are counted first, so the book lays them out once at their final
/// size, and messages name their buyer and agent by the book's handles, found once per
/// store number, so no name is looked up or held per row.
enum BookLoader {
    static func load(_ db: Database) throws -> RecordBook {
        var book = RecordBook()
        let names = try IDNames(db, buyers: .onDemand)
        try RecordReader.read(RecordReader.agents, db, names: names, "ORDER BY seq") { book.add($0) }
        try readMessages(db, into: &book)
        let orders = try RawStatement(db, """
            SELECT o.id, b.id, o.created_at, o.paid_at, o.amount, o.items FROM orders o JOIN buyer_ids b ON b.n = o.buyer
            ORDER BY o.rowid
            """)
        while try orders.step() {
            book.add(Order(id: orders.text(0), buyer: orders.text(1), createdAt: orders.int64(2), paidAt: orders.optionalInt64(3),
                           amount: orders.int64(4), items: orders.int(5)))
        }
        try RecordReader.read(RecordReader.refunds, db, names: names, "ORDER BY seq") { book.add($0) }
        let ratings = try RawStatement(db, """
            SELECT r.ts, b.id, a.id, r.score FROM ratings r JOIN buyer_ids b ON b.n = r.buyer JOIN agent_ids a ON a.n = r.agent
            ORDER BY r.seq
            """)
        while try ratings.step() {
            book.add(Rating(ts: ratings.int64(0), buyer: ratings.text(1), agent: ratings.text(2), score: ratings.int(3)))
        }
        for kind in [RecordReader.tickets, RecordReader.qa, RecordReader.shifts] {
            try RecordReader.read(kind, db, names: names, "ORDER BY \(kind.arrival)") { book.add($0) }
        }
        return book
    }

    /// Every message in arrival order (same-instant ties keep their input order). Buyers with
    /// messages get their handle and message count first (a count over the buyer-first
    /// natural-key index); agents their handle.
    private static func readMessages(_ db: Database, into book: inout RecordBook) throws {
        var buyers = [RecordBook.IDHandle?](repeating: nil, count: try IDNames.largestNumber(db, table: "buyer_ids") + 1)
        let counts = try RawStatement(db, "SELECT m.buyer, b.id, COUNT(*) FROM messages m JOIN buyer_ids b ON b.n = m.buyer GROUP BY m.buyer")
        while try counts.step() {
            let handle = counts.withText(1) { book.buyerHandle(utf8: $0) }
            buyers[counts.int(0)] = handle
            book.expectMessages(ofBuyer: handle, count: counts.int(2))
        }
        book.reserveExpectedMessages()
        var agents = [RecordBook.IDHandle?](repeating: nil, count: try IDNames.largestNumber(db, table: "agent_ids") + 1)
        let agentNames = try RawStatement(db, "SELECT n, id FROM agent_ids")
        while try agentNames.step() { agents[agentNames.int(0)] = book.agentHandle(agentNames.text(1)) }

        let rows = try RawStatement(db, "SELECT ts, buyer, agent, sender, auto FROM messages ORDER BY seq")
        while try rows.step() {
            let b = rows.int(1), a = rows.int(2)
            guard b >= 0, b < buyers.count, let buyer = buyers[b] else { throw missing("buyer", b) }
            guard a >= 0, a < agents.count, let agent = agents[a] else { throw missing("agent", a) }
            book.addMessage(ts: rows.int64(0), buyer: buyer, agent: agent, sender: rows.int64(3) == 1 ? .agent : .buyer,
                            auto: rows.int64(4) == 1)
        }
        book.releaseUnusedMessageRoom()
    }

    private static func missing(_ kind: String, _ n: Int) -> StoreError {
        StoreError.corruptRow(table: "messages", reason: "no \(kind) id numbered \(n)")
    }
}
