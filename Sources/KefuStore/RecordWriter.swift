import GRDB
import KefuCore

/// Writes records inside one open write transaction, with the outcomes of `RecordBook.add`,
/// stamping every insert and update with the next change sequence number.
///
/// The records of one order (or one ticket) within a write are merged first, in their order,
/// and the result is merged into the stored row once. The stored result is the same as adding
/// them one by one (merging is associative), but a file in which a ticket goes from
/// unresolved to resolved, imported a second time, changes nothing, not even for a moment:
/// its records are all duplicates.
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

    /// Writes records in order; invalid ones are left out and listed.
    mutating func write(_ records: [KefuCore.Record]) throws -> WriteCounts {
        var orderGroups: [String: [Int]] = [:]
        var ticketGroups: [String: [Int]] = [:]
        for (i, record) in records.enumerated() {
            switch record {
            case .order(let o): orderGroups[o.id, default: []].append(i)
            case .ticket(let t): ticketGroups[t.id, default: []].append(i)
            default: break
            }
        }
        var counts = WriteCounts()
        // Outcomes of an order's or ticket's later records, settled with its first.
        var settled: [Int: RecordBook.Outcome] = [:]
        for (index, record) in records.enumerated() {
            if let outcome = settled.removeValue(forKey: index) {
                counts.count(outcome)
                continue
            }
            var outcomes: [RecordBook.Outcome]
            var group = [index]
            switch record {
            case .order(let o):
                group = orderGroups[o.id]!
                outcomes = try write(orders: group.map { records[$0].order! })
            case .ticket(let t):
                group = ticketGroups[t.id]!
                outcomes = try write(tickets: group.map { records[$0].ticket! })
            default:
                if let reason = try invalidity(of: record) {
                    counts.rejected.append(Rejection(index: index, reason: reason))
                    continue
                }
                outcomes = [try write(record)]
            }
            counts.count(outcomes[0])
            for (i, outcome) in zip(group.dropFirst(), outcomes.dropFirst()) { settled[i] = outcome }
        }
        return counts
    }

    /// Why a record cannot be stored, or nil when it can.
    private func invalidity(of record: KefuCore.Record) throws -> String? {
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

    /// Runs an `INSERT … ON CONFLICT DO NOTHING` with the change stamp as first argument.
    private mutating func insertUnlessPresent(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws -> RecordBook.Outcome {
        let stamp = seq + 1
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments([stamp] + values))
        guard db.changesCount == 1 else { return .duplicate }
        seq = stamp
        return .stored
    }

    /// Records other than orders and tickets: the first of a key wins.
    private mutating func write(_ record: KefuCore.Record) throws -> RecordBook.Outcome {
        switch record {
        case .agent(let a):
            return try insertUnlessPresent(
                "INSERT INTO agents (seq, id, name, role, grp, grade, hired_on) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [a.id, a.name, a.role?.rawValue, a.group, a.grade, a.hiredOn?.description])
        case .message(let m):
            return try insertUnlessPresent(
                "INSERT INTO messages (seq, ts, buyer, agent, sender, auto) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [m.ts, m.buyer, m.agent, m.sender == .agent ? 1 : 0, m.auto ? 1 : 0])
        case .refund(let r):
            return try insertUnlessPresent(
                "INSERT INTO refunds (seq, order_id, refunded_at, amount) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [r.orderID, r.refundedAt, r.amount])
        case .rating(let r):
            return try insertUnlessPresent(
                "INSERT INTO ratings (seq, ts, buyer, agent, score) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [r.ts, r.buyer, r.agent, r.score])
        case .qa(let q):
            return try insertUnlessPresent(
                "INSERT INTO qa (seq, month, agent, points) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [q.month.description, q.agent, q.points])
        case .shift(let s):
            return try insertUnlessPresent(
                "INSERT INTO shifts (seq, agent, date, start, \"end\") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [s.agent, s.date.description, s.start, s.end])
        case .order, .ticket:
            preconditionFailure("orders and tickets are written by group")
        }
    }

    /// Outcomes of a key's records within one write: for a new key, the first is stored and
    /// each later one updates or duplicates the merge so far (as `RecordBook.add` counts);
    /// for a stored key, one update when the merge changes the stored row, else duplicates.
    private static func outcomes<T: Equatable>(of group: [T], stored: T?, merge: (T, T) -> T) -> (final: T, outcomes: [RecordBook.Outcome]) {
        guard let stored else {
            var running = group[0]
            var outcomes: [RecordBook.Outcome] = [.stored]
            for next in group.dropFirst() {
                let merged = merge(running, next)
                outcomes.append(merged == running ? .duplicate : .updated)
                running = merged
            }
            return (running, outcomes)
        }
        let final = group.reduce(stored, merge)
        let rest = [RecordBook.Outcome](repeating: .duplicate, count: group.count - 1)
        return (final, [final == stored ? .duplicate : .updated] + rest)
    }

    /// A later order replaces the earlier, but a record without `paid_at` never clears one.
    private static func merge(_ old: Order, _ new: Order) -> Order {
        var merged = new
        if merged.paidAt == nil { merged.paidAt = old.paidAt }
        return merged
    }

    /// A later ticket updates status and `closed_at` only.
    private static func merge(_ old: Ticket, _ new: Ticket) -> Ticket {
        var merged = old
        merged.status = new.status
        merged.closedAt = new.closedAt
        return merged
    }

    private mutating func write(orders group: [Order]) throws -> [RecordBook.Outcome] {
        let id = group[0].id
        let stored = try Row.fetchOne(db.cachedStatement(
            sql: "SELECT buyer, created_at, paid_at, amount, items FROM orders WHERE id = ?"), arguments: [id]).map {
            Order(id: id, buyer: $0[0], createdAt: $0[1], paidAt: $0[2], amount: $0[3], items: $0[4])
        }
        let (o, outcomes) = Self.outcomes(of: group, stored: stored, merge: Self.merge)
        if stored == nil {
            try db.cachedStatement(sql: """
                INSERT INTO orders (id, buyer, created_at, paid_at, amount, items, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [o.id, o.buyer, o.createdAt, o.paidAt, o.amount, o.items, nextSeq()])
        } else if o != stored {
            try db.cachedStatement(sql: """
                UPDATE orders SET buyer = ?, created_at = ?, paid_at = ?, amount = ?, items = ?, change_seq = ? WHERE id = ?
                """).execute(arguments: [o.buyer, o.createdAt, o.paidAt, o.amount, o.items, nextSeq(), o.id])
        }
        return outcomes
    }

    private mutating func write(tickets group: [Ticket]) throws -> [RecordBook.Outcome] {
        let id = group[0].id
        let stored = try Row.fetchOne(db.cachedStatement(
            sql: "SELECT agent, kind, opened_at, closed_at, status FROM tickets WHERE id = ?"), arguments: [id]).map {
            Ticket(id: id, agent: $0[0], kind: TicketKind(rawValue: $0[1]) ?? .other, openedAt: $0[2], closedAt: $0[3],
                   status: TicketStatus(rawValue: $0[4]) ?? .unresolved)
        }
        let (t, outcomes) = Self.outcomes(of: group, stored: stored, merge: Self.merge)
        if stored == nil {
            try db.cachedStatement(sql: """
                INSERT INTO tickets (id, agent, kind, opened_at, closed_at, status, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [t.id, t.agent, t.kind.rawValue, t.openedAt, t.closedAt, t.status.rawValue, nextSeq()])
        } else if t != stored {
            try db.cachedStatement(sql: "UPDATE tickets SET status = ?, closed_at = ?, change_seq = ? WHERE id = ?")
                .execute(arguments: [t.status.rawValue, t.closedAt, nextSeq(), t.id])
        }
        return outcomes
    }
}

private extension KefuCore.Record {
    var order: Order? { if case .order(let o) = self { o } else { nil } }
    var ticket: Ticket? { if case .ticket(let t) = self { t } else { nil } }
}
