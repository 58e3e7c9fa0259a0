/// The sums behind the load heatmaps of a run of days (SPEC §9), cell by cell (local day ×
/// hour), in integers: consults started, buyer messages, answered-turn response times,
/// conversation time open, and the agents online. `Heatmap` describes what each metric counts.
///
/// Conversations and buyer messages can be added and taken away one at a time (`sign` −1), so
/// the dashboard keeps its heatmaps current by replacing only the buyers whose records changed;
/// `Heatmap.build` adds everything once. Either way the grids read off the same sums, so they
/// agree exactly. Agents are integer keys the caller gives consistently for conversations and
/// shifts; an agent on shift with no key counts as online on its own.
public struct HeatmapSums: Sendable {
    public let days: Period
    let zone: ShopTimeZone
    let outlierMs: Int64
    private var consults: [Int]
    private var buyerMessages: [Int]
    private var responseMs: [Int64]
    private var responses: [Int]
    private var openMs: [Int64]
    /// Per cell: the agents conversations place there, with how many conversations do.
    private var present: [[Int32: Int]]
    /// Per cell: agents on shift for any part of the hour (keys), and those without a key.
    private var onShift: [Set<Int32>]
    private var onShiftUnkeyed: [Int]
    /// Per cell: agents online (on shift or present), kept as the two change.
    private var online: [Int]

    init(days: Period, zone: ShopTimeZone, thresholds: Thresholds) {
        self.days = days
        self.zone = zone
        outlierMs = thresholds.outlierMs
        let n = Swift.max(0, days.days) * 24
        consults = [Int](repeating: 0, count: n)
        buyerMessages = consults
        responses = consults
        onShiftUnkeyed = consults
        online = consults
        responseMs = [Int64](repeating: 0, count: n)
        openMs = responseMs
        present = [[Int32: Int]](repeating: [:], count: n)
        onShift = [Set<Int32>](repeating: [], count: n)
    }

    private var count: Int { consults.count }

    private func index(day: Int, hour: Int) -> Int? {
        days.contains(day: day) ? (day - days.from.day) * 24 + hour : nil
    }

    private func index(at t: Instant) -> Int? { index(day: zone.dayNumber(of: t), hour: zone.hour(of: t)) }

    /// What a conversation or a buyer message adds to one cell, for one agent (−1: none, a
    /// buyer message's count). A buyer's shares are what it added, so it can be taken away.
    struct Share: Sendable, Equatable {
        var cell: Int32
        var agent: Int32
        var consults: Int32 = 0
        var buyerMessages: Int32 = 0
        var responses: Int32 = 0
        /// How many times the agent was placed in the cell (its presence there).
        var presence: Int32 = 0
        var responseMs: Int64 = 0
        var openMs: Int64 = 0
    }

    /// Adds (or, with `sign` −1, takes away) a conversation of agent `agent`: its consult, its
    /// answered non-outlier turns, its time open hour by hour, and the agent's presence.
    mutating func add(_ c: Conversation, agent: Int32, sign: Int = 1) {
        var shares: [Share] = []
        self.shares(of: c, agent: agent, into: &shares)
        apply(shares, sign: sign)
    }

    /// Adds (or takes away) one buyer message at `t`.
    mutating func addBuyerMessage(at t: Instant, sign: Int = 1) {
        if let i = index(at: t) { buyerMessages[i] += sign }
    }

    /// Adds what conversation `c` of `agent` puts in each cell of these days to `shares`.
    func shares(of c: Conversation, agent: Int32, into shares: inout [Share]) {
        if c.isConsult, let i = index(at: c.start) { share(i, agent, &shares) { $0.consults += 1 } }
        for turn in c.turns {
            guard let ms = turn.responseMs, ms <= outlierMs, let i = index(at: turn.openedAt) else { continue }
            share(i, agent, &shares) { $0.responseMs += ms; $0.responses += 1 }
        }
        if let i = index(at: c.start) { share(i, agent, &shares) { $0.presence += 1 } }
        var t = c.start
        while t < c.end {
            let local = zone.local(t)
            let nextHour = zone.instant(fromLocal: (floorDiv(local, 3_600_000) + 1) * 3_600_000)
            let stop = Swift.min(c.end, Swift.max(nextHour, t + 1))
            if let i = index(at: t) { share(i, agent, &shares) { $0.openMs += stop - t; $0.presence += 1 } }
            t = stop
        }
    }

    /// Adds a buyer message at `t` to `shares`.
    func shareBuyerMessage(at t: Instant, into shares: inout [Share]) {
        if let i = index(at: t) { share(i, -1, &shares) { $0.buyerMessages += 1 } }
    }

    private func share(_ i: Int, _ agent: Int32, _ shares: inout [Share], _ change: (inout Share) -> Void) {
        if let k = shares.firstIndex(where: { $0.cell == Int32(i) && $0.agent == agent }) {
            change(&shares[k])
        } else {
            var s = Share(cell: Int32(i), agent: agent)
            change(&s)
            shares.append(s)
        }
    }

