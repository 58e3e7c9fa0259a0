import GRDB
import KefuCore

/// Takes records one at a time into the store, inside the one write transaction of
/// `Store.importFile` (a file, or a batch of a feed), under the natural-key rules of SPEC §2
/// that `RecordBook.add` follows: the first record of a key wins, a later order updates the
/// stored one (never clearing `paid_at`), a later ticket updates its status and `closed_at`.
///
/// Each record is written as it comes (nothing of the file is held in memory), with its
/// values bound straight into prepared statements and buyer and agent ids replaced by the
/// store's integers. Counting follows `RecordBook.add` for keys new to the transaction; an
/// order or ticket stored before it counts one update at most, however many of the
/// transaction's records touch it, and only when its final row differs (so a file written
/// twice counts nothing but duplicates the second time, and stamps nothing).
public final class RecordSink {
    /// What the records written so far did (waiting messages are counted when written).
    /// `rejected` lists refunds above their order's amount.
    private(set) var counts = WriteCounts()
    /// Set by `refuse()`: the transaction will be rolled back.
    private(set) var isRefused = false

    private let statements: WriteStatements
    private let ids: IDMemory
    private var messages = MessageBatch()
    /// Change stamps: the last one used, and the last one before this transaction.
    private var seq: Int64
    private let startSeq: Int64

    init(_ db: Database, ids: IDMemory) throws {
        statements = try WriteStatements(db)
        self.ids = ids
        startSeq = try Int64.fetchOne(db, sql: "SELECT seq FROM change_counter WHERE id = 1") ?? 0
        seq = startSeq
    }

    /// Adds one record. `line` is where it came from (a file's line, a batch's index): a
    /// refused record is listed with it in `counts.rejected`.
    public func add(_ record: KefuCore.Record, line: Int) throws {
        guard !isRefused else { return }
        switch record {
        case .agent(let a): try add(a)
        case .message(let m): try add(m)
        case .order(let o): try add(o)
        case .refund(let r): try add(r, line: line)
        case .rating(let r): try add(r)
        case .ticket(let t): try add(t)
        case .qa(let q): try add(q)
        case .shift(let s): try add(s)
        }
    }

    /// Refuses the whole file (a bad row was found): nothing of it is stored, and later
    /// records are ignored.
    public func refuse() { isRefused = true }

    /// Stamps the stored orders and tickets this transaction changed and saves the change
    /// counter. Call once, before the transaction commits.
    func finish(_ db: Database) throws {
        try flushMessages()
        try restampChanged(statements.changedOrders, statements.restampOrder)
        try restampChanged(statements.changedTickets, statements.restampTicket)
        try db.execute(sql: "UPDATE change_counter SET seq = ? WHERE id = 1", arguments: [seq])
    }

    // MARK: Records that are only ever inserted

    /// Runs an insert whose first parameter is the change stamp; counts it stored or duplicate.
    private func insert(_ statement: RawStatement) throws {
        if try statement.run() == 1 {
            seq += 1
            counts.stored += 1
        } else {
            counts.duplicates += 1
        }
    }

    private func add(_ a: Agent) throws {
        let s = statements.insertAgent
        s.bind(1, seq + 1)
        s.bind(2, a.id)
        s.bind(3, a.name)
        s.bind(4, a.role?.rawValue)
        s.bind(5, a.group)
        s.bind(6, a.grade)
        s.bind(7, a.hiredOn?.description)
        try insert(s)
    }

    private func add(_ m: Message) throws {
        let row = MessageBatch.Row(ts: m.ts, buyer: try ids.buyers.number(of: m.buyer, statements.buyers),
                                   agent: try ids.agents.number(of: m.agent, statements.agents),
                                   sender: m.sender == .agent ? 1 : 0, auto: m.auto ? 1 : 0)
        messages.rows.append(row)
        if messages.rows.count == MessageBatch.size { try flushMessages() }
    }

