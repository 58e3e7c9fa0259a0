import Dispatch
import KefuCore
import Synchronization

/// Everything the snapshot builder keeps for one shop-local day: the core's trackers, each
/// moved forward with every batch of new records and the clock, so a refresh costs what the
/// new records cost, not what the history does.
///
/// - today under each rule: `CutReport`s as of the clock, replayed from midnight at a cold
///   start so each finished hour's team figures were taken when its last instant passed;
/// - yesterday by the same time and the month to date, under the active rule;
/// - the previous month's report (for the elimination review), once per rule;
/// - `DashboardNow`: conversations, heatmap, activity, order lists, load profile.
struct LiveFigures {
    let config: KefuConfig
    let day: LocalDate
    private(set) var rule: AttributionRule
    private(set) var now: Instant
    private var watch: BookWatch
    private var activity: BuyerActivity { watch.activity }
    private var today: [AttributionRule: CutReport] = [:]
    /// Each rule's cumulative team figures at the end of each finished hour of today.
    private var hourEnds: [AttributionRule: [Tally]] = [:]
    private var yesterday: CutReport
    private var month: CutReport
    private var previousMonth: Report
    private var current: DashboardNow
    private var monthExtras: (version: Int, pay: PayRun?, points: [String: Double], review: Set<String>)?
    private var staffing: StaffingPlan?
    private var heatmaps: (version: Int, grids: [HeatmapKey: HeatmapGrid])?

    static let promotions = PromotionCalendar.standard

    /// The figures of `book` as of `now` under `rule`, from scratch. The parts read the book
    /// independently, so they are computed side by side on the machine's cores.
    init(config: KefuConfig, book: RecordBook, now: Instant, rule: AttributionRule, historyFrom: LocalDate? = nil) {
        let zone = config.zone
        let day = zone.day(of: now)
        self.config = config
        self.rule = rule
        self.now = now
        self.day = day
        watch = BookWatch(book)
        let activity = watch.activity
        let midnight = zone.startOfDay(day)
        let lastInstant = zone.startOfDay(day.adding(days: 1)) - 1
        let parts = Mutex(ColdParts())
        // Largest first, so the last part to start is a small one.
        DispatchQueue.concurrentPerform(iterations: 7) { i in
            switch i {
            case 0:
                let current = DashboardNow(config: config, book: book, activity: activity, now: now, rule: rule, promotions: Self.promotions,
                                           historyFrom: historyFrom)
                parts.withLock { $0.current = current }
            case 1:
                let month = CutReport(config: config, book: book, activity: activity, period: day.month.period, rule: rule, cut: now,
                                      horizon: lastInstant)
                parts.withLock { $0.month = month }
            case 2, 3, 4:
                let r = AttributionRule.allCases[i - 2]
                var report = CutReport(config: config, book: book, activity: activity, period: Period(from: day, to: day.adding(days: 1)),
                                       rule: r, cut: midnight - 1, horizon: lastInstant)
                var ends: [Tally] = []
                Self.replay(&report, &ends, book, changes: .none, to: now, midnight: midnight)
                parts.withLock { [report, ends] in $0.today[r] = report; $0.hourEnds[r] = ends }
            case 5:
                let yesterday = Self.yesterday(config, book, activity, day: day, rule: rule, now: now)
                parts.withLock { $0.yesterday = yesterday }
            default:
                let previous = ScoringEngine(config: config).report(book, period: day.month.previous.period, rule: rule, activity: activity)
                parts.withLock { $0.previousMonth = previous }
            }
        }
        let done = parts.withLock { $0 }
        today = done.today
        hourEnds = done.hourEnds
        yesterday = done.yesterday!
        month = done.month!
        previousMonth = done.previousMonth!
        current = done.current!
        staffing = Self.plan(current.loadProfile, book, day: day)
    }

    /// The parts of a cold start, as they finish.
    private struct ColdParts {
        var today: [AttributionRule: CutReport] = [:]
        var hourEnds: [AttributionRule: [Tally]] = [:]
        var yesterday: CutReport?
        var month: CutReport?
        var previousMonth: Report?
        var current: DashboardNow?
    }

    /// Whether `now` can be reached from here: the same day, not earlier.
    func canAdvance(to now: Instant) -> Bool { config.zone.day(of: now) == day && now >= self.now }

    /// Takes in `fresh` (the records that reached `book` since the last call) and moves the
    /// clock to `now`, under `rule`.
    mutating func advance(_ book: RecordBook, fresh: [Record], now: Instant, rule: AttributionRule) {
        let changes = watch.changes(fresh, in: book)
        let midnight = config.zone.startOfDay(day)
        for r in AttributionRule.allCases { Self.replay(&today[r]!, &hourEnds[r]!, book, changes: changes, to: now, midnight: midnight) }
        current.advance(book, changes: changes, to: now)
        if rule != self.rule {
            self.rule = rule
            yesterday = Self.yesterday(config, book, activity, day: day, rule: rule, now: now)
            month = CutReport(config: config, book: book, activity: activity, period: day.month.period, rule: rule, cut: now,
                              horizon: config.zone.startOfDay(day.adding(days: 1)) - 1)
            previousMonth = ScoringEngine(config: config).report(book, period: day.month.previous.period, rule: rule, activity: activity)
            current.switchOrders(to: rule, book, activity: activity)
            monthExtras = nil
        } else {
            yesterday.advance(book, changes: changes, to: now - 86_400_000)
            month.advance(book, changes: changes, to: now)
        }
        if changes.qa { monthExtras = nil }
        if changes.shifts { staffing = Self.plan(current.loadProfile, book, day: day) }
        self.now = now
    }

