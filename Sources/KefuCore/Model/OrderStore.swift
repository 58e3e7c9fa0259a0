/// An order as stored, in 32 bytes: the order's id and buyer are integers of the book's tables.
struct OrderRow: Sendable, Equatable {
    var createdAt: Instant
    /// `OrderRow.unpaid` when unpaid.
    var paidAt: Instant
    var amount: Fen
    var buyer: Int32
    /// The number of items, or `OrderRow.manyItems` when it does not fit (kept in `OrderStore.manyItems`).
    var smallItems: Int32

    static let manyItems = Int32.max

    static let unpaid = Instant.min
    var paid: Instant? { paidAt == OrderRow.unpaid ? nil : paidAt }
}

/// A refund as stored, linked to the order's previous refund.
struct RefundRow: Sendable {
    var refundedAt: Instant
    var amount: Fen
    var order: Int32
    /// The order's refund stored before this one, or -1.
    var previous: Int32
}

/// Orders and refunds by integer: order ids interned (also those that only refunds name), a
/// row per order, each buyer's orders and each order's refunds as linked lists (the latest
/// first), so neither needs an array per buyer or per order.
struct OrderStore: Sendable {
    /// Order ids; an integer without a row (`hasRow`) is an order only refunds named so far.
    private(set) var ids = IDTable()
    private(set) var rows: [OrderRow] = []
    /// Per order: the buyer's order stored before it, or -1.
    private var previousOfBuyer: [Int32] = []
    /// Per order: its latest refund, or -1.
    private var latestRefund: [Int32] = []
    private(set) var refunds: [RefundRow] = []
    /// Per buyer: its latest order, or -1.
    private var latestOfBuyer: [Int32] = []
    /// Item counts of orders whose count does not fit their row (never in real data).
    private var manyItems: [Int32: Int] = [:]
    /// Orders with a row, and orders with at least one refund.
    private(set) var orderCount = 0
    private(set) var ordersWithRefunds = 0

    private static let noRow: Int32 = -1

    mutating func addBuyer() { latestOfBuyer.append(-1) }

    /// Room for `n` more buyers.
    mutating func reserveBuyers(_ n: Int) { latestOfBuyer.reserveCapacity(latestOfBuyer.count + n) }

    func hasRow(_ o: Int32) -> Bool { rows[Int(o)].buyer != OrderStore.noRow }

    /// The integer of an order id, interning it.
    mutating func intern(_ id: String) -> Int32 {
        let o = ids.intern(id)
        if Int(o) == rows.count {
            rows.append(OrderRow(createdAt: 0, paidAt: OrderRow.unpaid, amount: 0, buyer: OrderStore.noRow, smallItems: 0))
            previousOfBuyer.append(-1)
            latestRefund.append(-1)
        }
        return o
    }

    /// The number of items of order `o`.
    func items(_ o: Int32) -> Int {
        let small = rows[Int(o)].smallItems
        return small == OrderRow.manyItems ? manyItems[o]! : Int(small)
    }

    /// Stores or updates order `o` (SPEC §2: a later record updates the order but never clears
    /// its payment). Returns the outcome and the buyer it had before, when that changed.
    mutating func put(_ o: Int32, createdAt: Instant, paidAt: Instant?, amount: Fen, items: Int, buyer: Int32)
        -> (outcome: RecordBook.Outcome, previousBuyer: Int32?) {
        let i = Int(o)
        let old = rows[i]
        let fits = items >= 0 && items < Int(OrderRow.manyItems)
        var row = OrderRow(createdAt: createdAt, paidAt: paidAt ?? OrderRow.unpaid, amount: amount, buyer: buyer,
                           smallItems: fits ? Int32(items) : OrderRow.manyItems)
        guard old.buyer != OrderStore.noRow else {
            rows[i] = row
            if !fits { manyItems[o] = items }
            link(o, to: row.buyer)
            orderCount += 1
            return (.stored, nil)
        }
        if row.paidAt == OrderRow.unpaid { row.paidAt = old.paidAt }
        let merged = row
        if merged == old && (fits || manyItems[o] == items) { return (.duplicate, nil) }
        rows[i] = merged
        if fits { manyItems[o] = nil } else { manyItems[o] = items }
        guard merged.buyer != old.buyer else { return (.updated, nil) }
        unlink(o, from: old.buyer)
        link(o, to: merged.buyer)
        return (.updated, old.buyer)
    }

    private mutating func link(_ o: Int32, to b: Int32) {
        previousOfBuyer[Int(o)] = latestOfBuyer[Int(b)]
        latestOfBuyer[Int(b)] = o
    }

    private mutating func unlink(_ o: Int32, from b: Int32) {
        var cursor = latestOfBuyer[Int(b)]
        var after: Int32 = -1 // the order stored after `cursor`
        while cursor != o {
            after = cursor
            cursor = previousOfBuyer[Int(cursor)]
        }
        if after < 0 { latestOfBuyer[Int(b)] = previousOfBuyer[Int(o)] } else { previousOfBuyer[Int(after)] = previousOfBuyer[Int(o)] }
        previousOfBuyer[Int(o)] = -1
    }

    /// Calls `body` with each order of buyer `b`, the latest stored first.
    @inline(__always) func forEachOrder(ofBuyer b: Int32, _ body: (Int32, OrderRow) -> Void) {
        var o = latestOfBuyer[Int(b)]
        while o >= 0 {
            body(o, rows[Int(o)])
            o = previousOfBuyer[Int(o)]
        }
    }

    /// Whether buyer `b` has an order.
    func hasOrders(_ b: Int32) -> Bool { latestOfBuyer[Int(b)] >= 0 }

    /// Stores a refund of order `o` unless one at the same instant is stored (its natural key).
    mutating func addRefund(order o: Int32, refundedAt: Instant, amount: Fen) -> RecordBook.Outcome {
        var r = latestRefund[Int(o)]
        while r >= 0 {
            if refunds[Int(r)].refundedAt == refundedAt { return .duplicate }
            r = refunds[Int(r)].previous
        }
        if latestRefund[Int(o)] < 0 { ordersWithRefunds += 1 }
        refunds.append(RefundRow(refundedAt: refundedAt, amount: amount, order: o, previous: latestRefund[Int(o)]))
        latestRefund[Int(o)] = Int32(refunds.count - 1)
        return .stored
    }

    /// Calls `body` with each refund of order `o`, the latest stored first.
    @inline(__always) func forEachRefund(ofOrder o: Int32, _ body: (RefundRow) -> Void) {
        var r = latestRefund[Int(o)]
        while r >= 0 {
            body(refunds[Int(r)])
            r = refunds[Int(r)].previous
        }
    }

    /// Whether order `o` has a refund.
    func hasRefunds(_ o: Int32) -> Bool { latestRefund[Int(o)] >= 0 }

    /// Room for `n` more orders.
    mutating func reserve(_ n: Int) {
        ids.reserveCapacity(n)
        rows.reserveCapacity(rows.count + n)
        previousOfBuyer.reserveCapacity(rows.count + n)
        latestRefund.reserveCapacity(rows.count + n)
    }
}
