/// An order as one agent sees it under a rule: credited to it, or assisted by it (协助跟进).
public struct AgentOrder: Sendable, Equatable {
    public enum Credit: String, Sendable { case credited, assisted }
    public var order: Order
    public var credit: Credit
    /// Refunds on the order up to the as-of instant.
    public var refundFen: Fen
    /// The agent's message that chased payment (催付), when there was one.
    public var chased: Bool

    /// The order lists' order: by payment time, then order id.
    public static func paidFirst(_ a: AgentOrder, _ b: AgentOrder) -> Bool {
        let (x, y) = (a.order.paidAt ?? .min, b.order.paidAt ?? .min)
        return x != y ? x < y : a.order.id < b.order.id
    }
}

/// An order of one buyer as it counts for one agent: `order` is credited to or assisted by `agent`.
public struct AgentOrderEntry: Sendable, Equatable {
    public var agent: String
    public var order: AgentOrder
}

extension ScoringEngine {
    /// The orders credited to or assisted by `agent` that were paid in `period` (as of `asOf`),
    /// by payment time: the rows behind the agent's sales and assists in `report`.
    public func orders(of agent: String, in book: RecordBook, period: Period, rule: AttributionRule,
                       asOf: Instant? = nil) -> [AgentOrder] {
        var out: [AgentOrder] = []
        for b in book.buyersWithOrders {
            for e in orderEntries(ofBuyerID: b, in: book, period: period, rule: rule, asOf: asOf) where e.agent == agent {
                out.append(e.order)
            }
        }
        return out.sorted(by: AgentOrder.paidFirst)
    }

    /// Every agent's credited and assisted orders paid in `period` (as of `asOf`), each list by
    /// payment time, in one pass over the buyers with orders. Agents with none are absent.
    public func ordersByAgent(in book: RecordBook, period: Period, rule: AttributionRule,
                              asOf: Instant? = nil) -> [String: [AgentOrder]] {
        var out: [String: [AgentOrder]] = [:]
        for b in book.buyersWithOrders {
            for e in orderEntries(ofBuyerID: b, in: book, period: period, rule: rule, asOf: asOf) {
                out[e.agent, default: []].append(e.order)
            }
        }
        for agent in out.keys { out[agent]!.sort(by: AgentOrder.paidFirst) }
        return out
    }

    /// One buyer's orders paid in `period` (as of `asOf`), each with the agent it is credited to
    /// and, when another agent chased the payment, again with that agent as assisted: an order
    /// credited to no one and not assisted is left out. In the order the buyer's orders were
    /// stored; `b` is the book's buyer integer.
    func orderEntries(ofBuyerID b: Int32, in book: RecordBook, period: Period, rule: AttributionRule, asOf: Instant?) -> [AgentOrderEntry] {
        orderEntries(book.buyerIDs[b], book.orders(ofBuyerID: b), in: book, period: period, rule: rule, asOf: asOf)
    }

    private func orderEntries(_ buyer: String, _ orders: [Order], in book: RecordBook, period: Period, rule: AttributionRule,
                              asOf: Instant?) -> [AgentOrderEntry] {
        let zone = config.zone
        var timeline: AgentMessageTimeline<String>?
        var out: [AgentOrderEntry] = []
        for var o in orders {
            if let t = asOf {
                if o.createdAt > t { continue }
                if let p = o.paidAt, p > t { o.paidAt = nil }
            }
            guard let p = o.paidAt, period.contains(day: zone.dayNumber(of: p)) else { continue }
            if timeline == nil { timeline = AgentMessageTimeline(messages: book.messages(ofBuyer: buyer), asOf: asOf) }
            let credit = timeline!.credit(createdAt: o.createdAt, paidAt: p, windowMs: config.thresholds.attributionWindowMs, rule: rule)
            guard credit.credited != nil || credit.assist != nil else { continue }
            let refundFen = book.refunds(ofOrder: o.id).reduce(Fen(0)) { sum, r in
                asOf.map { r.refundedAt <= $0 } ?? true ? sum + r.amount : sum
            }
            if let agent = credit.credited {
                out.append(AgentOrderEntry(agent: agent, order: AgentOrder(
                    order: o, credit: .credited, refundFen: refundFen, chased: credit.chased && credit.paymentAgent == agent)))
            }
            if let agent = credit.assist {
                out.append(AgentOrderEntry(agent: agent, order: AgentOrder(
                    order: o, credit: .assisted, refundFen: refundFen, chased: credit.chased && credit.paymentAgent == agent)))
            }
        }
        return out
    }
}
