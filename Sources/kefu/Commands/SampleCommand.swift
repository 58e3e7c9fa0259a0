import ArgumentParser
import Foundation
import KefuCore
import KefuSample

/// `kefu sample`: writes a realistic, seeded data set.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a realistic, seeded sample data set (CSV files or JSON Lines).",
        discussion: """
            Agents with shifts and QA points, buyer chats following the daily load curve and the \
            双11 spike, orders, payments, refunds, ratings and tickets. The same options always \
            give byte-identical files. --scale 1 is about 100k messages for 12 agents over 14 days.

            Example: kefu sample --out demo --agents 12 --days 14 --seed 7
            """)

    @Option(help: "Directory to write into (created if missing).")
    var out: String

    @OptionGroup var shape: SampleShapeOptions

    @Option(help: "First day, YYYY-MM-DD (the default puts 双11 inside 14 days).")
    var start: String = SampleGenerator.defaultStart.description

    @Option(help: "csv (one file per record kind) or jsonl (one records.jsonl).")
    var format: String = SampleFormat.csv.rawValue

    @Flag(help: "Write into a non-empty directory, overwriting the data-set files.")
    var force = false

    func validate() throws {
        guard LocalDate(start) != nil else { throw ValidationError("--start: '\(start)' is not a date YYYY-MM-DD") }
        guard SampleFormat(rawValue: format) != nil else { throw ValidationError("--format must be csv or jsonl") }
    }

    func run() throws {
        let generator = SampleGenerator(agents: shape.agents, days: shape.days, seed: shape.seed, scale: shape.scale, start: LocalDate(start)!)
        try SampleWriter.prepare(directory: out, force: force)
        let counts = try SampleWriter.write(generator, to: out, format: SampleFormat(rawValue: format)!,
                                            zone: generator.zone)
        print("wrote \(counts.summary) to \(out)")
    }
}
