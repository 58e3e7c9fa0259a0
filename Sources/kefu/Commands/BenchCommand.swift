import ArgumentParser
import Foundation
import KefuCore
import KefuSample
import KefuTUI

/// `kefu bench`: in-process costs that a script timing whole commands cannot see: building the
/// record book, a batch report per rule, folding records one by one into the live aggregates,
/// and the dashboard's snapshot and one frame of each screen.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure in-process costs: record book, batch report per rule, live fold per record.",
        discussion: """
            Generates the sample data set in memory (the same records `kefu sample` writes), then \
            times each step with a monotonic clock and prints seconds, nanoseconds per record and \
            records per second beside issue 7's targets. The live aggregates must end equal to the \
            batch report; the command fails if they do not. Whole-command timings against DuckDB and \
            sqlite3 are in bench/run.sh (docs/benchmarks.md).

            Example: kefu bench --scale 1
            """)

    @OptionGroup var shape: SampleShapeOptions

    @Option(name: .customLong("frame-agents"), help: "Agents of the data set the dashboard frames are drawn from.")
    var frameAgents: Int = 500

    @Option(name: .customLong("frame-scale"), help: "Buyer traffic multiplier of the dashboard's data set.")
    var frameScale: Double = 1

    @Flag(name: .customLong("skip-dashboard"), help: "Leave out the dashboard snapshot and frames.")
    var skipDashboard = false

    func validate() throws {
        guard frameScale > 0, frameScale.isFinite else { throw ValidationError("--frame-scale must be a positive number") }
        guard frameAgents >= 1 else { throw ValidationError("--frame-agents must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let generator = SampleGenerator(agents: shape.agents, days: shape.days, seed: shape.seed, scale: shape.scale)
            let period = Period(from: generator.start, to: generator.start.adding(days: shape.days))
            let config = KefuConfig()
            var rows: [BenchRow] = []

            var records: [Record] = []
            rows.append(BenchRow("generate sample records", count: nil) { records = Array(generator) })
            let n = records.count

            var book = RecordBook()
            rows.append(BenchRow("record book: add every record", count: n) {
                for r in records { _ = book.add(r) }
            })

            let engine = ScoringEngine(config: config)
            var batch: [AttributionRule: Report] = [:]
            for rule in AttributionRule.allCases {
                rows.append(BenchRow("batch report, \(rule.rawValue)", count: n) {
                    batch[rule] = engine.report(book, period: period, rule: rule)
                })
            }

            var live = LiveAggregator(config: config, period: period, rule: .orderFirst)
            rows.append(BenchRow("live: fold one record", count: n, targetNs: 1_000) {
                for r in records { live.fold(r) }
            })
            var liveReport: Report?
            rows.append(BenchRow("live: report from the aggregates", count: nil) { liveReport = live.report })
            guard liveReport == batch[.orderFirst] else {
                throw UserFacingError("bench: the live aggregates disagree with the batch report (order-first)")
            }

            if !skipDashboard { rows += dashboardRows(config: config) }

            print("kefu bench: sample --scale \(shape.scale) --agents \(shape.agents) --days \(shape.days) --seed \(shape.seed): "
                  + "\(n) records (\(book.messageCount) messages), period \(period)"
                  + (skipDashboard ? "" : "; dashboard: \(frameAgents) agents, scale \(frameScale), 3 days to 双11 20:00, 200×60"))
            print(BenchRow.table(rows))
            print("peak RSS: \(peakResidentMB().map { "\($0) MB" } ?? "unknown")")
        }
    }
}

extension BenchCommand {
    /// The dashboard at 双11 20:00 over three days of `frameAgents` agents: building the snapshot
    /// (cold, then with the builder's caches warm) and one frame of each screen at 200×60.
    func dashboardRows(config: KefuConfig) -> [BenchRow] {
        let start = LocalDate(year: 2026, month: 11, day: 9)!
        let generator = SampleGenerator(agents: frameAgents, days: 3, seed: shape.seed, scale: frameScale, start: start)
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

/// One timed step: wall time on a monotonic clock, and per record when it walks the records.
struct BenchRow {
    let task: String
    let seconds: Double
    let count: Int?
    let targetNs: Double?

    init(_ task: String, count: Int?, targetNs: Double? = nil, _ body: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        self.task = task
        seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        self.count = count
        self.targetNs = targetNs
    }

    private init(task: String, seconds: Double, count: Int?, targetNs: Double?) {
        self.task = task; self.seconds = seconds; self.count = count; self.targetNs = targetNs
    }

    /// The time of one of `repeats` identical runs, compared with the target per run.
    func perRepeat(_ repeats: Int) -> BenchRow {
        BenchRow(task: task, seconds: seconds / Double(repeats), count: 1, targetNs: targetNs)
    }

    var nsPerRecord: Double? { count.flatMap { $0 > 0 ? seconds * 1e9 / Double($0) : nil } }

    /// Rows aligned under a header: task, seconds, ns/record, records/s, target ns, ratio to target.
    static func table(_ rows: [BenchRow]) -> String {
        let header = ["task", "s", "ns each", "each per s", "target ns", "× target"]
        let body = rows.map { r -> [String] in
            let ns = r.nsPerRecord
            return [r.task, String(format: "%.3f", r.seconds),
                    ns.map { String(format: "%.0f", $0) } ?? "",
                    ns.map { String(format: "%.0f", 1e9 / $0) } ?? "",
                    r.targetNs.map { String(format: "%.0f", $0) } ?? "",
                    both(ns, r.targetNs).map { String(format: "%.2f", $0 / $1) } ?? ""]
        }
        let all = [header] + body
        let widths = header.indices.map { c in all.map { $0[c].count }.max()! }
        return all.map { line in
            line.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

private func both(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
}

/// The process's peak resident set (VmHWM of /proc/self/status), in MB; nil where there is none.
private func peakResidentMB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
    return kb / 1024
}
