/// Scorecards, rankings, the warning list and the top share (SPEC §6 and §8).
public struct Ranking: Sendable {
    public let config: KefuConfig

    public init(config: KefuConfig) { self.config = config }

    /// Scores every active agent with a known role against its role's scorecard, ranks each
    /// role, and marks the warning list and the top share. Others get no score, rank or flag.
    public func score(_ agents: inout [AgentMetrics]) {
        for i in agents.indices {
            agents[i].score = nil; agents[i].rank = nil; agents[i].warning = false
            agents[i].topShare = false; agents[i].scorecard = []
        }
        for role in Role.allCases {
            guard let card = config.scorecards[role] else { continue }
            let members = agents.indices.filter { agents[$0].role == role && agents[$0].isActive }
            guard !members.isEmpty else { continue }
            let baselines = card.items.map { item -> Double? in
                switch item.baseline {
                case .fixed(let v): return v
                case .team:
                    let values = members.compactMap { item.metric.value(in: agents[$0]) }
                    return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
                }
            }
            for i in members {
                let lines = zip(card.items, baselines).map { item, base in
                    Ranking.line(item: item, actual: item.metric.value(in: agents[i]), baseline: base)
                }
                agents[i].scorecard = lines
                agents[i].score = lines.reduce(0) { $0 + $1.points }
            }
            let ranked = members.sorted {
                let a = agents[$0], b = agents[$1]
                if a.score! != b.score! { return a.score! > b.score! }
                return utf8Less(a.agentID, b.agentID)
            }
            for (r, i) in ranked.enumerated() { agents[i].rank = r + 1 }
            let n = ranked.count
            if n >= 2 {
                for i in ranked.suffix(Ranking.share(config.warningShare, of: n)) { agents[i].warning = true }
            }
            for i in ranked.prefix(Ranking.share(config.topShare, of: n)) { agents[i].topShare = true }
        }
    }

    /// ⌈share × n⌉, immune to binary rounding (0.15 × 20 is 3, not 4).
    public static func share(_ share: Double, of n: Int) -> Int {
        Int((share * Double(n) - 1e-9).rounded(.up))
    }

    /// One item's achievement and points (SPEC §6).
    public static func line(item: ScorecardItem, actual: Double?, baseline: Double?) -> ScoreLine {
        guard let actual, let baseline else {
            return ScoreLine(metric: item.metric, weight: item.weight, actual: actual, baseline: baseline,
                             achievement: 1, points: item.weight, service: item.service, cap: item.cap, lowerIsBetter: item.lowerIsBetter)
        }
        let raw: Double
        if baseline == 0 {
            raw = 1
        } else if item.lowerIsBetter {
            raw = actual == 0 ? item.cap : baseline / actual
        } else {
            raw = actual / baseline
        }
        let achievement = min(max(raw, 0), item.cap)
        return ScoreLine(metric: item.metric, weight: item.weight, actual: actual, baseline: baseline,
                         achievement: achievement, points: item.weight * achievement, service: item.service,
                         cap: item.cap, lowerIsBetter: item.lowerIsBetter)
    }

    /// Agents up for elimination review (淘汰): scored below the threshold in both months.
    public func eliminationReview(month: Report, previousMonth: Report) -> Set<String> {
        let before = Dictionary(previousMonth.agents.compactMap { a in a.score.map { (a.agentID, $0) } }, uniquingKeysWith: { a, _ in a })
        var out = Set<String>()
        for a in month.agents {
            if let s = a.score, s < config.eliminationScore, let p = before[a.agentID], p < config.eliminationScore {
                out.insert(a.agentID)
            }
        }
        return out
    }
}
