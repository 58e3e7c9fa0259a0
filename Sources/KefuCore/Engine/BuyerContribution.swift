/// What one buyer's messages, orders and refunds add to the figures of a period: per-agent
/// tallies plus the team's distinct paid buyers and silent sales.
///
/// Every figure of SPEC §3 and §5 except ratings and tickets is a sum of such contributions,
/// because conversations, turns, attribution, inquiries and conversion never look beyond one
/// buyer. That is what makes the live path exact: a new record for a buyer replaces that
/// buyer's contribution. Agents are the book's interned integers.
struct BuyerContribution: Sendable, Equatable {
    /// Tallies by agent (a buyer talks to few agents: a small array, not a dictionary).
    var agents: [(agent: Int32, tally: Tally)] = []
    /// 1 when any credited order of the buyer was paid in the period (team paid buyers).
    var teamPaidBuyer = 0
    var silentSalesFen: Fen = 0
    var silentOrders = 0

    mutating func withTally(_ agent: Int32, _ body: (inout Tally) -> Void) {
        if let i = agents.firstIndex(where: { $0.agent == agent }) {
            body(&agents[i].tally)
        } else {
            var t = Tally()
            body(&t)
            agents.append((agent, t))
        }
    }

    static func == (a: BuyerContribution, b: BuyerContribution) -> Bool {
        a.teamPaidBuyer == b.teamPaidBuyer && a.silentSalesFen == b.silentSalesFen && a.silentOrders == b.silentOrders
            && a.agents.count == b.agents.count
            && zip(a.agents, b.agents).allSatisfy { $0.agent == $1.agent && $0.tally == $1.tally }
    }
}

/// Computes buyers' contributions for one period, rule and as-of instant, reusing its working
/// arrays from buyer to buyer (one scorer per report or live aggregate, not shared).
struct BuyerScorer: Sendable {
    let config: KefuConfig
    let period: Period
    let rule: AttributionRule
    let asOf: Instant?
    private let builder: ConversationBuilder
    private var walk = WalkBuffers()
    private var visible: [VisibleOrder] = []
    private var credits: [OrderCredit<Int32>] = []
    private var replies: [(ts: Instant, agent: Int32)] = []

    /// An order of the buyer as of the report's instant.
    private struct VisibleOrder {
        var id: Int32
        var createdAt: Instant
        var paidAt: Instant?
        var amount: Fen
        var items: Int
    }

    init(config: KefuConfig, period: Period, rule: AttributionRule, asOf: Instant?) {
        self.config = config; self.period = period; self.rule = rule; self.asOf = asOf
        builder = ConversationBuilder(zone: config.zone, outlierMs: config.thresholds.outlierMs)
    }

