import KefuCore
import Synchronization

/// Turns a record book into a `DashboardSnapshot` with the scoring core: every figure on
/// screen comes from `ScoringEngine` and `Heatmap`.
///
/// Slow work is cached: each finished hour of today is computed once (a late record for it
/// shows in the tiles' totals at once, not in that hour's sparkline bar); the month (report,
/// pay run, orders, elimination review) every 30 s; the heatmaps and today's staffing plan
/// every 60 s of the dashboard's clock; the previous month's report once per month and rule;
/// the load profile behind the staffing plan once per day (it is built from the days before
/// today). Today's reports and orders are rebuilt on every call, over only the buyers active
/// since yesterday (`recentBuyers`).
public final class SnapshotBuilder: Sendable {
    public let engine: ScoringEngine
    public let shop: String

    private struct Cache {
        /// Cumulative team tallies by end of hour, by day and rule.
        var cumulative: [HourKey: Tally] = [:]
        var month: (at: Instant, rule: AttributionRule, figures: MonthFigures)?
        var previousMonth: (month: Month, rule: AttributionRule, report: Report)?
        var heatmaps: (at: Instant, grids: [HeatmapKey: HeatmapGrid])?
        var profile: (day: LocalDate, profile: LoadProfile)?
        var staffing: (at: Instant, plan: StaffingPlan?)?
        /// Today's running aggregates under each rule, fed the new records of each call.
        var live: (day: LocalDate, aggregators: [AttributionRule: LiveAggregator])?
    }
    /// The month-to-date figures, computed together.
    private struct MonthFigures {
        var report: Report
        var pay: PayRun?
        var kpiPoints: [String: Double]
        var orders: [String: [AgentOrder]]
        var eliminationReview: Set<String>
    }
    private struct HourKey: Hashable { var day: LocalDate; var hour: Int; var rule: AttributionRule }
    private let cache = Mutex(Cache())

    public init(config: KefuConfig, shop: String) {
        engine = ScoringEngine(config: config)
        self.shop = shop
    }

    /// The snapshot of `book` as of `now`, under `rule`.
    ///
    /// With `fresh` (the records that reached `book` since the previous call), today's reports
    /// come from the core's live path: the new records are folded into running aggregates,
    /// which then hold everything stored (no as-of cut at `now`). Without it, today's reports
    /// are computed in batch as of `now`.
    public func build(_ book: RecordBook, fresh: [Record]? = nil, now: Instant, rule: AttributionRule) -> DashboardSnapshot {
        let zone = engine.config.zone
        let today = zone.day(of: now)
        let yesterday = today.adding(days: -1)
        let window = engine.config.thresholds.attributionWindowMs
        let recent = book.recentBuyers(since: zone.startOfDay(yesterday) - window)
        let todayPeriod = Period(from: today, to: today.adding(days: 1))
        func todayReport(_ r: AttributionRule) -> Report { engine.report(recent, period: todayPeriod, rule: r, asOf: now) }
        let reports: RuleReports
        if let fresh {
            let live = liveToday(book, recent: recent, fresh: fresh, today: today)
            reports = RuleReports(order: live[.order]!, payment: live[.payment]!, orderFirst: live[.orderFirst]!)
        } else {
            reports = RuleReports(order: todayReport(.order), payment: todayReport(.payment), orderFirst: todayReport(.orderFirst))
        }
        let yesterdaySoFar = engine.report(recent, period: Period(from: yesterday, to: today), rule: rule, asOf: now - 86_400_000)
        let conversations = engine.conversations(recent, asOf: now).filter { $0.day == today }
        let month = month(book, now: now, rule: rule)

        return DashboardSnapshot(
            shop: shop, zone: zone, now: now, newestRecord: recent.newestStamp(notAfter: now), rule: rule,
            today: reports, yesterdaySoFar: yesterdaySoFar, month: month.report,
            hourlyToday: hourly(recent, day: today, rule: rule, now: now),
            hourlyConsults: Self.consultsByHour(conversations, zone: zone),
            lastActivity: Self.lastActivity(recent, now: now),
            slowestTurns: Self.slowestTurns(conversations),
            heatmaps: heatmaps(book, now: now),
            monthPay: month.pay, payPlan: SchemeEvaluator(config: engine.config).plan, monthKPIPoints: month.kpiPoints,
            todayOrders: orders(recent, report: reports[rule], period: todayPeriod, now: now),
            monthOrders: month.orders, eliminationReview: month.eliminationReview, eliminationScore: engine.config.eliminationScore,
            staffing: staffing(book, now: now))
    }

