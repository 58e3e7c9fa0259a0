/// A role's scorecard (岗位绩效得分, SPEC §6): weighted items that sum to 100.
public struct Scorecard: Sendable, Equatable {
    public var role: Role
    public var items: [ScorecardItem]

    public init(role: Role, items: [ScorecardItem]) { self.role = role; self.items = items }

    /// Weights must sum to 100 and every item must be well formed.
    public func validate() throws {
        let key = "scorecard.\(role.rawValue)"
        guard !items.isEmpty else { throw ConfigError(key: key, reason: "has no items") }
        let sum = items.reduce(0) { $0 + $1.weight }
        guard abs(sum - 100) < 1e-9 else {
            throw ConfigError(key: key, reason: "weights sum to \(formatNumber(sum)), not 100")
        }
        for item in items {
            guard item.weight >= 0 else { throw ConfigError(key: "\(key).\(item.metric.rawValue)", reason: "weight must not be negative") }
            guard item.cap >= 1 else { throw ConfigError(key: "\(key).\(item.metric.rawValue)", reason: "cap must be at least 1, not \(formatNumber(item.cap))") }
            if case .fixed(let v) = item.baseline, v < 0 {
                throw ConfigError(key: "\(key).\(item.metric.rawValue)", reason: "baseline must not be negative")
            }
        }
        var seen = Set<ScoreMetric>()
        for item in items where !seen.insert(item.metric).inserted {
            throw ConfigError(key: "\(key).\(item.metric.rawValue)", reason: "appears twice")
        }
    }

    /// SPEC §6 defaults; every baseline is `team`.
    public static let defaults: [Role: Scorecard] = [
        .presale: Scorecard(role: .presale, items: [
            .init(.frt, 15, service: true), .init(.replyRate, 10, service: true), .init(.satisfaction, 10, service: true),
            .init(.conversion, 30), .init(.aov, 10), .init(.itemsPerBuyer, 10), .init(.receptions, 10), .init(.refundRate, 5),
        ]),
        .aftersale: Scorecard(role: .aftersale, items: [
            .init(.art, 15, service: true), .init(.replyRate, 15, service: true), .init(.satisfaction, 10, service: true),
            .init(.resolutionRate, 40), .init(.receptionsAndCallbacks, 20),
        ]),
        .vip: Scorecard(role: .vip, items: [
            .init(.frt, 15, service: true), .init(.replyRate, 10, service: true), .init(.satisfaction, 20, service: true),
            .init(.conversion, 30), .init(.aov, 10), .init(.itemsPerBuyer, 10), .init(.refundRate, 5),
        ]),
    ]
}

/// Where an item's target comes from.
public enum Baseline: Sendable, Equatable {
    /// The plain mean of the role's active agents that have data for the metric.
    case team
    /// A fixed target in the metric's unit (seconds, a share, fen, a count).
    case fixed(Double)
}

/// One scorecard item `{metric, weight, baseline, direction, cap}`.
public struct ScorecardItem: Sendable, Equatable {
    public var metric: ScoreMetric
    public var weight: Double
    public var baseline: Baseline
    public var lowerIsBetter: Bool
    /// Achievement is clamped to `[0, cap]`; default 1.2.
    public var cap: Double
    /// A service item (服务): its achievement sets the per-order commission's service weight.
    public var service: Bool

    public init(metric: ScoreMetric, weight: Double, baseline: Baseline = .team, lowerIsBetter: Bool? = nil,
                cap: Double = 1.2, service: Bool = false) {
        self.metric = metric; self.weight = weight; self.baseline = baseline
        self.lowerIsBetter = lowerIsBetter ?? metric.lowerIsBetter; self.cap = cap; self.service = service
    }

    init(_ metric: ScoreMetric, _ weight: Double, service: Bool = false) {
        self.init(metric: metric, weight: weight, service: service)
    }
}

/// A number without a trailing `.0` (`95`, `12.5`).
public func formatNumber(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
}
