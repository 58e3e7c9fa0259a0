/// The batch path: every figure of a period from a `RecordBook`, under a rule, as of an instant.
///
/// `kefu report`, the dashboard and the pay runs all call this (or the live path, which
/// folds the same per-buyer contributions), so no two front ends can disagree.
public struct ScoringEngine: Sendable {
    public let config: KefuConfig

    public init(config: KefuConfig) { self.config = config }

    /// The report for `period` under `rule`; records stamped after `asOf` are ignored.
    public func report(_ book: RecordBook, period: Period, rule: AttributionRule, asOf: Instant? = nil) -> Report {
        var scorer = BuyerScorer(config: config, period: period, rule: rule, asOf: asOf)
        var totals = AgentTotals()
        for b in 0..<Int32(book.buyerIDCount) {
            scorer.score(buyer: b, in: book)
            totals.add(scorer.current)
        }
        addRatingsAndTickets(book, to: &totals, period: period, asOf: asOf)
        return assemble(book: book, totals: totals, period: period, rule: rule, asOf: asOf)
    }

    /// Every conversation in the book (all days), as of `asOf`, by buyer then agent then day.
    public func conversations(_ book: RecordBook, asOf: Instant? = nil) -> [Conversation] {
        var out: [Conversation] = []
        forEachConversation(book, asOf: asOf) { out.append($0) }
        return out
    }

    /// Hands every conversation of `conversations(book, asOf:)` to `body`, in the same order,
    /// without holding them all.
    public func forEachConversation(_ book: RecordBook, asOf: Instant? = nil, _ body: (Conversation) -> Void) {
        let builder = ConversationBuilder(zone: config.zone, outlierMs: config.thresholds.outlierMs)
        var walk = WalkBuffers()
        let buyers = (0..<Int32(book.buyerIDCount)).sorted { book.buyerIDs.less($0, $1) }
        for b in buyers {
            builder.walk(book.packedMessages(ofBuyerID: b), asOf: asOf, into: &walk)
            for s in walk.spans {
                body(Conversation(agent: book.agentIDs[s.agent], buyer: book.buyerIDs[b], day: LocalDate(day: s.day),
                                  start: s.start, end: s.end, firstBuyerMessage: s.firstBuyerMessage,
                                  buyerMessages: s.buyerMessages, agentMessages: s.agentMessages,
                                  turns: Array(walk.turns[s.turns])))
            }
        }
    }

    /// The team's figures hour by hour on one day: element h covers `[h:00, h+1:00)` as of
    /// `asOf`, i.e. everything the shift had by the end of that hour (conversations by their
    /// day, so the hours differ in what was recorded by then).
    public func hourlyTeam(_ book: RecordBook, day: LocalDate, rule: AttributionRule, asOf: Instant? = nil) -> [Tally] {
        let period = Period(from: day, to: day.adding(days: 1))
        let dayStart = config.zone.startOfDay(day)
        return (0..<24).map { h in
            let end = dayStart + Int64(h + 1) * 3_600_000 - 1
            let cutoff = asOf.map { min($0, end) } ?? end
            return report(book, period: period, rule: rule, asOf: cutoff).team.tally
        }
    }

    // MARK: assembly shared with the live path

    func ratingTally(ts: Instant, score: Int, period: Period, asOf: Instant?) -> Tally? {
        if let t = asOf, ts > t { return nil }
        guard period.contains(day: config.zone.dayNumber(of: ts)) else { return nil }
        var t = Tally()
        t.ratings = 1; t.ratingSum = score; t.goodRatings = score >= 4 ? 1 : 0
        return t
    }

    func ticketTally(_ tk: TicketRow, period: Period, asOf: Instant?) -> Tally? {
        if let t = asOf, tk.openedAt > t { return nil }
        guard period.contains(day: config.zone.dayNumber(of: tk.openedAt)) else { return nil }
        var t = Tally()
        t.tickets = 1
        t.callbackTickets = tk.kind == .callback ? 1 : 0
        t.errorTickets = tk.status == .error ? 1 : 0
        if tk.status == .resolved {
            t.resolvedTickets = 1
            if let c = tk.closed { t.handleSumMs = c - tk.openedAt; t.handleCount = 1 }
        }
        return t
    }

