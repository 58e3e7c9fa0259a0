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

    /// The index of `agent`'s tally, added empty when missing.
    mutating func slot(_ agent: Int32) -> Int {
        var i = 0
        while i < agents.count, agents[i].agent != agent { i += 1 }
        if i == agents.count { agents.append((agent, Tally())) }
        return i
    }

    /// Nothing at all.
    var isEmpty: Bool { agents.isEmpty && teamPaidBuyer == 0 && silentSalesFen == 0 && silentOrders == 0 }

    /// Becomes a copy of `other`, reusing its own array's room.
    mutating func assign(_ other: BuyerContribution) {
        agents.removeAll(keepingCapacity: true)
        agents.append(contentsOf: other.agents)
        teamPaidBuyer = other.teamPaidBuyer
        silentSalesFen = other.silentSalesFen
        silentOrders = other.silentOrders
    }

    /// Empties it, keeping its array's room.
    mutating func clear() {
        if !agents.isEmpty { agents.removeAll(keepingCapacity: true) }
        teamPaidBuyer = 0
        silentSalesFen = 0
        silentOrders = 0
    }

    static func == (a: BuyerContribution, b: BuyerContribution) -> Bool {
        a.teamPaidBuyer == b.teamPaidBuyer && a.silentSalesFen == b.silentSalesFen && a.silentOrders == b.silentOrders
            && a.agents.count == b.agents.count
            && zip(a.agents, b.agents).allSatisfy { $0.agent == $1.agent && $0.tally == $1.tally }
    }
}

/// Computes buyers' contributions for one period, rule and as-of instant, reusing its working
/// arrays from buyer to buyer (one scorer per report or live aggregate, not shared): `score`
/// leaves a buyer's contribution in `current`, so scoring allocates nothing once warm.
struct BuyerScorer: Sendable {
    private let setting: Setting
    /// The working arrays, kept from buyer to buyer.
    private var scratch = Scratch()

    /// The contribution of the buyer scored last.
    var current: BuyerContribution { scratch.out }

    /// What a report fixes: thresholds, zone, period, rule, as-of instant.
    private struct Setting: Sendable {
        let thresholds: Thresholds
        let zone: ShopTimeZone
        let period: Period
        let rule: AttributionRule
        let asOf: Instant?
        let builder: ConversationBuilder
    }

    private struct Scratch {
        var walk = WalkBuffers()
        var visible: [VisibleOrder] = []
        var credits: [OrderCredit<Int32>] = []
        var replies: [(ts: Instant, agent: Int32)] = []
        var paidBuyerAgents: [Int32] = []
        var out = BuyerContribution()
    }

    /// An order of the buyer as of the report's instant.
    private struct VisibleOrder {
        var id: Int32
        var createdAt: Instant
        var paidAt: Instant?
        var amount: Fen
        var items: Int
    }

    init(config: KefuConfig, period: Period, rule: AttributionRule, asOf: Instant?) {
        setting = Setting(thresholds: config.thresholds, zone: config.zone, period: period, rule: rule, asOf: asOf,
                          builder: ConversationBuilder(zone: config.zone, outlierMs: config.thresholds.outlierMs))
    }

    /// Replaces a buyer's `previous` contribution in `totals` by `current`, and stores
    /// `current` in `previous` (reusing its array).
    func replace(_ previous: inout BuyerContribution, in totals: inout AgentTotals) {
        totals.replace(previous, with: scratch.out)
        previous.assign(scratch.out)
    }

    /// Scores buyer `b` of `book` into `current`.
    mutating func score(buyer b: Int32, in book: RecordBook) {
        BuyerScorer.score(b, book, setting, &scratch.walk, &scratch.visible, &scratch.credits, &scratch.replies,
                          &scratch.paidBuyerAgents, &scratch.out)
    }

