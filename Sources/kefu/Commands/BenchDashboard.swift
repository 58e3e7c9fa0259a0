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

    @Option(name: .customLong("frame-days"), help: "Days of the dashboard's data set, the last one 双11 (2026-11-11) up to 20:00.")
    var days: Int = 3

    @Option(name: .customLong("frame-ticks"), help: "Refreshes timed after the cold start, each with the next second of records.")
    var ticks: Int = 30

    @Flag(name: .customLong("skip-dashboard"), help: "Leave out the dashboard snapshot and frames.")
    var skip = false

    func validate() throws {
        guard scale > 0, scale.isFinite else { throw ValidationError("--frame-scale must be a positive number") }
        guard agents >= 1 else { throw ValidationError("--frame-agents must be at least 1") }
        guard days >= 1 else { throw ValidationError("--frame-days must be at least 1") }
        guard ticks >= 1 else { throw ValidationError("--frame-ticks must be at least 1") }
    }

    /// The data set, for the command's heading.
    var summary: String { "\(agents) agents, scale \(scale), \(days) days to 双11 20:00, \(ticks) ticks of 1 s, 200×60" }

    /// The dashboard at 双11 20:00 over `days` days of `agents` agents, fed as `kefu demo` feeds
    /// it (each record when it happens: orders unpaid then paid, tickets open then closed):
    /// the snapshot from scratch (cold), then `ticks` refreshes each taking in the next second
    /// of records (adding them to the book and building the snapshot), a switch of the active
    /// rule, then one frame of each screen at 200×60.
    func rows(config: KefuConfig, seed: UInt64) -> [BenchRow] {
        let day = LocalDate(year: 2026, month: 11, day: 11)!
        var simulation = LiveSimulation(agents: agents, seed: seed, day: day, historyDays: days - 1, scale: scale, zone: config.zone)
        let now = config.zone.startOfDay(day) + 20 * 3_600_000
        var book = RecordBook()
        var records = 0
        var rows: [BenchRow] = []
        rows.append(BenchRow("dashboard data set: generate + record book, a day at a time", count: nil) {
            for d in 0..<days {
                let end = min(now, config.zone.startOfDay(day.adding(days: d - days + 2)) - 1)
                for r in simulation.advance(to: end) { _ = book.add(r); records += 1 }
            }
        })
        let builder = SnapshotBuilder(config: config, shop: "bench")
        var snapshot: DashboardSnapshot?
        rows.append(BenchRow("dashboard snapshot, cold: \(records) records, \(book.messageCount) messages, \(book.buyers.count) buyers",
                             count: nil) {
            snapshot = builder.build(book, fresh: [], now: now, rule: .orderFirst)
        })
        let seconds = (1...ticks).map { now + Int64($0) * 1_000 }
        let batches = seconds.map { simulation.advance(to: $0) }
        let perTick = batches.reduce(0) { $0 + $1.count } / ticks
        var slowest: BenchRow?
        let all = BenchRow("dashboard tick (\(perTick) records: add + snapshot), mean of \(ticks)", count: nil, targetNs: 50_000_000) {
            for (t, fresh) in zip(seconds, batches) {
                let tick = BenchRow("dashboard tick, slowest of \(ticks)", count: nil, targetNs: 50_000_000) {
                    for r in fresh { _ = book.add(r) }
                    snapshot = builder.build(book, fresh: fresh, now: t, rule: .orderFirst)
                }
                if tick.seconds > (slowest?.seconds ?? -1) { slowest = tick }
            }
        }
        rows.append(all.perRepeat(ticks))
        rows.append(slowest!.perRepeat(1))
        rows.append(BenchRow("dashboard snapshot, rule switched (yesterday, month, orders again)", count: nil) {
            _ = builder.build(book, fresh: [], now: seconds.last!, rule: .payment)
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
