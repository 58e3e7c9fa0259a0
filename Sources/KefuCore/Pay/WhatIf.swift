/// The performance simulator (绩效模拟计算器): an agent's score and pay for a month now, and
/// after changing some of its figures, item by item. Baselines stay the team's as they are.
public struct WhatIf: Sendable {
    /// How a figure changes.
    public enum Change: Sendable, Equatable {
        /// `+5%`: the value × 1.05.
        case relative(Double)
        /// `+5pp`: a share moves by 5 percentage points (0.05).
        case points(Double)
        /// `=0.4`: the value becomes this.
        case value(Double)

        func apply(_ v: Double) -> Double {
            switch self {
            case .relative(let r): return v * (1 + r)
            case .points(let p): return v + p
            case .value(let x): return x
            }
        }
    }

    /// One adjustment: a metric and its change.
    public struct Adjustment: Sendable, Equatable {
        public var metric: ScoreMetric
        public var change: Change
        public init(metric: ScoreMetric, change: Change) { self.metric = metric; self.change = change }
    }

    /// The agent before and after, with the pay of each.
    public struct Outcome: Sendable, Equatable {
        public var before: AgentMetrics
        public var after: AgentMetrics
        public var payBefore: PayBreakdown
        public var payAfter: PayBreakdown
    }

    public let plan: PayPlan
    public init(plan: PayPlan) { self.plan = plan }

    /// Applies `adjustments` to `agent` (scored in `report`). Volume and money figures
    /// (receptions, paid orders, sales, AOV → sales) change the agent's counts; rates and times
    /// replace the metric's value wherever it is read. Shares are kept within [0, 1].
    public func simulate(agentID: String, in report: Report, kpiPoints: Double?, adjustments: [Adjustment]) -> Outcome? {
        guard let before = report.agents.first(where: { $0.agentID == agentID }), before.score != nil else { return nil }
        var after = before
        var overrides: [ScoreMetric: Double] = [:]
        for adj in adjustments {
            switch adj.metric {
            case .receptions:
                after.tally.receptions = max(0, Int(adj.change.apply(Double(before.tally.receptions)).rounded()))
            case .paidOrders:
                after.tally.paidOrders = max(0, Int(adj.change.apply(Double(before.tally.paidOrders)).rounded()))
            case .sales:
                after.tally.salesFen = max(0, roundFen(adj.change.apply(Double(before.tally.salesFen))))
            case .aov:
                // Same buyers, bigger baskets: sales follow the AOV.
                guard let aov = before.aovFen else { continue }
                after.tally.salesFen = max(0, roundFen(adj.change.apply(Double(aov)) * Double(before.tally.paidBuyers)))
            default:
                guard let v = adj.metric.value(in: before) else { continue }
                var x = adj.change.apply(v)
                if adj.metric.isShare { x = min(max(x, 0), 1) } else { x = max(x, 0) }
                overrides[adj.metric] = x
            }
        }
        // Rescore against the unchanged baselines.
        after.scorecard = before.scorecard.map { line in
            let item = ScorecardItem(metric: line.metric, weight: line.weight, baseline: line.baseline.map { .fixed($0) } ?? .team,
                                     lowerIsBetter: line.lowerIsBetter, cap: line.cap, service: line.service)
            return Ranking.line(item: item, actual: overrides[line.metric] ?? line.metric.value(in: after), baseline: line.baseline)
        }
        after.score = after.scorecard.reduce(0) { $0 + $1.points }
        let calc = PayCalculator(plan: plan)
        return Outcome(before: before, after: after,
                       payBefore: calc.pay(PayInputs(agent: before, kpiPoints: kpiPoints, team: report.team.tally)),
                       payAfter: calc.pay(PayInputs(agent: after, kpiPoints: kpiPoints, team: report.team.tally, overrides: overrides)))
    }

    /// Parses `conversion=+5%,aov=+10%,receptions=-10%,reply_rate=+3pp,frt_s=20`.
    public static func parse(_ text: String) throws -> [Adjustment] {
        try text.split(separator: ",").map { part in
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[1].isEmpty else { throw ConfigError(key: String(part), reason: "expected metric=change, e.g. conversion=+5%") }
            guard let metric = ScoreMetric(alias: kv[0]) else {
                throw ConfigError(key: kv[0], reason: "unknown metric (e.g. conversion, aov, receptions, frt_s, reply_rate, satisfaction)")
            }
            var v = Substring(kv[1])
            let change: Change
            if v.hasSuffix("%") {
                v.removeLast()
                guard let n = Double(v) else { throw ConfigError(key: kv[0], reason: "\"\(kv[1])\" is not a change") }
                change = .relative(n / 100)
            } else if v.hasSuffix("pp") {
                v.removeLast(2)
                guard let n = Double(v) else { throw ConfigError(key: kv[0], reason: "\"\(kv[1])\" is not a change") }
                change = .points(n / 100)
            } else if v.first == "+" || v.first == "-" {
                guard let n = Double(v) else { throw ConfigError(key: kv[0], reason: "\"\(kv[1])\" is not a change") }
                change = .points(n)
            } else {
                guard let n = Double(v) else { throw ConfigError(key: kv[0], reason: "\"\(kv[1])\" is not a value") }
                change = .value(n)
            }
            return Adjustment(metric: metric, change: change)
        }
    }
}

extension ScoreMetric {
    /// A metric from its JSON name or a short alias (`aov`, `frt`, `art`, `sales`).
    public init?(alias: String) {
        switch alias {
        case "aov": self = .aov
        case "frt": self = .frt
        case "art": self = .art
        case "sales": self = .sales
        default: self.init(rawValue: alias)
        }
    }

    /// A share in [0, 1].
    public var isShare: Bool {
        switch self {
        case .replyRate, .slowRatio, .fastRate, .satisfaction, .conversion, .inquiryOrderRate, .refundRate, .resolutionRate, .errorRate:
            return true
        default: return false
        }
    }
}