    private static func score(_ b: Int32, _ book: RecordBook, _ setting: Setting, _ walk: inout WalkBuffers, _ visible: inout [VisibleOrder],
                              _ credits: inout [OrderCredit<Int32>], _ replies: inout [(ts: Instant, agent: Int32)],
                              _ paidBuyerAgents: inout [Int32], _ out: inout BuyerContribution) {
        out.clear()
        let th = setting.thresholds
        let zone = setting.zone
        let period = setting.period
        let rule = setting.rule
        let w = th.attributionWindowMs
        let messages = book.packedMessages(ofBuyerID: b)

        // Orders as of the report's instant: created by then; a later payment reads as unpaid.
        if !visible.isEmpty { visible.removeAll(keepingCapacity: true) }
        let asOf = setting.asOf
        book.orderStore.forEachOrder(ofBuyer: b) { o, row in
            var paid = row.paid
            if let t = asOf {
                if row.createdAt > t { return }
                if let p = paid, p > t { paid = nil }
            }
            visible.append(VisibleOrder(id: o, createdAt: row.createdAt, paidAt: paid, amount: row.amount, items: book.orderStore.items(o)))
        }
        if visible.count > 1 {
            visible.sort { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : book.orderStore.ids.less($0.id, $1.id) }
        }

        // Attribution of every visible order.
        if !credits.isEmpty { credits.removeAll(keepingCapacity: true) }
        if !visible.isEmpty {
            let timeline = replyTimeline(messages, asOf: asOf, names: book.agentIDs, into: &replies)
            for o in visible {
                credits.append(timeline.credit(createdAt: o.createdAt, paidAt: o.paidAt, windowMs: w, rule: rule))
            }
        }

        // Sales, refunds, assists and silent sales, by paid_at in the period.
        if !paidBuyerAgents.isEmpty { paidBuyerAgents.removeAll(keepingCapacity: true) }
        for (k, o) in visible.enumerated() {
            guard let p = o.paidAt, period.contains(day: zone.dayNumber(of: p)) else { continue }
            let credit = credits[k]
            if let agent = credit.credited {
                var refunded: Fen = 0
                book.orderStore.forEachRefund(ofOrder: o.id) { r in if asOf.map({ r.refundedAt <= $0 }) ?? true { refunded += r.amount } }
                let i = out.slot(agent)
                out.agents[i].tally.salesFen += o.amount
                out.agents[i].tally.paidOrders += 1
                out.agents[i].tally.items += o.items
                out.agents[i].tally.refundFen += refunded
                if !paidBuyerAgents.contains(agent) {
                    paidBuyerAgents.append(agent)
                    out.agents[i].tally.paidBuyers += 1
                }
                out.teamPaidBuyer = 1
            } else {
                out.silentSalesFen += o.amount
                out.silentOrders += 1
            }
            if let helper = credit.assist {
                let i = out.slot(helper)
                out.agents[i].tally.assistOrders += 1
                out.agents[i].tally.assistFen += o.amount
            }
        }

        // Conversations in the period: service figures, inquiries and conversion, summed per
        // agent on the side (the walk lists each agent's conversations together).
        setting.builder.walk(messages, asOf: asOf, into: &walk)
        var t = Tally()
        var agent: Int32 = -1
        for conv in walk.spans where period.contains(day: conv.day) {
            if conv.agent != agent {
                if agent >= 0 { out.agents[out.slot(agent)].tally += t }
                agent = conv.agent
                t = Tally()
            }
            add(conversation: conv, turns: walk.turns, to: &t, thresholds: th)
            guard conv.isConsult, let t1 = conv.firstBuyerMessage else { continue }
            // An inquiry: no order of the buyer in [t1 − W, t1).
            if visible.contains(where: { $0.createdAt >= t1 - w && $0.createdAt < t1 }) { continue }
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
        if agent >= 0 { out.agents[out.slot(agent)].tally += t }
    }

    /// The buyer's non-auto agent messages as of the instant, by time, ties to the smaller agent id.
    private static func replyTimeline(_ messages: BuyerMessages, asOf: Instant?, names: IDTable,
                                      into replies: inout [(ts: Instant, agent: Int32)]) -> AgentMessageTimeline<Int32> {
        replies.removeAll(keepingCapacity: true)
        let limit = asOf ?? Instant.max
        var sorted = true
        for m in messages where m.isAgentReply && m.ts <= limit {
            if let last = replies.last, last.ts > m.ts || (last.ts == m.ts && last.agent != m.agent) { sorted = false }
            replies.append((m.ts, m.agent))
        }
        if !sorted { replies.sort { $0.ts != $1.ts ? $0.ts < $1.ts : $0.agent != $1.agent && names.less($0.agent, $1.agent) } }
        return AgentMessageTimeline(sorted: replies)
    }

    /// Adds a conversation and its turns (`c.turns` of `turns`) to a tally.
    private static func add(conversation c: ConversationSpan, turns: [Turn], to t: inout Tally, thresholds th: Thresholds) {
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
        for k in c.turns {
            let turn = turns[k]
            t.turns += 1
            guard let r = turn.responseMs else { continue }
            if r <= th.fastMs { t.fastTurns += 1 }
            if r > th.outlierMs {
                t.outliers += 1
                continue
            }
            t.artSumMs += r; t.artCount += 1
            if r > th.slowMs { t.slowTurns += 1 }
            if k == c.turns.lowerBound { t.frtSumMs += r; t.frtCount += 1 }
        }
    }
}
