/// Everything configurable, with SPEC's defaults. Loaded from `kefu.toml` by `KefuImport`.
public struct KefuConfig: Sendable, Equatable {
    /// The shop's time zone; default `Asia/Shanghai`.
    public var zone: ShopTimeZone = .shanghai
    public var thresholds = Thresholds()
    /// The rule used when none is given; default `order-first`.
    public var defaultRule: AttributionRule = .orderFirst
    /// One scorecard per role.
    public var scorecards: [Role: Scorecard] = Scorecard.defaults
    /// Share of each role's active agents on the warning list (预警名单); default 15%.
    public var warningShare: Double = 0.15
    /// Share of each role's active agents in the top share (利润分成); default 20%.
    public var topShare: Double = 0.20
    /// Score under which two consecutive months put an agent up for elimination review (淘汰).
    public var eliminationScore: Double = 70
    /// Pay plans by name; `default` is used when none is named.
    public var payPlans: [String: PayPlan] = ["default": .standard]

    public init() {}

    /// Checks every scorecard and plan; throws the first problem, naming the key.
    public func validate() throws {
        for role in Role.allCases {
            guard let card = scorecards[role] else {
                throw ConfigError(key: "scorecard.\(role.rawValue)", reason: "missing")
            }
            try card.validate()
        }
        guard (0...1).contains(warningShare) else {
            throw ConfigError(key: "ranking.warning_share", reason: "must be between 0 and 1, not \(warningShare)")
        }
        guard (0...1).contains(topShare) else {
            throw ConfigError(key: "ranking.top_share", reason: "must be between 0 and 1, not \(topShare)")
        }
        let t = thresholds
        for (key, v) in [("valid_s", t.validMs), ("long_s", t.longMs), ("slow_s", t.slowMs),
                         ("outlier_s", t.outlierMs), ("fast_s", t.fastMs), ("attribution_window_h", t.attributionWindowMs)] where v < 0 {
            throw ConfigError(key: "thresholds.\(key)", reason: "must not be negative")
        }
    }
}

/// A configuration problem, naming the key at fault.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public var key: String
    public var reason: String
    public init(key: String, reason: String) { self.key = key; self.reason = reason }
    public var description: String { "\(key): \(reason)" }
}
