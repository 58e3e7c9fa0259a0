import ArgumentParser
import KefuCore
import KefuSample
import KefuTUI

/// The dashboard part of `kefu bench`: its options, and the rows it times.
struct DashboardBenchOptions: ParsableArguments {
    @Option(name: .customLong("frame-agents"), help: "Agents of the data set the dashboard frames are drawn from.")
    var agents: Int = 500

    @Option(name: .customLong("frame-scale"), help: "Buyer traffic multiplier of the dashboard's data set.")
    var scale: Double = 1

    @Flag(name: .customLong("skip-dashboard"), help: "Leave out the dashboard snapshot and frames.")
    var skip = false

    func validate() throws {
        guard scale > 0, scale.isFinite else { throw ValidationError("--frame-scale must be a positive number") }
        guard agents >= 1 else { throw ValidationError("--frame-agents must be at least 1") }
    }

    /// The data set, for the command's heading.
    var summary: String { "\(agents) agents, scale \(scale), 3 days to 双11 20:00, 200×60" }

    /// The dashboard at 双11 20:00 over three days of `agents` agents: building the snapshot
    /// (cold, then with the builder's caches warm) and one frame of each screen at 200×60.
    func rows(config: KefuConfig, seed: UInt64) -> [BenchRow] {
        let start = LocalDate(year: 2026, month: 11, day: 9)!
        let generator = SampleGenerator(agents: agents, days: 3, seed: seed, scale: scale, start: start)
        var book = RecordBook()
        for r in generator { _ = book.add(r) }
        let now = config.zone.startOfDay(start.adding(days: 2)) + 20 * 3_600_000
        let builder = SnapshotBuilder(config: config, shop: "bench")
        var rows: [BenchRow] = []
        var snapshot: DashboardSnapshot?
        rows.append(BenchRow("dashboard snapshot, cold", count: nil) {
            snapshot = builder.build(book, now: now, rule: .orderFirst)
        })
        rows.append(BenchRow("dashboard snapshot, warm", count: nil) {
            snapshot = builder.build(book, now: now + 1_000, rule: .orderFirst)
        })
        let repeats = 50
        for screen in Screen.allCases {
            var state = AppState(language: .zh, rule: .orderFirst, snapshot: snapshot)
            state.screen = screen
            state.width = 200
            state.height = 60
            state.agentID = snapshot?.month.agents.first?.agentID
            var drawn = 0
            let row = BenchRow("frame 200×60, \(screen.title(.en)) (×\(repeats))", count: nil, targetNs: 2_000_000) {
                for _ in 0..<repeats { drawn &+= render(state, size: Size(width: 200, height: 60), theme: .dark).cells.count }
            }
            precondition(drawn == repeats * 200 * 60)
            rows.append(row.perRepeat(repeats))
        }
        return rows
    }
}