    /// Today's report under each rule from running aggregates: built from `recent` when the day
    /// changes, then fed only the `fresh` records. A buyer the aggregates have not seen yet
    /// (one last active before yesterday, paying an old order today) is first folded in whole
    /// from `book`, so attribution sees the buyer's earlier messages, as the batch path does.
    private func liveToday(_ book: RecordBook, recent: RecordBook, fresh: [Record], today: LocalDate) -> [AttributionRule: Report] {
        cache.withLock { c in
            if c.live?.day != today {
                var aggregators: [AttributionRule: LiveAggregator] = [:]
                for r in AttributionRule.allCases {
                    aggregators[r] = LiveAggregator(config: engine.config, period: Period(from: today, to: today.adding(days: 1)),
                                                    rule: r, book: recent)
                }
                c.live = (today, aggregators)
            } else {
                for r in AttributionRule.allCases {
                    var agg = c.live!.aggregators.removeValue(forKey: r)!
                    for record in fresh {
                        if let buyer = Self.buyer(of: record, in: book), !agg.book.knows(buyer: buyer) {
                            agg.fold(book.records(ofBuyer: buyer))
                        }
                        agg.fold(record)
                    }
                    c.live!.aggregators[r] = agg
                }
            }
            return c.live!.aggregators.mapValues(\.report)
        }
    }

    /// The buyer whose contribution a record changes (nil for ratings, tickets and the like).
    private static func buyer(of record: Record, in book: RecordBook) -> String? {
        switch record {
        case .message(let m): return m.buyer
        case .order(let o): return o.buyer
        case .refund(let r): return book.orders[r.orderID]?.buyer
        default: return nil
        }
    }

    /// The team's figures for each hour of `day`: the difference of the day's cumulative
    /// tallies at the ends of consecutive hours (hours after `now` are empty).
    private func hourly(_ book: RecordBook, day: LocalDate, rule: AttributionRule, now: Instant) -> [Tally] {
        let dayStart = engine.config.zone.startOfDay(day)
        let period = Period(from: day, to: day.adding(days: 1))
        var previous = Tally()
        return (0..<24).map { h in
            let end = dayStart + Int64(h + 1) * 3_600_000 - 1
            let hourStart = dayStart + Int64(h) * 3_600_000
            guard hourStart <= now else { return Tally() }
            let key = HourKey(day: day, hour: h, rule: rule)
            let cumulative: Tally
            if end < now, let cached = cache.withLock({ $0.cumulative[key] }) {
                cumulative = cached
            } else {
                cumulative = engine.report(book, period: period, rule: rule, asOf: min(end, now)).team.tally
                if end < now { cache.withLock { $0.cumulative[key] = cumulative } }
            }
            var hour = cumulative
            hour -= previous
            previous = cumulative
            return hour
        }
    }

    /// The month to date under `rule`: its report, the pay run from it (the general KPI points
    /// of the month as recorded), each agent's orders and the elimination review against the
    /// previous month.
    private func month(_ book: RecordBook, now: Instant, rule: AttributionRule) -> MonthFigures {
        if let m = cache.withLock({ $0.month }), m.rule == rule, now - m.at < 30_000, now >= m.at { return m.figures }
        let month = engine.config.zone.day(of: now).month
        let report = engine.report(book, period: month.period, rule: rule, asOf: now)
        var points: [String: Double] = [:]
        for (key, qa) in book.qa where key.month == month { points[key.agent] = qa.points }
        let figures = MonthFigures(
            report: report,
            pay: SchemeEvaluator(config: engine.config).plan.map { PayRun(report: report, month: month, kpiPoints: book.qa, plan: $0) },
            kpiPoints: points,
            orders: orders(book, report: report, period: month.period, now: now),
            eliminationReview: Ranking(config: engine.config).eliminationReview(
                month: report, previousMonth: previousMonth(book, month: month.previous, rule: rule)))
        cache.withLock { $0.month = (now, rule, figures) }
        return figures
    }