    func addRatingsAndTickets(_ book: RecordBook, to totals: inout AgentTotals, period: Period, asOf: Instant?) {
        for r in book.ratingRows { totals.add(ratingTally(ts: r.ts, score: Int(r.score), period: period, asOf: asOf), agent: r.agent) }
        for t in book.ticketRows { totals.add(ticketTally(t, period: period, asOf: asOf), agent: t.agent) }
    }

    func assemble(book: RecordBook, totals: AgentTotals, period: Period, rule: AttributionRule, asOf: Instant?) -> Report {
        var agents: [AgentMetrics] = []
        var listed = Set<Int32>()
        for id in book.agentOrder {
            let a = book.agents[id]!
            let n = book.agentIDs.find(id)
            if let n { listed.insert(n) }
            agents.append(AgentMetrics(agentID: id, name: a.name, role: a.role, group: a.group, grade: a.grade,
                                       tally: n.map { totals[$0] } ?? Tally()))
        }
        // Agents the period's records name that agents.csv lacks (a tally emptied by a late
        // record on the live path names nothing).
        let others = totals.agentsWithFigures.filter { !listed.contains($0) }.map { (id: book.agentIDs[$0], n: $0) }
        for o in others.sorted(by: { utf8Less($0.id, $1.id) }) {
            agents.append(AgentMetrics(agentID: o.id, name: nil, role: nil, group: nil, grade: nil, tally: totals[o.n]))
        }
        Ranking(config: config).score(&agents)
        var team = TeamMetrics()
        for a in agents { team.tally += a.tally }
        team.tally.paidBuyers = totals.teamPaidBuyers
        team.silentSalesFen = totals.silentSalesFen
        team.silentOrders = totals.silentOrders
        return Report(period: period, rule: rule, asOf: asOf, agents: agents, team: team)
    }
}

/// Running sums of contributions by agent (the book's interned integers), plus the team's
/// distinct paid buyers and silent sales.
struct AgentTotals: Sendable {
    private var byAgent: [Tally] = []
    var teamPaidBuyers = 0
    var silentSalesFen: Fen = 0
    var silentOrders = 0

    /// The tally of agent `n` (empty when nothing was added).
    subscript(_ n: Int32) -> Tally { Int(n) < byAgent.count ? byAgent[Int(n)] : Tally() }

    /// Agents whose tally is not empty.
    var agentsWithFigures: [Int32] { byAgent.indices.filter { byAgent[$0] != Tally() }.map { Int32($0) } }

    private mutating func slot(_ n: Int32) -> Int {
        let i = Int(n)
        if i >= byAgent.count { byAgent.append(contentsOf: repeatElement(Tally(), count: i + 1 - byAgent.count)) }
        return i
    }

    mutating func add(_ c: BuyerContribution, sign: Int = 1) {
        c.agents.withUnsafeBufferPointer { entries in
            for k in entries.indices {
                let i = slot(entries[k].agent)
                if sign > 0 { byAgent[i] += entries[k].tally } else { byAgent[i] -= entries[k].tally }
            }
        }
        teamPaidBuyers += sign * c.teamPaidBuyer
        silentSalesFen += Fen(sign) * c.silentSalesFen
        silentOrders += sign * c.silentOrders
    }

    /// Takes `old` out of the totals and puts `new` in.
    mutating func replace(_ old: BuyerContribution, with new: BuyerContribution) {
        add(old, sign: -1)
        add(new)
    }

    mutating func add(_ t: Tally?, agent: Int32, sign: Int = 1) {
        guard let t else { return }
        let i = slot(agent)
        if sign > 0 { byAgent[i] += t } else { byAgent[i] -= t }
    }
}

extension RecordBook {
    /// The shop-local days the records span, `[first, last + 1)`; nil for an empty book.
    public func span(zone: ShopTimeZone) -> Period? {
        var lo = Int64.max, hi = Int64.min
        func see(_ t: Instant) { lo = min(lo, t); hi = max(hi, t) }
        for b in 0..<Int32(buyerIDCount) { for m in packedMessages(ofBuyerID: b) { see(m.ts) } }
        for o in 0..<Int32(orderStore.rows.count) where orderStore.hasRow(o) {
            let row = orderStore.rows[Int(o)]
            see(row.createdAt)
            if let p = row.paid { see(p) }
        }
        for r in orderStore.refunds { see(r.refundedAt) }
        for r in ratingRows { see(r.ts) }
        for t in ticketRows { see(t.openedAt) }
        guard lo <= hi else { return nil }
        return Period(from: zone.day(of: lo), to: zone.day(of: hi).adding(days: 1))
    }
}
