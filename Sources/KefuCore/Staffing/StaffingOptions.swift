/// The service goal and the assumptions staffing is sized with (SPEC §9), with its defaults.
public struct StaffingOptions: Sendable, Equatable {
    /// Share of buyers whose first response should come within `withinMs`. Default 80%.
    public var targetServiceLevel = 0.8
    /// The answer time the target is about. Default 30 s.
    public var withinMs: Int64 = 30_000
    /// Chats one agent carries at once (c). Default 3.
    public var concurrency = 3
    /// Share of scheduled time an agent is not available for chats (breaks, training, meetings). Default 30%.
    public var shrinkage = 0.3
    /// Highest acceptable occupancy (busy share of the chat slots). Default 85%.
    public var occupancyCap = 0.85
    /// An hour is overstaffed when its scheduled agents exceed the scheduled need by more than
    /// this share of the need, and by more than one agent. Default 20%.
    public var overTolerance = 0.2

    public init() {}

    /// Checks every value; throws the first problem, naming the option.
    public func validate() throws {
        guard targetServiceLevel > 0, targetServiceLevel < 1 else {
            throw ConfigError(key: "target", reason: "must be above 0 and below 1, not \(targetServiceLevel)")
        }
        guard withinMs > 0 else { throw ConfigError(key: "within", reason: "must be positive") }
        guard concurrency >= 1 else { throw ConfigError(key: "concurrency", reason: "must be at least 1, not \(concurrency)") }
        guard shrinkage >= 0, shrinkage < 1 else {
            throw ConfigError(key: "shrinkage", reason: "must be at least 0 and below 1, not \(shrinkage)")
        }
        guard occupancyCap > 0, occupancyCap <= 1 else {
            throw ConfigError(key: "occupancy-cap", reason: "must be above 0 and at most 1, not \(occupancyCap)")
        }
        guard overTolerance >= 0 else { throw ConfigError(key: "over-tolerance", reason: "must not be negative") }
    }
}
