import ArgumentParser

/// The shape of a generated sample shop, shared by `kefu sample` and `kefu bench`.
struct SampleShapeOptions: ParsableArguments {
    @Option(help: "Number of agents.")
    var agents: Int = 12

    @Option(help: "Number of days.")
    var days: Int = 14

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Buyer traffic multiplier (1 ≈ 100k messages, 10 ≈ 1M, 100 ≈ 10M).")
    var scale: Double = 1

    func validate() throws {
        guard agents >= 1 else { throw ValidationError("--agents must be at least 1") }
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
        guard scale > 0, scale.isFinite else { throw ValidationError("--scale must be a positive number") }
    }
}
