/// Warnings about a scheme that rewards the wrong thing, from its runs on history.
public struct SchemeChecks: Sendable, Equatable {
    /// Pay rose against the agent's previous month while its service items fell below target.
    public struct PaidDespiteService: Sendable, Equatable {
        public var agentID: String
        public var month: Month
        public var payRiseFen: Fen
        /// The service items' achievement (points ÷ weights), below 1.
        public var serviceAchievement: Double
    }

    /// One item decides more than half of a role's spread of scores in a month.
    public struct DominantItem: Sendable, Equatable {
        public var role: Role
        public var month: Month
        public var metric: ScoreMetric
        /// The item's share of the variance of scores: Cov(points, score) / Var(score).
        public var share: Double
    }

    public var paidDespiteService: [PaidDespiteService]
    public var dominantItems: [DominantItem]

    /// Checks the runs of consecutive months (in order) of one scheme.
    public init(runs: [PayRun], dominanceThreshold: Double = 0.5) {
        var flagged: [PaidDespiteService] = []
        for (prev, run) in zip(runs, runs.dropFirst()) {
            for line in run.lines {
                guard let before = prev.line(for: line.agent.agentID) else { continue }
                let rise = line.pay.totalFen - before.pay.totalFen
                let service = line.agent.scorecard.filter(\.service)
                let weights = service.reduce(0) { $0 + $1.weight }
                guard rise > 0, weights > 0 else { continue }
                let achievement = service.reduce(0) { $0 + $1.points } / weights
                if achievement < 1 - 1e-9 {
                    flagged.append(PaidDespiteService(agentID: line.agent.agentID, month: run.month, payRiseFen: rise,
                                                      serviceAchievement: achievement))
                }
            }
        }
        paidDespiteService = flagged
        var dominant: [DominantItem] = []
        for run in runs {
            for role in Role.allCases {
                let scored = run.lines.map(\.agent).filter { $0.role == role && $0.score != nil }
                for (metric, share) in SchemeChecks.varianceShares(scored) where share > dominanceThreshold {
                    dominant.append(DominantItem(role: role, month: run.month, metric: metric, share: share))
                }
            }
        }
        dominantItems = dominant
    }

    /// Each item's share of the variance of scores among `agents` (the shares sum to 1);
    /// empty when fewer than two agents or no spread.
    public static func varianceShares(_ agents: [AgentMetrics]) -> [(ScoreMetric, Double)] {
        guard agents.count >= 2, let items = agents.first?.scorecard.map(\.metric) else { return [] }
        let n = Double(agents.count)
        let scores = agents.map { $0.score ?? 0 }
        let meanScore = scores.reduce(0, +) / n
        let variance = scores.reduce(0) { $0 + ($1 - meanScore) * ($1 - meanScore) } / n
        guard variance > 1e-12 else { return [] }
        return items.enumerated().map { k, metric in
            let points = agents.map { k < $0.scorecard.count ? $0.scorecard[k].points : 0 }
            let meanPoints = points.reduce(0, +) / n
            let cov = zip(points, scores).reduce(0) { $0 + ($1.0 - meanPoints) * ($1.1 - meanScore) } / n
            return (metric, cov / variance)
        }
    }
}
