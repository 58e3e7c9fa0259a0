/// A month's pay run (SPEC §7): every agent of `agents.csv` with a role, plus the team lead's
/// bonus, under one plan, from that month's report.
public struct PayRun: Sendable, Equatable {
    public var month: Month
    public var rule: AttributionRule
    /// The instant the run was computed as of (nil: everything stored); recorded so it can be reproduced.
    public var asOf: Instant?
    public var lines: [PayLine]
    /// The team lead's bonus, when the plan has one and the month has conversion data.
    public var teamLeadBonusFen: Fen?

    /// Sum of every agent's total and the team lead's bonus.
    public var totalFen: Fen { lines.reduce(0) { $0 + $1.pay.totalFen } + (teamLeadBonusFen ?? 0) }

    /// Computes the run from the month's report and the general KPI points of the month.
    public init(report: Report, month: Month, kpiPoints: [QAKey: QAPoints], plan: PayPlan) {
        self.month = month
        rule = report.rule
        asOf = report.asOf
        let calc = PayCalculator(plan: plan)
        lines = report.agents.filter { $0.role != nil }.map { a in
            let points = kpiPoints[QAKey(month: month, agent: a.agentID)]?.points
            return PayLine(agent: a, pay: calc.pay(PayInputs(agent: a, kpiPoints: points, team: report.team.tally)))
        }
        teamLeadBonusFen = calc.teamLeadBonus(team: report.team.tally)
    }

    public func line(for agentID: String) -> PayLine? { lines.first { $0.agent.agentID == agentID } }
}

/// One agent's pay with the figures it was computed from.
public struct PayLine: Sendable, Equatable {
    public var agent: AgentMetrics
    public var pay: PayBreakdown
}

/// A scheme (scorecards + pay plan) evaluated over stored history: runs a month at a time.
public struct SchemeEvaluator: Sendable {
    public let config: KefuConfig
    public let planName: String

    public init(config: KefuConfig, planName: String = "default") { self.config = config; self.planName = planName }

    /// The plan this evaluator uses; nil when the config has no plan of that name.
    public var plan: PayPlan? { config.payPlans[planName] }

    /// The pay run of one month, as of an instant.
    public func run(_ book: RecordBook, month: Month, rule: AttributionRule? = nil, asOf: Instant? = nil) -> PayRun? {
        guard let plan else { return nil }
        let report = ScoringEngine(config: config).report(book, period: month.period, rule: rule ?? config.defaultRule, asOf: asOf)
        return PayRun(report: report, month: month, kpiPoints: book.qa, plan: plan)
    }
}
