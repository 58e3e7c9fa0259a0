import GRDB
import KefuCore

/// Writes records inside one open write transaction, with the same outcomes as
/// `RecordBook.add`, stamping every insert and update with the next change sequence number.
struct RecordWriter {
    let db: Database
    /// The last change stamp used; saved back to `change_counter` by `finish()`.
    private(set) var seq: Int64

    init(_ db: Database) throws {
        self.db = db
        seq = try Int64.fetchOne(db, sql: "SELECT seq FROM change_counter WHERE id = 1") ?? 0
    }

    /// Saves the change counter. Call once, before the transaction commits.
    func finish() throws {
        try db.execute(sql: "UPDATE change_counter SET seq = ? WHERE id = 1", arguments: [seq])
    }

    private mutating func nextSeq() -> Int64 { seq += 1; return seq }

    /// Runs an `INSERT … ON CONFLICT DO NOTHING` with the change stamp as first argument.
    private mutating func insertUnlessPresent(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws -> RecordBook.Outcome {
        let stamp = seq + 1
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments([stamp] + values))
        guard db.changesCount == 1 else { return .duplicate }
        seq = stamp
        return .stored
    }

    /// Why a record cannot be stored, or nil when it can.
    func invalidity(of record: KefuCore.Record) throws -> String? {
        guard case .refund(let r) = record else { return nil }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM refunds WHERE order_id = ? AND refunded_at = ?",
                             arguments: [r.orderID, r.refundedAt]) != nil {
            return nil // a duplicate, not an error
        }
        guard let orderAmount = try Int64.fetchOne(db, sql: "SELECT amount FROM orders WHERE id = ?", arguments: [r.orderID]) else {
            return nil // the order may arrive later
        }
        let refunded = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = ?",
                                          arguments: [r.orderID]) ?? 0
        guard refunded + r.amount > orderAmount else { return nil }
        return "refunds of order \(r.orderID) total \(Yuan.format(refunded + r.amount)), above its amount \(Yuan.format(orderAmount))"
    }

    mutating func write(_ record: KefuCore.Record) throws -> RecordBook.Outcome {
        switch record {
        case .agent(let a):
            return try insertUnlessPresent(
                "INSERT INTO agents (seq, id, name, role, grp, grade, hired_on) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [a.id, a.name, a.role?.rawValue, a.group, a.grade, a.hiredOn?.description])
        case .message(let m):
            return try insertUnlessPresent(
                "INSERT INTO messages (seq, ts, buyer, agent, sender, auto) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [m.ts, m.buyer, m.agent, m.sender == .agent ? 1 : 0, m.auto ? 1 : 0])
        case .order(let o):
            return try write(o)
        case .refund(let r):
            return try insertUnlessPresent(
                "INSERT INTO refunds (seq, order_id, refunded_at, amount) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [r.orderID, r.refundedAt, r.amount])
        case .rating(let r):
            return try insertUnlessPresent(
                "INSERT INTO ratings (seq, ts, buyer, agent, score) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [r.ts, r.buyer, r.agent, r.score])
        case .ticket(let t):
            return try write(t)
        case .qa(let q):
            return try insertUnlessPresent(
                "INSERT INTO qa (seq, month, agent, points) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [q.month.description, q.agent, q.points])
        case .shift(let s):
            return try insertUnlessPresent(
                "INSERT INTO shifts (seq, agent, date, start, \"end\") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [s.agent, s.date.description, s.start, s.end])
        }
    }

    /// A later record for a stored order updates it, but a record without `paid_at` never
    /// clears a stored one.
    private mutating func write(_ o: Order) throws -> RecordBook.Outcome {
        let found = try Row.fetchOne(db.cachedStatement(
            sql: "SELECT buyer, created_at, paid_at, amount, items FROM orders WHERE id = ?"), arguments: [o.id])
        guard let old = found else {
            try db.cachedStatement(sql: """
                INSERT INTO orders (id, buyer, created_at, paid_at, amount, items, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [o.id, o.buyer, o.createdAt, o.paidAt, o.amount, o.items, nextSeq()])
            return .stored
        }
        let stored = Order(id: o.id, buyer: old[0], createdAt: old[1], paidAt: old[2], amount: old[3], items: old[4])
        var merged = o
        if merged.paidAt == nil { merged.paidAt = stored.paidAt }
        if merged == stored { return .duplicate }
        try db.cachedStatement(sql: """
            UPDATE orders SET buyer = ?, created_at = ?, paid_at = ?, amount = ?, items = ?, change_seq = ? WHERE id = ?
            """).execute(arguments: [merged.buyer, merged.createdAt, merged.paidAt, merged.amount, merged.items, nextSeq(), o.id])
        return .updated
    }

    /// A later record for a stored ticket updates its status and `closed_at`.
    private mutating func write(_ t: Ticket) throws -> RecordBook.Outcome {
        let found = try Row.fetchOne(db.cachedStatement(sql: "SELECT status, closed_at FROM tickets WHERE id = ?"),
                                     arguments: [t.id])
        guard let old = found else {
            try db.cachedStatement(sql: """
                INSERT INTO tickets (id, agent, kind, opened_at, closed_at, status, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [t.id, t.agent, t.kind.rawValue, t.openedAt, t.closedAt, t.status.rawValue, nextSeq()])
            return .stored
        }
        let oldStatus: String = old[0]
        let oldClosedAt: Instant? = old[1]
        if oldStatus == t.status.rawValue && oldClosedAt == t.closedAt { return .duplicate }
        try db.cachedStatement(sql: "UPDATE tickets SET status = ?, closed_at = ?, change_seq = ? WHERE id = ?")
            .execute(arguments: [t.status.rawValue, t.closedAt, nextSeq(), t.id])
        return .updated
    }
}

