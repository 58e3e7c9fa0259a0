/// What an as-of view must look at again when its cut passes an instant: a buyer (one of its
/// messages, orders or refunds becomes visible), a rating (by its index in `RecordBook.ratings`)
/// or a ticket (by id).
enum StampTarget: Hashable, Sendable {
    case buyer(Int32)
    case rating(Int)
    case ticket(String)
}

extension RecordBook {
    /// Calls `body` with every instant at which buyer `b`'s records change an as-of view (SPEC
    /// §5 "As of"): each message's time, each order's creation and payment, each refund of its
    /// orders.
    func forEachStamp(ofBuyerID b: Int32, _ body: (Instant) -> Void) {
        for m in packedMessages(ofBuyerID: b) { body(m.ts) }
        for o in orders(ofBuyerID: b) { Self.forEachStamp(of: o, refunds: refunds(ofOrder: o.id), body) }
    }

    /// The instants of an order and its refunds.
    static func forEachStamp(of o: Order, refunds: [Refund], _ body: (Instant) -> Void) {
        body(o.createdAt)
        if let p = o.paidAt { body(p) }
        for r in refunds { body(r.refundedAt) }
    }
}

/// Each buyer's first and last record instants (messages, orders created or paid, refunds):
/// which buyers a period or a cut can concern, found without walking anyone's conversations.
///
/// A buyer whose last record is before `period start − W` adds nothing to the period (its
/// conversations, sales, refunds and inquiries all need a record inside the period or the
/// attribution window before it), and one whose first record is after the cut adds nothing as
/// of the cut.
public struct BuyerActivity: Sendable {
    private var first: [Instant] = []
    private var last: [Instant] = []

    /// The activity of every buyer of `book`.
    public init(_ book: RecordBook) {
        let n = book.buyerIDCount
        first = [Instant](repeating: .max, count: n)
        last = [Instant](repeating: .min, count: n)
        for b in 0..<Int32(n) {
            var lo = Instant.max, hi = Instant.min
            for m in book.packedMessages(ofBuyerID: b) { lo = min(lo, m.ts); hi = max(hi, m.ts) }
            for o in book.orders(ofBuyerID: b) {
                lo = min(lo, o.createdAt); hi = max(hi, o.createdAt)
                if let p = o.paidAt { lo = min(lo, p); hi = max(hi, p) }
            }
            first[Int(b)] = lo; last[Int(b)] = hi
        }
        for (orderID, refunds) in book.refundsByOrder {
            guard let buyer = book.orders[orderID]?.buyer, let b = book.buyerIDs.find(buyer) else { continue }
            for r in refunds { see(r.refundedAt, buyer: b) }
        }
    }

    /// Widens the buyers' spans with the instants of newly stored records.
    mutating func update(_ changes: BookChanges) {
        for e in changes.stamps { if case .buyer(let b) = e.target { see(e.stamp, buyer: b) } }
    }

    private mutating func see(_ t: Instant, buyer b: Int32) {
        let i = Int(b)
        if i >= first.count {
            first.append(contentsOf: repeatElement(.max, count: i + 1 - first.count))
            last.append(contentsOf: repeatElement(.min, count: i + 1 - last.count))
        }
        first[i] = min(first[i], t); last[i] = max(last[i], t)
    }

    /// Buyers with a record at or after `since` and one at or before `through`, in ascending
    /// order, found as they are iterated (nothing is allocated for them).
    func buyers(since: Instant, through: Instant) -> some Sequence<Int32> {
        (0..<Int32(first.count)).lazy.filter { [first, last] b in last[Int(b)] >= since && first[Int(b)] <= through }
    }

    /// Buyer `b`'s last record instant (`Instant.min` with none).
    func lastStamp(of b: Int32) -> Instant { Int(b) < last.count ? last[Int(b)] : .min }

    /// Buyers with a record after `cut`, in ascending order, found as they are iterated.
    func buyers(after cut: Instant) -> some Sequence<Int32> {
        (0..<Int32(last.count)).lazy.filter { [last] b in last[Int(b)] > cut }
    }
}