    /// A finished month's report, computed once per month and rule.
    private func previousMonth(_ book: RecordBook, month: Month, rule: AttributionRule) -> Report {
        if let p = cache.withLock({ $0.previousMonth }), p.month == month, p.rule == rule { return p.report }
        let report = engine.report(book, period: month.period, rule: rule)
        cache.withLock { $0.previousMonth = (month, rule, report) }
        return report
    }

    /// The orders behind each agent's sales and assists in `report` (agents with neither are absent).
    private func orders(_ book: RecordBook, report: Report, period: Period, now: Instant) -> [String: [AgentOrder]] {
        engine.ordersByAgent(in: book, period: period, rule: report.rule, asOf: now)
    }

    /// Today's staffing plan with the default service goal (80% within 30 s, 3 chats, 30%
    /// shrinkage) and the standard promotion days, from the load of the days before today.
    private func staffing(_ book: RecordBook, now: Instant) -> StaffingPlan? {
        if let s = cache.withLock({ $0.staffing }), now - s.at < 60_000, now >= s.at { return s.plan }
        let zone = engine.config.zone
        let today = zone.day(of: now)
        let promotions = PromotionCalendar.standard
        let profile: LoadProfile
        if let p = cache.withLock({ $0.profile }), p.day == today {
            profile = p.profile
        } else {
            let history = engine.conversations(book, asOf: zone.startOfDay(today) - 1).filter { $0.day < today }
            profile = LoadProfile.build(conversations: history, zone: zone, promotions: promotions, thresholds: engine.config.thresholds)
            cache.withLock { $0.profile = (today, profile) }
        }
        let plan = profile.forecast(for: today, promotions: promotions).map {
            StaffingPlan(forecast: $0, shifts: book.shifts.values, options: StaffingOptions())
        }
        cache.withLock { $0.staffing = (now, plan) }
        return plan
    }

    /// Every heatmap (4 metrics × days/weekdays) over the 14 days ending today.
    private func heatmaps(_ book: RecordBook, now: Instant) -> [HeatmapKey: HeatmapGrid] {
        if let h = cache.withLock({ $0.heatmaps }), now - h.at < 60_000, now >= h.at { return h.grids }
        let zone = engine.config.zone
        let today = zone.day(of: now)
        let days = Period(from: today.adding(days: -13), to: today.adding(days: 1))
        let conversations = engine.conversations(book, asOf: now)
        let messages = book.allMessages.filter { $0.ts <= now }
        let shifts = Array(book.shifts.values)
        var grids: [HeatmapKey: HeatmapGrid] = [:]
        for metric in HeatmapMetric.allCases {
            for byWeekday in [false, true] {
                grids[HeatmapKey(metric, byWeekday: byWeekday)] = Heatmap.build(
                    conversations: conversations, messages: messages, shifts: shifts, zone: zone, days: days,
                    metric: metric, byWeekday: byWeekday, thresholds: engine.config.thresholds)
            }
        }
        cache.withLock { $0.heatmaps = (now, grids) }
        return grids
    }

    static func consultsByHour(_ conversations: [Conversation], zone: ShopTimeZone) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for c in conversations where c.isConsult {
            out[c.agent, default: Array(repeating: 0, count: 24)][zone.hour(of: c.start)] += 1
        }
        return out
    }

    static func lastActivity(_ book: RecordBook, now: Instant) -> [String: Instant] {
        var out: [String: Instant] = [:]
        book.forEachMessage { m in
            if m.ts <= now && m.ts > (out[m.agent] ?? .min) { out[m.agent] = m.ts }
        }
        return out
    }

    /// Each agent's five slowest answered turns (outliers included: they are what a supervisor
    /// asks about).
    static func slowestTurns(_ conversations: [Conversation]) -> [String: [SlowTurn]] {
        var out: [String: [SlowTurn]] = [:]
        for c in conversations {
            for t in c.turns { if let ms = t.responseMs { out[c.agent, default: []].append(SlowTurn(buyer: c.buyer, openedAt: t.openedAt, responseMs: ms)) } }
        }
        return out.mapValues { Array($0.sorted { $0.responseMs > $1.responseMs }.prefix(5)) }
    }
}
