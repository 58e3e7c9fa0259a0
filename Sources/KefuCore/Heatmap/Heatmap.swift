/// The load heatmap of SPEC §9: local day (or weekday) × hour 0–23.
///
/// Cells are placed by local time of the instant concerned, whatever day the conversation
/// belongs to (a conversation kept on 11-10 by the cross-midnight rule still loads 11-11 00 h).
/// - **consults**: conversations with a buyer message, in the hour of their first message.
/// - **buyer messages**: buyer messages by their own timestamp.
/// - **concurrency**: conversations open during the hour, time-averaged (the conversation-time
///   from first to last message inside the hour ÷ 1 h; a one-message conversation adds nothing),
///   divided by the online agents: those on shift for any part of the hour, plus those with a
///   conversation open in it. Nil when no agent is online.
/// - **response time**: mean over the answered turns opened in the hour that are not outliers
///   (`thresholds.outlierMs`), in seconds. Nil when there is none.
///
/// By weekday, a row pools the period's days of that weekday: counts are the mean per day
/// (over every day of that weekday in the period), ratios are pooled (Σ numerators ÷ Σ
/// denominators). Weekdays the period does not contain are nil rows.
public enum Heatmap {
    /// The grid of `metric` over `days`. `messages` is read only for `.buyerMessages` (a
    /// conversation holds counts, not message times); `shifts` only for `.concurrency`.
    public static func build(conversations: [Conversation], messages: [Message], shifts: some Sequence<Shift>, zone: ShopTimeZone,
                             days: Period, metric: HeatmapMetric, byWeekday: Bool, thresholds: Thresholds) -> HeatmapGrid {
        var sums = CellSums(days: days)
        switch metric {
        case .consults:
            for conv in conversations where conv.isConsult { sums.add(at: conv.start, zone: zone, value: 1) }
        case .buyerMessages:
            for m in messages where m.sender == .buyer { sums.add(at: m.ts, zone: zone, value: 1) }
        case .responseTime:
            for conv in conversations {
                for turn in conv.turns {
                    guard let ms = turn.responseMs, ms <= thresholds.outlierMs else { continue }
                    sums.add(at: turn.openedAt, zone: zone, value: Double(ms) / 1000, weight: 1)
                }
            }
        case .concurrency:
            addConcurrency(conversations: conversations, shifts: shifts, zone: zone, into: &sums)
        }
        let isCount = metric == .consults || metric == .buyerMessages
        return byWeekday ? sums.weekdayGrid(metric: metric, isCount: isCount) : sums.dayGrid(metric: metric, isCount: isCount)
    }

    private static func addConcurrency(conversations: [Conversation], shifts: some Sequence<Shift>, zone: ShopTimeZone, into sums: inout CellSums) {
        var online = [Set<String>](repeating: [], count: sums.count)
        let shiftsByDay = Dictionary(grouping: shifts, by: { $0.date.day })
        for d in sums.period.from.day..<sums.period.to.day {
            let day = LocalDate(day: d)
            let coverage = ShiftCoverage(day: day, shifts: (shiftsByDay[d] ?? []) + (shiftsByDay[d - 1] ?? []))
            for h in 0..<24 { online[sums.index(day: d, hour: h)!].formUnion(coverage.agentsTouching(hour: h)) }
        }
        for conv in conversations {
            if let i = sums.index(at: conv.start, zone: zone) { online[i].insert(conv.agent) }
            var t = conv.start
            while t < conv.end {
                let local = zone.local(t)
                let nextHour = zone.instant(fromLocal: (floorDiv(local, 3_600_000) + 1) * 3_600_000)
                let stop = Swift.min(conv.end, Swift.max(nextHour, t + 1))
                if let i = sums.index(at: t, zone: zone) {
                    sums.numerator[i] += Double(stop - t) / 3_600_000
                    online[i].insert(conv.agent)
                }
                t = stop
            }
        }
        for i in 0..<sums.count { sums.denominator[i] += Double(online[i].count) }
    }
}

/// Numerators and denominators per (day of the period, hour).
private struct CellSums {
    let period: Period
    var numerator: [Double]
    var denominator: [Double]
    var count: Int { numerator.count }

    init(days: Period) {
        period = days
        let n = Swift.max(0, days.days) * 24
        numerator = [Double](repeating: 0, count: n)
        denominator = [Double](repeating: 0, count: n)
    }

    func index(day: Int, hour: Int) -> Int? {
        period.contains(day: day) ? (day - period.from.day) * 24 + hour : nil
    }

    func index(at t: Instant, zone: ShopTimeZone) -> Int? {
        index(day: zone.dayNumber(of: t), hour: zone.hour(of: t))
    }

    mutating func add(at t: Instant, zone: ShopTimeZone, value: Double, weight: Double = 0) {
        guard let i = index(at: t, zone: zone) else { return }
        numerator[i] += value
        denominator[i] += weight
    }

    /// Count cells are plain sums (0 when empty); ratio cells are numerator ÷ denominator.
    private func cell(_ num: Double, _ den: Double, isCount: Bool, days: Int) -> Double? {
        if isCount { return days > 0 ? num / Double(days) : nil }
        return den > 0 ? num / den : nil
    }

    func dayGrid(metric: HeatmapMetric, isCount: Bool) -> HeatmapGrid {
        var rows: [HeatmapRow] = []
        var cells: [[Double?]] = []
        for d in period.from.day..<Swift.max(period.from.day, period.to.day) {
            rows.append(.day(LocalDate(day: d)))
            cells.append((0..<24).map { h in
                let i = index(day: d, hour: h)!
                return cell(numerator[i], denominator[i], isCount: isCount, days: 1)
            })
        }
        return HeatmapGrid(metric: metric, rows: rows, cells: cells)
    }

    func weekdayGrid(metric: HeatmapMetric, isCount: Bool) -> HeatmapGrid {
        var num = [[Double]](repeating: [Double](repeating: 0, count: 24), count: 7)
        var den = num
        var days = [Int](repeating: 0, count: 7)
        for d in period.from.day..<Swift.max(period.from.day, period.to.day) {
            let w = LocalDate(day: d).weekday
            days[w] += 1
            for h in 0..<24 {
                let i = index(day: d, hour: h)!
                num[w][h] += numerator[i]
                den[w][h] += denominator[i]
            }
        }
        let cells = (0..<7).map { w in (0..<24).map { h in cell(num[w][h], den[w][h], isCount: isCount, days: days[w]) } }
        return HeatmapGrid(metric: metric, rows: (0..<7).map { .weekday($0) }, cells: cells)
    }
}