    /// Inserts the waiting messages, stamped in the order they came. A duplicate takes no
    /// stamp of its own, but may leave a gap before the next stored one.
    private func flushMessages() throws {
        guard !messages.rows.isEmpty else { return }
        var inserted = 0
        if messages.rows.count == MessageBatch.size {
            bind(messages.rows, to: statements.insertMessages)
            inserted = try statements.insertMessages.run()
        } else {
            for (i, row) in messages.rows.enumerated() {
                bind([row], to: statements.insertMessage, firstStamp: seq + 1 + Int64(i))
                inserted += try statements.insertMessage.run()
            }
        }
        if inserted > 0 { seq = statements.insertMessage.lastInsertedRowID }
        counts.stored += inserted
        counts.duplicates += messages.rows.count - inserted
        messages.rows.removeAll(keepingCapacity: true)
    }

    private func bind(_ rows: [MessageBatch.Row], to s: RawStatement, firstStamp: Int64? = nil) {
        let first = firstStamp ?? seq + 1
        for (i, row) in rows.enumerated() {
            let p = Int32(i * 6)
            s.bind(p + 1, first + Int64(i))
            s.bind(p + 2, row.ts)
            s.bind(p + 3, row.buyer)
            s.bind(p + 4, row.agent)
            s.bind(p + 5, row.sender)
            s.bind(p + 6, row.auto)
        }
    }

    private func add(_ r: Rating) throws {
        let buyer = try ids.buyers.number(of: r.buyer, statements.buyers)
        let agent = try ids.agents.number(of: r.agent, statements.agents)
        let s = statements.insertRating
        s.bind(1, seq + 1)
        s.bind(2, r.ts)
        s.bind(3, buyer)
        s.bind(4, agent)
        s.bind(5, r.score)
        try insert(s)
    }

    private func add(_ q: QAPoints) throws {
        let s = statements.insertQA
        s.bind(1, seq + 1)
        s.bind(2, q.month.description)
        s.bind(3, q.agent)
        s.bind(4, q.points)
        try insert(s)
    }

    private func add(_ shift: Shift) throws {
        let s = statements.insertShift
        s.bind(1, seq + 1)
        s.bind(2, shift.agent)
        s.bind(3, shift.date.description)
        s.bind(4, shift.start)
        s.bind(5, shift.end)
        try insert(s)
    }

    /// A refund that would take its order's refunds above the order's amount (the order as
    /// stored so far, this transaction's records included) is refused; one of an order not
    /// stored yet is kept (the order may arrive later).
    private func add(_ r: Refund, line: Int) throws {
        let s = statements
        s.refundExists.bind(1, r.orderID)
        s.refundExists.bind(2, r.refundedAt)
        if try s.refundExists.firstInt64() != nil {
            counts.duplicates += 1
            return
        }
        s.orderAmount.bind(1, r.orderID)
        if let orderAmount = try s.orderAmount.firstInt64() {
            s.refundTotal.bind(1, r.orderID)
            let refunded = try s.refundTotal.firstInt64() ?? 0
            if refunded + r.amount > orderAmount {
                counts.rejected.append(Rejection(line: line, reason: "refunds of order \(r.orderID) total "
                    + "\(Yuan.format(refunded + r.amount)), above its amount \(Yuan.format(orderAmount))"))
                return
            }
        }
        s.insertRefund.bind(1, seq + 1)
        s.insertRefund.bind(2, r.orderID)
        s.insertRefund.bind(3, r.refundedAt)
        s.insertRefund.bind(4, r.amount)
        try insert(s.insertRefund)
    }

    // MARK: Orders and tickets, which later records update

    /// The stored columns of an order, buyer as the store's integer.
    private struct OrderRow: Equatable {
        var buyer: Int64, createdAt: Int64, paidAt: Int64?, amount: Int64, items: Int

        /// A later order replaces the earlier, but a record without `paid_at` never clears one.
        func merged(with later: OrderRow) -> OrderRow {
            var merged = later
            if merged.paidAt == nil { merged.paidAt = paidAt }
            return merged
        }
    }

