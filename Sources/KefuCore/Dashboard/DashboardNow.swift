/// The dashboard's figures as of now, other than reports, for one shop-local day: today's
/// consults by hour and slowest turns per agent, the load heatmap of the last days, each
/// agent's last message, the newest record, the month's and today's order lists under one
/// rule, and the load profile of the days before today.
///
/// Built once from the book (a cold start), then moved forward with each batch of new records
/// and the clock: a step re-walks only the buyers the batch changed or the clock revealed, so
/// its work follows the new records, not the history. Every figure equals its batch form over
/// the book as of the clock (`ScoringEngine.conversations`, `Heatmap.sums`,
/// `ScoringEngine.ordersByAgent`, `LoadProfile.build`); the tests check each.
public struct DashboardNow: Sendable {
    public let today: LocalDate
    /// The clock the figures are as of.
    public var now: Instant { feed.cut }
    /// The load profile (SPEC §9) of the conversations before today, as they stood at midnight.
    public let loadProfile: LoadProfile
    private let config: KefuConfig
    private var feed: CutFeed
    private var conversations: ConversationFigures
    private var activity: AgentActivity
    private var orders: OrderLists
    /// Bumped whenever the heatmap's sums change.
    public private(set) var heatmapVersion = 0

    /// The figures of `book` as of `now` (on `now`'s day), the order lists under `rule`, the
    /// heatmap over the `heatmapDays` days ending today; the load profile learns from the days
    /// before today from `historyFrom` on (nil: all of them).
    public init(config: KefuConfig, book: RecordBook, activity buyers: BuyerActivity, now: Instant, rule: AttributionRule,
                promotions: PromotionCalendar, heatmapDays: Int = 14, historyFrom: LocalDate? = nil) {
        let zone = config.zone
        let today = zone.day(of: now)
        let midnight = zone.startOfDay(today)
        self.today = today
        self.config = config
        feed = CutFeed(book: book, activity: buyers, cut: now, horizon: zone.startOfDay(today.adding(days: 1)) - 1)
        activity = AgentActivity(book, cut: now)
        orders = OrderLists(config: config, book: book, activity: buyers, month: today.month.period, day: today, rule: rule, cut: now)
        let heatmapDays = Period(from: today.adding(days: 1 - heatmapDays), to: today.adding(days: 1))
        let heatmapStart = zone.startOfDay(heatmapDays.from)
        var figures = ConversationFigures(config: config, today: today, heatmapDays: heatmapDays)
        // One walk per buyer serves the profile and the figures, two for buyers active today
        // (the profile sees the days before today as they stood at midnight).
        var history = LoadProfile.Builder(zone: zone, promotions: promotions, thresholds: config.thresholds)
        var changed = Set<Int32>()
        figures.reserve(buyers: (0..<Int32(book.buyerIDCount)).reduce(0) { $0 + (buyers.lastStamp(of: $1) >= heatmapStart ? 1 : 0) })
        for b in 0..<Int32(book.buyerIDCount) where !book.packedMessages(ofBuyerID: b).isEmpty {
            let last = buyers.lastStamp(of: b)
            let walked = figures.walk(buyer: b, book, asOf: now, turns: last >= heatmapStart)
            let before = last >= midnight ? figures.walk(buyer: b, book, asOf: midnight - 1, turns: false) : walked
            for (_, c) in before where c.day < today && historyFrom.map({ c.day >= $0 }) ?? true { history.add(c) }
            if last >= heatmapStart { figures.replace(buyer: b, book, cut: now, walked: walked, dirtyAgents: &changed) }
        }
        _ = figures.keyShifts(book, force: true)
        figures.publish(changed, book)
        conversations = figures
        loadProfile = history.profile
    }

    /// Moves the clock to `now` (same day, never back) after `changes` reached `book`.
    public mutating func advance(_ book: RecordBook, changes: BookChanges, to now: Instant) {
        let step = feed.step(changes, to: now)
        activity.apply(step, book, cut: now)
        orders.apply(step, book, cut: now)
        var changed = Set<Int32>()
        for b in step.buyers { conversations.replace(buyer: b, book, cut: now, dirtyAgents: &changed) }
        let rekeyed = conversations.keyShifts(book, force: changes.shifts)
        conversations.publish(changed, book)
        if !step.buyers.isEmpty || rekeyed { heatmapVersion += 1 }
    }

    /// The order lists under another rule.
    public mutating func switchOrders(to rule: AttributionRule, _ book: RecordBook, activity: BuyerActivity) {
        guard rule != orders.rule else { return }
        orders = OrderLists(config: config, book: book, activity: activity, month: today.month.period, day: today, rule: rule, cut: now)
    }

    /// Consults started in each hour (0–23) of today, by agent id (agents with none are absent).
    public var consultsByHour: [String: [Int]] { conversations.consultsByHour }
    /// Each agent's five slowest answered turns today, slowest first (outliers included).
    public var slowestTurns: [String: [SlowTurn]] { conversations.slowestTurns }
    /// The heatmap sums over the last days, up to now.
    public var heatmap: HeatmapSums { conversations.heatmap }
    /// Each agent's last message (buyer or agent), by agent id.
    public var lastActivity: [String: Instant] { activity.lastMessage }
    /// The newest record's instant at or before now; nil with none.
    public var newestRecord: Instant? { activity.newest }
    /// Each agent's credited and assisted orders paid this month / today, by payment time.
    public var monthOrders: [String: [AgentOrder]] { orders.monthOrders }
    public var todayOrders: [String: [AgentOrder]] { orders.dayOrders }
}
