/// The batch path: every figure of a period from a `RecordBook`, under a rule, as of an instant.
///
/// `kefu report`, the dashboard and the pay runs all call this (or the live path, which
/// folds the same per-buyer contributions), so no two front ends can disagree.
public struct ScoringEngine: Sendable {
    public let config: KefuConfig

    public init(config: KefuConfig) { self.config = config }

    /// The report for `period` under `rule`; records stamped after `asOf` are ignored.
    public func report(_ book: RecordBook, period: Period, rule: AttributionRule, asOf: Instant? = nil) -> Report {
        let scorer = BuyerScorer(config: config, period: period, rule: rule, asOf: asOf)
        var totals = AgentTotals()
        for buyer in book.buyers {
            let c = scorer.contribution(buyer: buyer, messages: book.messages(ofBuyer: buyer),
                                        orders: book.orders(ofBuyer: buyer), refunds: { book.refunds(ofOrder: $0) })
            totals.add(c)
        }
        for r in book.ratings { totals.add(ratingTally(r, period: period, asOf: asOf), agent: r.agent) }
        for id in book.ticketOrder {
            let t = book.tickets[id]!
            totals.add(ticketTally(t, period: period, asOf: asOf), agent: t.agent)
        }
        return assemble(book: book, totals: totals, period: period, rule: rule, asOf: asOf)
    }

    /// Every conversation in the book (all days), as of `asOf`, by buyer then agent then day.
    public func conversations(_ book: RecordBook, asOf: Instant? = nil) -> [Conversation] {
        let builder = ConversationBuilder(zone: config.zone, outlierMs: config.thresholds.outlierMs)
        var out: [Conversation] = []
        for buyer in book.messagingBuyers.sorted(by: utf8Less) {
            out += builder.conversations(buyer: buyer, messages: book.messages(ofBuyer: buyer), asOf: asOf)
        }
        return out
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

    func ratingTally(_ r: Rating, period: Period, asOf: Instant?) -> Tally? {
        if let t = asOf, r.ts > t { return nil }
        guard period.contains(day: config.zone.dayNumber(of: r.ts)) else { return nil }
        var t = Tally()
        t.ratings = 1; t.ratingSum = r.score; t.goodRatings = r.score >= 4 ? 1 : 0
        return t
    }

    func ticketTally(_ tk: Ticket, period: Period, asOf: Instant?) -> Tally? {
        if let t = asOf, tk.openedAt > t { return nil }
        guard period.contains(day: config.zone.dayNumber(of: tk.openedAt)) else { return nil }
        var t = Tally()
        t.tickets = 1
        t.callbackTickets = tk.kind == .callback ? 1 : 0
        t.errorTickets = tk.status == .error ? 1 : 0
        if tk.status == .resolved {
            t.resolvedTickets = 1
            if let c = tk.closedAt { t.handleSumMs = c - tk.openedAt; t.handleCount = 1 }
        }
        return t
    }

    func assemble(book: RecordBook, totals: AgentTotals, period: Period, rule: AttributionRule, asOf: Instant?) -> Report {
        var agents: [AgentMetrics] = []
        var listed = Set<String>()
        for id in book.agentOrder {
            let a = book.agents[id]!
            listed.insert(id)
            agents.append(AgentMetrics(agentID: id, name: a.name, role: a.role, group: a.group, grade: a.grade,
                                       tally: totals.byAgent[id] ?? Tally()))
        }
        // Agents the period's records name that agents.csv lacks (a tally emptied by a late
        // record on the live path names nothing).
        for id in totals.byAgent.keys.sorted(by: utf8Less) where !listed.contains(id) && totals.byAgent[id] != Tally() {
            agents.append(AgentMetrics(agentID: id, name: nil, role: nil, group: nil, grade: nil, tally: totals.byAgent[id]!))
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

/// Running sums of contributions by agent, plus the team's distinct paid buyers and silent sales.
struct AgentTotals: Sendable {
    var byAgent: [String: Tally] = [:]
    var teamPaidBuyers = 0
    var silentSalesFen: Fen = 0
    var silentOrders = 0

    mutating func add(_ c: BuyerContribution, sign: Int = 1) {
        for (agent, t) in c.agents {
            if sign > 0 { byAgent[agent, default: Tally()] += t } else { byAgent[agent, default: Tally()] -= t }
        }
        teamPaidBuyers += sign * c.teamPaidBuyer
        silentSalesFen += Fen(sign) * c.silentSalesFen
        silentOrders += sign * c.silentOrders
    }

    mutating func add(_ t: Tally?, agent: String, sign: Int = 1) {
        guard let t else { return }
        if sign > 0 { byAgent[agent, default: Tally()] += t } else { byAgent[agent, default: Tally()] -= t }
    }
}

extension RecordBook {
    /// A buyer's orders.
    public func orders(ofBuyer buyer: String) -> [Order] {
        (orderIDsByBuyer[buyer] ?? []).compactMap { orders[$0] }
    }

    /// The shop-local days the records span, `[first, last + 1)`; nil for an empty book.
    public func span(zone: ShopTimeZone) -> Period? {
        var lo = Int64.max, hi = Int64.min
        func see(_ t: Instant) { lo = min(lo, t); hi = max(hi, t) }
        forEachMessage { see($0.ts) }
        for o in orders.values { see(o.createdAt); if let p = o.paidAt { see(p) } }
        forEachRefund { see($0.refundedAt) }
        for r in ratings { see(r.ts) }
        for t in tickets.values { see(t.openedAt) }
        guard lo <= hi else { return nil }
        return Period(from: zone.day(of: lo), to: zone.day(of: hi).adding(days: 1))
    }
}