    /// Adds (or, with `sign` −1, takes away) shares.
    mutating func apply(_ shares: [Share], sign: Int) {
        for s in shares {
            let i = Int(s.cell)
            consults[i] += sign * Int(s.consults)
            buyerMessages[i] += sign * Int(s.buyerMessages)
            responses[i] += sign * Int(s.responses)
            responseMs[i] += Int64(sign) * s.responseMs
            openMs[i] += Int64(sign) * s.openMs
            if s.presence != 0 { mark(s.agent, at: i, sign * Int(s.presence)) }
        }
    }

    private mutating func mark(_ agent: Int32, at i: Int, _ delta: Int) {
        let before = present[i][agent] ?? 0
        let after = before + delta
        present[i][agent] = after == 0 ? nil : after
        guard (before == 0) != (after == 0), !onShift[i].contains(agent) else { return }
        online[i] += after == 0 ? -1 : 1
    }

    /// Replaces who is on shift with `shifts`; `key` gives each shift's agent its key, nil
    /// for an agent that has none.
    mutating func setShifts(_ shifts: some Sequence<Shift>, key: (String) -> Int32?) {
        let byDay = Dictionary(grouping: shifts, by: { $0.date.day })
        for d in days.from.day..<Swift.max(days.from.day, days.to.day) {
            let coverage = ShiftCoverage(day: LocalDate(day: d), shifts: (byDay[d] ?? []) + (byDay[d - 1] ?? []))
            for h in 0..<24 {
                let i = index(day: d, hour: h)!
                onShift[i] = []
                onShiftUnkeyed[i] = 0
                for agent in coverage.agentsTouching(hour: h) {
                    if let k = key(agent) { onShift[i].insert(k) } else { onShiftUnkeyed[i] += 1 }
                }
                online[i] = onShift[i].count + onShiftUnkeyed[i] + present[i].keys.filter { !onShift[i].contains($0) }.count
            }
        }
    }

    /// The grid of `metric`, by day or pooled by weekday.
    public func grid(_ metric: HeatmapMetric, byWeekday: Bool) -> HeatmapGrid {
        byWeekday ? weekdayGrid(metric) : dayGrid(metric)
    }

    /// A cell from summed numerators and denominators over `days` days: counts are the mean
    /// per day (0 when empty), ratios are pooled and nil without a denominator.
    private func cell(_ metric: HeatmapMetric, _ s: (count: Int, ms: Int64, n: Int), days: Int) -> Double? {
        switch metric {
        case .consults, .buyerMessages: return days > 0 ? Double(s.count) / Double(days) : nil
        case .responseTime: return s.n > 0 ? Double(s.ms) / 1000 / Double(s.n) : nil
        case .concurrency: return s.n > 0 ? Double(s.ms) / 3_600_000 / Double(s.n) : nil
        }
    }

    private func sums(_ metric: HeatmapMetric, _ i: Int) -> (count: Int, ms: Int64, n: Int) {
        switch metric {
        case .consults: return (consults[i], 0, 0)
        case .buyerMessages: return (buyerMessages[i], 0, 0)
        case .responseTime: return (0, responseMs[i], responses[i])
        case .concurrency: return (0, openMs[i], online[i])
        }
    }

    private func dayGrid(_ metric: HeatmapMetric) -> HeatmapGrid {
        var rows: [HeatmapRow] = []
        var cells: [[Double?]] = []
        for d in days.from.day..<Swift.max(days.from.day, days.to.day) {
            rows.append(.day(LocalDate(day: d)))
            cells.append((0..<24).map { h in cell(metric, sums(metric, index(day: d, hour: h)!), days: 1) })
        }
        return HeatmapGrid(metric: metric, rows: rows, cells: cells)
    }

    private func weekdayGrid(_ metric: HeatmapMetric) -> HeatmapGrid {
        var pooled = [[(count: Int, ms: Int64, n: Int)]](repeating: [(count: Int, ms: Int64, n: Int)](repeating: (0, 0, 0), count: 24), count: 7)
        var dayCount = [Int](repeating: 0, count: 7)
        for d in days.from.day..<Swift.max(days.from.day, days.to.day) {
            let w = LocalDate(day: d).weekday
            dayCount[w] += 1
            for h in 0..<24 {
                let s = sums(metric, index(day: d, hour: h)!)
                pooled[w][h].count += s.count; pooled[w][h].ms += s.ms; pooled[w][h].n += s.n
            }
        }
        let cells = (0..<7).map { w in (0..<24).map { h in cell(metric, pooled[w][h], days: dayCount[w]) } }
        return HeatmapGrid(metric: metric, rows: (0..<7).map { .weekday($0) }, cells: cells)
    }
}
