/// Each agent's last message and the newest record, as of a cut that moves forward: both only
/// grow, so a step looks only at the buyers and instants it revealed.
struct AgentActivity: Sendable {
    /// The latest message time (buyer or agent) of each agent, by agent id.
    private(set) var lastMessage: [String: Instant] = [:]
    private var last: [Int32: Instant] = [:]
    /// The newest instant of any record (message, order created or paid, refund, rating, ticket
    /// opened) at or before the cut.
    private(set) var newest: Instant?

    /// The activity of `book` as of `cut`.
    init(_ book: RecordBook, cut: Instant) {
        var changed = Set<Int32>()
        for b in 0..<Int32(book.buyerIDCount) { see(buyer: b, book, cut: cut, changed: &changed) }
        publish(changed, book)
        func stamp(_ t: Instant) { if t <= cut, t > (newest ?? .min) { newest = t } }
        for o in book.orders.values { stamp(o.createdAt); if let p = o.paidAt { stamp(p) } }
        book.forEachRefund { stamp($0.refundedAt) }
        for r in book.ratings { stamp(r.ts) }
        for t in book.tickets.values { stamp(t.openedAt) }
    }

    /// Takes in what a step of the cut revealed.
    mutating func apply(_ step: CutStep, _ book: RecordBook, cut: Instant) {
        var changed = Set<Int32>()
        for b in step.buyers { see(buyer: b, book, cut: cut, changed: &changed) }
        publish(changed, book)
        if let t = step.newest, t > (newest ?? .min) { newest = t }
    }

    private mutating func see(buyer b: Int32, _ book: RecordBook, cut: Instant, changed: inout Set<Int32>) {
        for m in book.packedMessages(ofBuyerID: b) where m.ts <= cut {
            if m.ts > (newest ?? .min) { newest = m.ts }
            if m.ts > (last[m.agent] ?? .min) { last[m.agent] = m.ts; changed.insert(m.agent) }
        }
    }

    private mutating func publish(_ agents: Set<Int32>, _ book: RecordBook) {
        for a in agents { lastMessage[book.agentIDs[a]] = last[a] }
    }
}
