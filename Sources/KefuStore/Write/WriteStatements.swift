import GRDB

/// The statements a write runs per record, prepared once per write transaction.
///
/// Orders and tickets that existed before the transaction and that it changes have their
/// earlier row saved in a temporary table (`temp.orders_before`, `temp.tickets_before`), so
/// the transaction can tell at its end which rows really changed and stamp only those: a file
/// that takes a ticket from unresolved to resolved, written again, changes nothing.
struct WriteStatements {
    let buyers: IDStatements
    let agents: IDStatements

    let insertAgent: RawStatement
    /// One message, and `messageBatch` messages in one statement (see `MessageBatch`).
    let insertMessage: RawStatement
    let insertMessages: RawStatement
    let insertRefund: RawStatement
    let insertRating: RawStatement
    let insertQA: RawStatement
    let insertShift: RawStatement

    let refundExists: RawStatement
    let orderAmount: RawStatement
    let refundTotal: RawStatement

    let findOrder: RawStatement
    let insertOrder: RawStatement
    let updateOrder: RawStatement
    let saveOrderBefore: RawStatement
    let changedOrders: RawStatement
    let restampOrder: RawStatement

    let findTicket: RawStatement
    let insertTicket: RawStatement
    let updateTicket: RawStatement
    let saveTicketBefore: RawStatement
    let changedTickets: RawStatement
    let restampTicket: RawStatement

    init(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS orders_before (
                id TEXT PRIMARY KEY, buyer, created_at, paid_at, amount, items) WITHOUT ROWID;
            CREATE TEMP TABLE IF NOT EXISTS tickets_before (
                id TEXT PRIMARY KEY, closed_at, status) WITHOUT ROWID;
            DELETE FROM temp.orders_before;
            DELETE FROM temp.tickets_before;
            """)
        buyers = try IDStatements(db, .buyer)
        agents = try IDStatements(db, .agent)
        func make(_ sql: String) throws -> RawStatement { try RawStatement(db, sql) }

        insertAgent = try make("""
            INSERT INTO agents (seq, id, name, role, grp, grade, hired_on) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        func messageInsert(rows: Int) -> String {
            let values = repeatElement("(?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
            return "INSERT INTO messages (seq, ts, buyer, agent, sender, auto) VALUES \(values) ON CONFLICT DO NOTHING"
        }
        insertMessage = try make(messageInsert(rows: 1))
        insertMessages = try make(messageInsert(rows: MessageBatch.size))
        insertRefund = try make("INSERT INTO refunds (seq, order_id, refunded_at, amount) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        insertRating = try make("INSERT INTO ratings (seq, ts, buyer, agent, score) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        insertQA = try make("INSERT INTO qa (seq, month, agent, points) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        insertShift = try make("""
            INSERT INTO shifts (seq, agent, date, start, "end") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)

        refundExists = try make("SELECT 1 FROM refunds WHERE order_id = ? AND refunded_at = ?")
        orderAmount = try make("SELECT amount FROM orders WHERE id = ?")
        refundTotal = try make("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = ?")

        findOrder = try make("SELECT buyer, created_at, paid_at, amount, items, change_seq FROM orders WHERE id = ?")
        insertOrder = try make("""
            INSERT INTO orders (id, buyer, created_at, paid_at, amount, items, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        updateOrder = try make("UPDATE orders SET buyer = ?, created_at = ?, paid_at = ?, amount = ?, items = ? WHERE id = ?")
        saveOrderBefore = try make("""
            INSERT OR IGNORE INTO temp.orders_before
            SELECT id, buyer, created_at, paid_at, amount, items FROM main.orders WHERE id = ?
            """)
        changedOrders = try make("""
            SELECT o.id FROM temp.orders_before b JOIN main.orders o ON o.id = b.id
            WHERE o.buyer IS NOT b.buyer OR o.created_at IS NOT b.created_at OR o.paid_at IS NOT b.paid_at
               OR o.amount IS NOT b.amount OR o.items IS NOT b.items
            """)
        restampOrder = try make("UPDATE orders SET change_seq = ? WHERE id = ?")

        findTicket = try make("SELECT closed_at, status, change_seq FROM tickets WHERE id = ?")
        insertTicket = try make("""
            INSERT INTO tickets (id, agent, kind, opened_at, closed_at, status, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        updateTicket = try make("UPDATE tickets SET closed_at = ?, status = ? WHERE id = ?")
        saveTicketBefore = try make("""
            INSERT OR IGNORE INTO temp.tickets_before SELECT id, closed_at, status FROM main.tickets WHERE id = ?
            """)
        changedTickets = try make("""
            SELECT t.id FROM temp.tickets_before b JOIN main.tickets t ON t.id = b.id
            WHERE t.closed_at IS NOT b.closed_at OR t.status IS NOT b.status
            """)
        restampTicket = try make("UPDATE tickets SET change_seq = ? WHERE id = ?")
    }
}
