import ArgumentParser
import KefuCore
import KefuImport
import KefuOutput

/// `kefu pay`: a month's pay run under a scheme, every figure traceable.
struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "A month's pay run (绩效工资): base, position pay, commission, general KPI, total.",
        discussion: """
        The scheme is a configuration file (scorecards + pay plans, see `kefu config init`); \
        without --scheme, the --config file or the defaults. Every component is kept exact and \
        the total is rounded to the fen once. --explain prints one agent's arithmetic.

        Example:
          kefu pay --data shop/ --month 2026-11 --scheme schemes/2026.toml --explain 旗舰店:小美
        """)

    @OptionGroup var source: SourceOptions
    @OptionGroup var export: ExportOptions

    @Option(help: "The month (YYYY-MM).")
    var month: String

    @Option(help: ArgumentHelp("A scheme file (TOML, the kefu.toml format).", valueName: "file"))
    var scheme: String?

    @Option(help: "The pay plan of the scheme to use.")
    var plan = "default"

    @Option(help: "Attribution rule (default from the scheme).")
    var rule: AttributionRule?

    @Option(name: .customLong("as-of"), help: "Compute as of this instant (reproduces an earlier run).")
    var asOf: String?

    @Option(help: ArgumentHelp("Print this agent's arithmetic, item by item.", valueName: "agent"))
    var explain: String?

    func run() throws {
        try reportingFailures {
            guard let m = Month(month) else { throw UserFacingError("--month: \"\(month)\" is not a month (YYYY-MM)") }
            let config = try scheme.map { try loadScheme($0) } ?? source.loadConfig()
            let book = try source.load(config: config, periodFrom: m.period.from)
            let cutoff = try asOf.map { try parseInstant($0, option: "--as-of", zone: config.zone) }
            guard let run = SchemeEvaluator(config: config, planName: plan).run(book, month: m, rule: rule, asOf: cutoff) else {
                throw UserFacingError("--plan: the scheme has no pay plan \"\(plan)\" (it has: \(config.payPlans.keys.sorted().joined(separator: ", ")))")
            }
            if let explain {
                guard let line = run.line(for: explain) else { throw UserFacingError("--explain: no agent \"\(explain)\" with a role in \(m)") }
                try export.emit(explainText(line, run: run))
                return
            }
            let sheet = ExportSheets.pay(run)
            try export.emit([sheet]) {
                var extra = [("month", m.description), ("rule", run.rule.rawValue)]
                if let t = run.asOf { extra.append(("as_of", Timestamp.format(t, zone: config.zone))) }
                return SheetText.json([sheet], extra: extra)
            }
        }
    }

    func explainText(_ line: PayLine, run: PayRun) -> String {
        var s = "\(line.agent.name ?? line.agent.agentID) (\(line.agent.agentID)), \(run.month), rule \(run.rule.rawValue)\n"
        s += "score \(line.agent.score.map { ReportTable.fixed($0, 2) } ?? "— (not active)")\n"
        for item in line.agent.scorecard {
            s += "  \(item.metric.rawValue): actual \(item.actual.map { ReportTable.fixed($0, 4) } ?? "—") vs baseline "
            s += "\(item.baseline.map { ReportTable.fixed($0, 4) } ?? "—") → achievement \(ReportTable.fixed(item.achievement, 4))"
            s += " × weight \(formatNumber(item.weight)) = \(ReportTable.fixed(item.points, 2))\n"
        }
        for step in line.pay.explanation { s += step + "\n" }
        return s
    }
}

/// Reads a scheme (a configuration file), or fails with the file's problem.
func loadScheme(_ path: String) throws -> KefuConfig {
    do { return try ConfigFile.load(path: path) } catch { throw UserFacingError("\(error)") }
}
