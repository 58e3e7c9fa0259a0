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

    @OptionGroup var dashboard: DashboardBenchOptions

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

            if !dashboard.skip { rows += dashboard.rows(config: config, seed: shape.seed) }

            print("kefu bench: sample --scale \(shape.scale) --agents \(shape.agents) --days \(shape.days) --seed \(shape.seed): "
                  + "\(n) records (\(book.messageCount) messages), period \(period)"
                  + (dashboard.skip ? "" : "; dashboard: " + dashboard.summary))
            print(BenchRow.table(rows))
            print("peak RSS: \(peakResidentMB().map { "\($0) MB" } ?? "unknown")")
        }
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
