/// One agent's figures for a period under a rule, with its score, rank and warning.
public struct AgentMetrics: Sendable, Equatable {
    public var agentID: String
    /// From `agents.csv`; nil for an agent the records name but `agents.csv` lacks.
    public var name: String?
    public var role: Role?
    public var group: String?
    public var grade: Int?
    public var tally: Tally
    /// nil unless the agent is active with a known role.
    public var score: Double?
    /// 1 = best within the role; nil when not scored.
    public var rank: Int?
    /// On the warning list (预警名单).
    public var warning: Bool = false
    /// In the top share (利润分成).
    public var topShare: Bool = false
    /// The scorecard breakdown; empty when not scored.
    public var scorecard: [ScoreLine] = []

    public init(agentID: String, name: String?, role: Role?, group: String?, grade: Int?, tally: Tally) {
        self.agentID = agentID; self.name = name; self.role = role; self.group = group; self.grade = grade
        self.tally = tally
    }

    public var isActive: Bool { tally.isActive }
    public var replyRate: Double? { tally.replyRate }
    public var frtSeconds: Double? { tally.frtSeconds }
    public var artSeconds: Double? { tally.artSeconds }
    public var slowRatio: Double? { tally.slowRatio }
    public var fastRate: Double? { tally.fastRate }
    public var aqRatio: Double? { tally.aqRatio }
    public var inquiryOrderRate: Double? { tally.inquiryOrderRate }
    public var conversion: Double? { tally.conversion }
    public var aovFen: Fen? { tally.aovFen }
    public var itemsPerBuyer: Double? { tally.itemsPerBuyer }
    public var refundRate: Double? { tally.refundRate }
    public var satisfaction: Double? { tally.satisfaction }
    public var ratingMean: Double? { tally.ratingMean }
    public var resolutionRate: Double? { tally.resolutionRate }
    public var errorRate: Double? { tally.errorRate }

    /// The scorecard items that cost the most points (weight − points), worst first.
    public var costliestItems: [ScoreLine] {
        scorecard.filter { $0.lost > 1e-9 }.sorted { $0.lost != $1.lost ? $0.lost > $1.lost : $0.metric.rawValue < $1.metric.rawValue }
    }
}

/// One scorecard item's result for an agent.
public struct ScoreLine: Sendable, Equatable {
    public var metric: ScoreMetric
    public var weight: Double
    /// nil: the agent has no data for the metric (scored neutral).
    public var actual: Double?
    /// nil: no baseline (nobody in the role has data).
    public var baseline: Double?
    public var achievement: Double
    public var points: Double
    public var service: Bool
    /// The item's cap and direction, as scored.
    public var cap: Double = 1.2
    public var lowerIsBetter: Bool = false
    /// Points this item cost against its weight (negative when it earned more).
    public var lost: Double { weight - points }
    /// No data: scored as weight × 1.
    public var noData: Bool { actual == nil }
}

/// The team's pooled figures (SPEC §5: sums, ratios recomputed, buyers distinct across the team).
public struct TeamMetrics: Sendable, Equatable {
    public var tally = Tally()
    /// 静默销售: paid orders credited to no one under the rule.
    public var silentSalesFen: Fen = 0
    public var silentOrders = 0
    public init() {}
}

/// A report: every agent and the team for a period under a rule, as of an instant.
public struct Report: Sendable, Equatable {
    public var period: Period
    public var rule: AttributionRule
    /// nil: everything stored.
    public var asOf: Instant?
    /// Agents of `agents.csv` then any other agent the period's records name, by agent id.
    public var agents: [AgentMetrics]
    public var team: TeamMetrics

    public init(period: Period, rule: AttributionRule, asOf: Instant?, agents: [AgentMetrics], team: TeamMetrics) {
        self.period = period; self.rule = rule; self.asOf = asOf; self.agents = agents; self.team = team
    }

    /// The agents on the warning list, by role, worst first.
    public var warnings: [AgentMetrics] {
        agents.filter(\.warning).sorted { ($0.role ?? .presale, $0.score ?? 0) < ($1.role ?? .presale, $1.score ?? 0) }
    }
}