    /// The contribution of buyer `b` of `book`.
    mutating func contribution(ofBuyer b: Int32, in book: RecordBook) -> BuyerContribution {
        var out = BuyerContribution()
        let th = config.thresholds
        let zone = config.zone
        let w = th.attributionWindowMs
        let messages = book.packedMessages(ofBuyerID: b)
        let orders = book.orderStore

        // Orders as of the report's instant: created by then; a later payment reads as unpaid.
        visible.removeAll(keepingCapacity: true)
        let asOf = self.asOf
        orders.forEachOrder(ofBuyer: b) { o, row in
            var paid = row.paid
            if let t = asOf {
                if row.createdAt > t { return }
                if let p = paid, p > t { paid = nil }
            }
            visible.append(VisibleOrder(id: o, createdAt: row.createdAt, paidAt: paid, amount: row.amount, items: orders.items(o)))
        }
        if visible.count > 1 {
            visible.sort { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : orders.ids.less($0.id, $1.id) }
        }

        // Attribution of every visible order.
        credits.removeAll(keepingCapacity: true)
        if !visible.isEmpty {
            let timeline = replyTimeline(messages, names: book.agentIDs)
            for o in visible {
                credits.append(timeline.credit(createdAt: o.createdAt, paidAt: o.paidAt, windowMs: w, rule: rule))
            }
        }

        // Sales, refunds, assists and silent sales, by paid_at in the period.
        var paidBuyerAgents: [Int32] = []
        for (k, o) in visible.enumerated() {
            guard let p = o.paidAt, period.contains(day: zone.dayNumber(of: p)) else { continue }
            let credit = credits[k]
            if let agent = credit.credited {
                var refunded: Fen = 0
                orders.forEachRefund(ofOrder: o.id) { r in if asOf.map({ r.refundedAt <= $0 }) ?? true { refunded += r.amount } }
                out.withTally(agent) {
                    $0.salesFen += o.amount; $0.paidOrders += 1; $0.items += o.items; $0.refundFen += refunded
                }
                if !paidBuyerAgents.contains(agent) {
                    paidBuyerAgents.append(agent)
                    out.withTally(agent) { $0.paidBuyers += 1 }
                }
                out.teamPaidBuyer = 1
            } else {
                out.silentSalesFen += o.amount
                out.silentOrders += 1
            }
            if let helper = credit.assist {
                out.withTally(helper) { $0.assistOrders += 1; $0.assistFen += o.amount }
            }
        }

        // Conversations in the period: service figures, inquiries and conversion.
        builder.walk(messages, asOf: asOf, into: &walk)
        for conv in walk.spans where period.contains(day: conv.day) {
            out.withTally(conv.agent) { t in
                add(conversation: conv, turns: walk.turns[conv.turns], to: &t, thresholds: th)
                guard conv.isConsult, let t1 = conv.firstBuyerMessage else { return }
                // An inquiry: no order of the buyer in [t1 − W, t1).
                if visible.contains(where: { $0.createdAt >= t1 - w && $0.createdAt < t1 }) { return }
                t.inquiries += 1
                var ordered = false, paid = false
                for (k, o) in visible.enumerated() where o.createdAt >= t1 && o.createdAt <= t1 + w
                    && credits[k].credited == conv.agent {
                    ordered = true
                    if o.paidAt != nil { paid = true; break }
                }
                if ordered { t.inquiriesOrdered += 1 }
                if paid { t.inquiriesPaid += 1 }
            }
        }
        return out
    }

    /// The buyer's non-auto agent messages as of the instant, by time, ties to the smaller agent id.
    private mutating func replyTimeline(_ messages: BuyerMessages, names: IDTable) -> AgentMessageTimeline<Int32> {
        replies.removeAll(keepingCapacity: true)
        for m in messages where m.isAgentReply && (asOf.map { m.ts <= $0 } ?? true) { replies.append((m.ts, m.agent)) }
        replies.sort { $0.ts != $1.ts ? $0.ts < $1.ts : $0.agent != $1.agent && names.less($0.agent, $1.agent) }
        return AgentMessageTimeline(sorted: replies)
    }

    private func add(conversation c: ConversationSpan, turns: ArraySlice<Turn>, to t: inout Tally, thresholds th: Thresholds) {
        t.buyerMessages += c.buyerMessages
        t.agentMessages += c.agentMessages
        if c.isConsult {
            t.consults += 1
            if c.isReception {
                t.receptions += 1
                if c.durationMs >= th.validMs { t.validConversations += 1 }
                if c.durationMs > th.longMs { t.longReceptions += 1 }
            }
        } else if c.isOutreach {
            t.outreach += 1
        }
        for (i, turn) in turns.enumerated() {
            t.turns += 1
            guard let r = turn.responseMs else { continue }
            if r <= th.fastMs { t.fastTurns += 1 }
            if r > th.outlierMs {
                t.outliers += 1
                continue
            }
            t.artSumMs += r; t.artCount += 1
            if r > th.slowMs { t.slowTurns += 1 }
            if i == 0 { t.frtSumMs += r; t.frtCount += 1 }
        }
    }
}
