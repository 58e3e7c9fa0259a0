/// Each agent's credited and assisted orders paid in a month, and those paid on one day of it,
/// under one rule as of a cut that moves forward, kept buyer by buyer: a buyer whose records
/// changed replaces the entries it had. Equal at every step to
/// `ScoringEngine.ordersByAgent(in:period:rule:asOf: cut)` for the month and for the day.
struct OrderLists: Sendable {
    let rule: AttributionRule
    let month: Period
    let day: LocalDate
    private let engine: ScoringEngine
    private var entries: [Int32: [AgentOrderEntry]] = [:]
    /// The month's lists and the day's, by agent id, each by payment time.
    private(set) var monthOrders: [String: [AgentOrder]] = [:]
    private(set) var dayOrders: [String: [AgentOrder]] = [:]

    /// The lists over `book` as of `cut`, from the buyers with a record in the month.
    init(config: KefuConfig, book: RecordBook, activity: BuyerActivity, month: Period, day: LocalDate,
         rule: AttributionRule, cut: Instant) {
        engine = ScoringEngine(config: config)
        self.rule = rule
        self.month = month
        self.day = day
        for b in activity.buyers(since: config.zone.startOfDay(month.from), through: cut) {
            let new = engine.orderEntries(ofBuyerID: b, in: book, period: month, rule: rule, asOf: cut)
            guard !new.isEmpty else { continue }
            entries[b] = new
            for e in new {
                monthOrders[e.agent, default: []].append(e.order)
                if isOnDay(e.order) { dayOrders[e.agent, default: []].append(e.order) }
            }
        }
        for agent in monthOrders.keys { monthOrders[agent]!.sort(by: AgentOrder.paidFirst) }
        for agent in dayOrders.keys { dayOrders[agent]!.sort(by: AgentOrder.paidFirst) }
    }

    /// Replaces the entries of the buyers a step revealed.
    mutating func apply(_ step: CutStep, _ book: RecordBook, cut: Instant) {
        for b in step.buyers {
            let old = entries.removeValue(forKey: b) ?? []
            let new = engine.orderEntries(ofBuyerID: b, in: book, period: month, rule: rule, asOf: cut)
            guard old != new else { if !new.isEmpty { entries[b] = new }; continue }
            for e in old {
                Self.remove(e, from: &monthOrders)
                if isOnDay(e.order) { Self.remove(e, from: &dayOrders) }
            }
            for e in new {
                Self.insert(e, into: &monthOrders)
                if isOnDay(e.order) { Self.insert(e, into: &dayOrders) }
            }
            if !new.isEmpty { entries[b] = new }
        }
    }

    private func isOnDay(_ o: AgentOrder) -> Bool {
        o.order.paidAt.map { engine.config.zone.dayNumber(of: $0) == day.day } ?? false
    }

    private static func remove(_ e: AgentOrderEntry, from lists: inout [String: [AgentOrder]]) {
        guard let i = lists[e.agent]?.firstIndex(of: e.order) else { return }
        lists[e.agent]!.remove(at: i)
        if lists[e.agent]!.isEmpty { lists[e.agent] = nil }
    }

    private static func insert(_ e: AgentOrderEntry, into lists: inout [String: [AgentOrder]]) {
        var list = lists.removeValue(forKey: e.agent) ?? []
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if AgentOrder.paidFirst(list[mid], e.order) { lo = mid + 1 } else { hi = mid }
        }
        list.insert(e.order, at: lo)
        lists[e.agent] = list
    }
}