    private func add(_ o: Order) throws {
        let s = statements
        let new = OrderRow(buyer: try ids.buyers.number(of: o.buyer, s.buyers), createdAt: o.createdAt,
                           paidAt: o.paidAt, amount: o.amount, items: o.items)
        s.findOrder.bind(1, o.id)
        guard try s.findOrder.step() else {
            s.findOrder.reset()
            s.insertOrder.bind(1, o.id)
            bind(new, to: s.insertOrder, from: 2)
            s.insertOrder.bind(7, seq + 1)
            try insert(s.insertOrder)
            return
        }
        let f = s.findOrder
        let current = OrderRow(buyer: f.int64(0), createdAt: f.int64(1), paidAt: f.optionalInt64(2), amount: f.int64(3), items: f.int(4))
        let stamp = f.int64(5)
        f.reset()
        let merged = current.merged(with: new)
        if merged != current {
            if stamp <= startSeq {
                s.saveOrderBefore.bind(1, o.id)
                try s.saveOrderBefore.run()
            }
            bind(merged, to: s.updateOrder, from: 1)
            s.updateOrder.bind(6, o.id)
            try s.updateOrder.run()
        }
        // A row this transaction inserted counts as `RecordBook.add` would; one stored
        // before it counts at the end (`restampChanged`).
        if stamp > startSeq && merged != current { counts.updated += 1 } else { counts.duplicates += 1 }
    }

    private func bind(_ row: OrderRow, to s: RawStatement, from first: Int32) {
        s.bind(first, row.buyer)
        s.bind(first + 1, row.createdAt)
        s.bind(first + 2, row.paidAt)
        s.bind(first + 3, row.amount)
        s.bind(first + 4, row.items)
    }

    /// A later ticket updates status and `closed_at` only.
    private func add(_ t: Ticket) throws {
        let s = statements
        s.findTicket.bind(1, t.id)
        guard try s.findTicket.step() else {
            s.findTicket.reset()
            let i = s.insertTicket
            i.bind(1, t.id)
            i.bind(2, t.agent)
            i.bind(3, t.kind.rawValue)
            i.bind(4, t.openedAt)
            i.bind(5, t.closedAt)
            i.bind(6, t.status.rawValue)
            i.bind(7, seq + 1)
            try insert(i)
            return
        }
        let f = s.findTicket
        let changes = f.optionalInt64(0) != t.closedAt || f.text(1) != t.status.rawValue
        let stamp = f.int64(2)
        f.reset()
        if changes {
            if stamp <= startSeq {
                s.saveTicketBefore.bind(1, t.id)
                try s.saveTicketBefore.run()
            }
            s.updateTicket.bind(1, t.closedAt)
            s.updateTicket.bind(2, t.status.rawValue)
            s.updateTicket.bind(3, t.id)
            try s.updateTicket.run()
        }
        if stamp > startSeq && changes { counts.updated += 1 } else { counts.duplicates += 1 }
    }

    /// Stamps each row that was stored before this transaction and differs from what it was
    /// then, counting it as updated instead of a duplicate.
    private func restampChanged(_ changed: RawStatement, _ restamp: RawStatement) throws {
        var ids: [String] = []
        while try changed.step() { ids.append(changed.text(0)) }
        changed.reset()
        for id in ids {
            seq += 1
            restamp.bind(1, seq)
            restamp.bind(2, id)
            try restamp.run()
        }
        counts.updated += ids.count
        counts.duplicates -= ids.count
    }
}

/// Messages waiting to be inserted: a statement of `size` rows costs SQLite one statement
/// start and end (cursors opened, memory allocated and freed) instead of `size`.
struct MessageBatch {
    static let size = 64

    struct Row {
        var ts: Int64, buyer: Int64, agent: Int64, sender: Int64, auto: Int64
    }

    var rows: [Row] = []
}
