/// An order as one agent sees it under a rule: credited to it, or assisted by it (协助跟进).
public struct AgentOrder: Sendable, Equatable {
    public enum Credit: String, Sendable { case credited, assisted }
    public var order: Order
    public var credit: Credit
    /// Refunds on the order up to the as-of instant.
    public var refundFen: Fen
    /// The agent's message that chased payment (催付), when there was one.
    public var chased: Bool
}

extension ScoringEngine {
    /// The orders credited to or assisted by `agent` that were paid in `period` (as of `asOf`),
    /// by payment time: the rows behind the agent's sales and assists in `report`.
    public func orders(of agent: String, in book: RecordBook, period: Period, rule: AttributionRule,
                       asOf: Instant? = nil) -> [AgentOrder] {
        var out: [AgentOrder] = []
        let zone = config.zone
        book.forEachBuyerWithOrders { buyer, ids in
            let messages = book.messages(ofBuyer: buyer)
            let timeline = AgentMessageTimeline(messages: messages, asOf: asOf)
            for id in ids {
                guard var o = book.orders[id] else { continue }
                if let t = asOf {
                    if o.createdAt > t { continue }
                    if let p = o.paidAt, p > t { o.paidAt = nil }
                }
                guard let p = o.paidAt, period.contains(day: zone.dayNumber(of: p)) else { continue }
                let credit = timeline.credit(createdAt: o.createdAt, paidAt: p, windowMs: config.thresholds.attributionWindowMs, rule: rule)
                let kind: AgentOrder.Credit
                if credit.credited == agent { kind = .credited } else if credit.assist == agent { kind = .assisted } else { continue }
                let refunds = book.refunds(ofOrder: id).filter { r in asOf.map { r.refundedAt <= $0 } ?? true }
                out.append(AgentOrder(order: o, credit: kind, refundFen: refunds.reduce(0) { $0 + $1.amount },
                                      chased: credit.chased && credit.paymentAgent == agent))
            }
        }
        return out.sorted { ($0.order.paidAt!, $0.order.id) < ($1.order.paidAt!, $1.order.id) }
    }
}