    /// Moves a today report to `now`, taking each finished hour's team figures on the way.
    private static func replay(_ report: inout CutReport, _ ends: inout [Tally], _ book: RecordBook, changes: BookChanges,
                               to now: Instant, midnight: Instant) {
        var pending = changes
        while ends.count < 24 {
            let end = midnight + Int64(ends.count + 1) * 3_600_000 - 1
            guard end <= now else { break }
            report.advance(book, changes: pending, to: end)
            pending = .none
            ends.append(report.teamTally)
        }
        report.advance(book, changes: pending, to: now)
    }

    private static func yesterday(_ config: KefuConfig, _ book: RecordBook, _ activity: BuyerActivity, day: LocalDate,
                                  rule: AttributionRule, now: Instant) -> CutReport {
        // The cut (now − 24 h) stays before this horizon all day, whatever the day's length.
        let horizon = config.zone.startOfDay(day.adding(days: 1)) - 86_400_000 - 1
        return CutReport(config: config, book: book, activity: activity, period: Period(from: day.adding(days: -1), to: day),
                         rule: rule, cut: now - 86_400_000, horizon: horizon)
    }

    private static func plan(_ profile: LoadProfile, _ book: RecordBook, day: LocalDate) -> StaffingPlan? {
        profile.forecast(for: day, promotions: promotions).map {
            StaffingPlan(forecast: $0, shifts: book.shifts.values, options: StaffingOptions())
        }
    }

    /// The snapshot of the figures as they stand.
    mutating func snapshot(_ book: RecordBook, shop: String) -> DashboardSnapshot {
        let reports = RuleReports(order: today[.order]!.report(book), payment: today[.payment]!.report(book),
                                  orderFirst: today[.orderFirst]!.report(book))
        let monthReport = month.report(book)
        let extras = monthExtras(monthReport, book)
        return DashboardSnapshot(
            shop: shop, zone: config.zone, now: now, newestRecord: current.newestRecord, rule: rule,
            today: reports, yesterdaySoFar: yesterday.report(book), month: monthReport,
            hourlyToday: hourly(), hourlyConsults: current.consultsByHour, lastActivity: current.lastActivity,
            slowestTurns: current.slowestTurns, heatmaps: heatmapGrids(),
            monthPay: extras.pay, payPlan: SchemeEvaluator(config: config).plan, monthKPIPoints: extras.points,
            todayOrders: current.todayOrders, monthOrders: current.monthOrders, eliminationReview: extras.review,
            eliminationScore: config.eliminationScore, staffing: staffing)
    }

    /// The team's figures for each hour of today under the active rule: the difference of the
    /// cumulative figures at the ends of consecutive hours (the current hour up to now; hours
    /// ahead are empty).
    private func hourly() -> [Tally] {
        let midnight = config.zone.startOfDay(day)
        let ends = hourEnds[rule]!
        var previous = Tally()
        return (0..<24).map { h in
            guard midnight + Int64(h) * 3_600_000 <= now else { return Tally() }
            let cumulative = h < ends.count ? ends[h] : today[rule]!.teamTally
            var hour = cumulative
            hour -= previous
            previous = cumulative
            return hour
        }
    }

    /// The month's pay run, general KPI points and elimination review, again when the month's
    /// figures or the QA points changed.
    private mutating func monthExtras(_ report: Report, _ book: RecordBook) -> (version: Int, pay: PayRun?, points: [String: Double], review: Set<String>) {
        if var m = monthExtras, m.version == month.version {
            m.pay?.asOf = report.asOf
            monthExtras = m
            return m
        }
        let m = day.month
        var points: [String: Double] = [:]
        for (key, qa) in book.qa where key.month == m { points[key.agent] = qa.points }
        let extras = (month.version,
                      SchemeEvaluator(config: config).plan.map { PayRun(report: report, month: m, kpiPoints: book.qa, plan: $0) },
                      points, Ranking(config: config).eliminationReview(month: report, previousMonth: previousMonth))
        monthExtras = extras
        return extras
    }

    /// Every heatmap (4 metrics × days/weekdays), again when the sums changed.
    private mutating func heatmapGrids() -> [HeatmapKey: HeatmapGrid] {
        if let h = heatmaps, h.version == current.heatmapVersion { return h.grids }
        var grids: [HeatmapKey: HeatmapGrid] = [:]
        for metric in HeatmapMetric.allCases {
            for byWeekday in [false, true] { grids[HeatmapKey(metric, byWeekday: byWeekday)] = current.heatmap.grid(metric, byWeekday: byWeekday) }
        }
        heatmaps = (current.heatmapVersion, grids)
        return grids
    }
}
