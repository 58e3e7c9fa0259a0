import KefuCore

/// Everything the dashboard shows at one moment, as computed by the core. The front end
/// formats and arranges these values; it computes no KPI of its own.
public struct DashboardSnapshot: Sendable, Equatable {
    /// The shop's name, for the header.
    public var shop: String
    public var zone: ShopTimeZone
    /// The clock: the instant the figures are as of.
    public var now: Instant
    /// The newest record's time stamp, for the live indicator; nil with no records.
    public var newestRecord: Instant?
    /// The rule the month, yesterday and hourly figures are under (the active rule).
    public var rule: AttributionRule
    /// Today so far, under each of the three rules.
    public var today: RuleReports
    /// Yesterday up to the same time of day, under the active rule (the tiles' comparison).
    public var yesterdaySoFar: Report
    /// The month to date, under the active rule.
    public var month: Report
    /// The team's tallies for each hour (0–23) of today, under the active rule (hours ahead are empty).
    public var hourlyToday: [Tally]
    /// Consults started in each hour (0–23) of today, by agent id.
    public var hourlyConsults: [String: [Int]]
    /// Each agent's last message (buyer or agent) time stamp.
    public var lastActivity: [String: Instant]
    /// Each agent's slowest answered turns today, slowest first.
    public var slowestTurns: [String: [SlowTurn]]
    /// Heatmaps by metric and span.
    public var heatmaps: [HeatmapKey: HeatmapGrid]
    /// The month's pay run (SPEC §7) from `month`; nil when the config has no pay plan.
    public var monthPay: PayRun?
    /// The plan `monthPay` was run under, for the drill-down's what-if panel.
    public var payPlan: PayPlan?
    /// Each agent's general KPI points (综合KPI) of the month, when recorded.
    public var monthKPIPoints: [String: Double]
    /// The orders credited to or assisted by each agent, paid today, under the active rule.
    public var todayOrders: [String: [AgentOrder]]
    /// The same for the month to date.
    public var monthOrders: [String: [AgentOrder]]
    /// Agents up for elimination review (淘汰审核): below the line this month and last month.
    public var eliminationReview: Set<String>
    /// The score below which two months in a row put an agent up for review (config `eliminationScore`).
    public var eliminationScore: Double
    /// Today's staffing plan (SPEC §9) against `shifts.csv`; nil without history to forecast from.
    public var staffing: StaffingPlan?

    public init(shop: String, zone: ShopTimeZone, now: Instant, newestRecord: Instant?, rule: AttributionRule,
                today: RuleReports, yesterdaySoFar: Report, month: Report, hourlyToday: [Tally],
                hourlyConsults: [String: [Int]], lastActivity: [String: Instant], slowestTurns: [String: [SlowTurn]],
                heatmaps: [HeatmapKey: HeatmapGrid], monthPay: PayRun? = nil, payPlan: PayPlan? = nil,
                monthKPIPoints: [String: Double] = [:], todayOrders: [String: [AgentOrder]] = [:],
                monthOrders: [String: [AgentOrder]] = [:], eliminationReview: Set<String> = [],
                eliminationScore: Double = KefuConfig().eliminationScore, staffing: StaffingPlan? = nil) {
        self.shop = shop; self.zone = zone; self.now = now; self.newestRecord = newestRecord; self.rule = rule
        self.today = today; self.yesterdaySoFar = yesterdaySoFar; self.month = month
        self.hourlyToday = hourlyToday; self.hourlyConsults = hourlyConsults
        self.lastActivity = lastActivity; self.slowestTurns = slowestTurns; self.heatmaps = heatmaps
        self.monthPay = monthPay; self.payPlan = payPlan; self.monthKPIPoints = monthKPIPoints
        self.todayOrders = todayOrders; self.monthOrders = monthOrders
        self.eliminationReview = eliminationReview; self.eliminationScore = eliminationScore; self.staffing = staffing
    }

    /// Today's report under the active rule.
    public var todayReport: Report { today[rule] }
    /// The current shop-local hour (0–23).
    public var hour: Int { zone.hour(of: now) }
}

/// One report per attribution rule (the Rules screen shows them side by side).
public struct RuleReports: Sendable, Equatable {
    public var order: Report
    public var payment: Report
    public var orderFirst: Report

    public init(order: Report, payment: Report, orderFirst: Report) {
        self.order = order; self.payment = payment; self.orderFirst = orderFirst
    }

    public subscript(rule: AttributionRule) -> Report {
        switch rule {
        case .order: return order
        case .payment: return payment
        case .orderFirst: return orderFirst
        }
    }
}

/// Which heatmap: a metric over the last days, or pooled by weekday.
public struct HeatmapKey: Sendable, Hashable {
    public var metric: HeatmapMetric
    public var byWeekday: Bool
    public init(_ metric: HeatmapMetric, byWeekday: Bool) { self.metric = metric; self.byWeekday = byWeekday }
}

extension HeatmapMetric {
    public func name(_ l: Language) -> String {
        switch self {
        case .consults: return l.pick("咨询人数", "consults")
        case .buyerMessages: return l.pick("买家消息", "buyer messages")
        case .responseTime: return l.pick("平均响应", "response time")
        case .concurrency: return l.pick("人均并发", "load per agent")
        }
    }

    func format(_ v: Double) -> String {
        switch self {
        case .consults, .buyerMessages: return v < 10 && v != v.rounded() ? Formats.decimal(v, 1) : Formats.count(Int(v.rounded()))
        case .responseTime: return Formats.seconds(v)
        case .concurrency: return Formats.decimal(v, 1)
        }
    }
}
