import ArgumentParser
import KefuCore
import KefuOutput

/// `kefu report`: every agent's figures for a period, as a table, CSV or SPEC §10 JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Agents' KPIs, scores, ranks and the warning list for a period.",
        discussion: """
        Reads a data set (--data DIR: CSV files and/or JSON Lines) or the store (--db), and \
        prints every agent and the team. Periods are shop-local days, [--from, --to): \
        --to 2026-11-12 ends at 11-11 24:00. Without them, the whole data set.

        Example:
          kefu report --data shop/ --from 2026-11-10 --to 2026-11-13 --rule order-first --format json

        Metrics (full definitions: docs/metrics.md):
          consults 咨询       conversations (agent × buyer × local day) in which the buyer wrote
          receptions 接待     consults in which the agent wrote a non-auto message
          reply_rate 回复率   receptions / consults
          outreach           conversations where only the agent wrote (non-auto)
          valid 有效接待      receptions lasting ≥ 30 s;  long 长接待: > 30 min
          frt_s 首次响应      mean response time of each conversation's first turn (answered, ≤ 900 s)
          art_s 平均响应      mean response time over answered turns ≤ 900 s (outliers apart)
          slow_ratio         turns slower than 60 s / answered non-outlier turns
          fast_rate 30秒应答  turns answered within 30 s / all turns
          aq_ratio 答问比     agent non-auto messages / buyer messages
          inquiries 询单      consults whose buyer had no order in the 24 h before
          conversion         inquiries whose buyer then paid an order credited to the agent
          sales_fen 销售额    credited orders paid in the period, in fen; silent sales apart
          aov_fen 客单价      sales / paid buyers;  items_per_buyer 客件数
          refund_rate 退款率  refunds on those orders / sales
          satisfaction 满意率 ratings ≥ 4 / ratings;  rating_mean
          resolution_rate    resolved tickets / tickets;  error_rate: error tickets / tickets
          score              scorecard points (100 = on the role's target everywhere)
        Rules (--rule): order 下单判定, payment 付款判定, order-first 下单优先判定 (default).
        "No data" is shown as — (null in JSON).
        """)

    @OptionGroup var source: SourceOptions

    @Option(help: "First day of the period (YYYY-MM-DD, shop-local).")
    var from: String?

    @Option(help: "Day after the period (exclusive, YYYY-MM-DD).")
    var to: String?

    @Option(help: "Attribution rule: order, payment or order-first (default from the config).")
    var rule: AttributionRule?

    @OptionGroup var export: ExportOptions

    @Option(help: "Only this agent (the team figures stay the whole team's).")
    var agent: String?

    @Option(name: .customLong("as-of"), help: "Ignore records stamped after this instant (YYYY-MM-DD[ HH:MM:SS]).")
    var asOf: String?

    func run() throws {
        try reportingFailures {
            let config = try source.loadConfig()
            let book = try source.load(config: config, periodFrom: try from.map { try parseDay($0, option: "--from") })
            let period = try resolvePeriod(from: from, to: to, book: book, zone: config.zone)
            let cutoff = try asOf.map { try parseInstant($0, option: "--as-of", zone: config.zone) }
            var report = ScoringEngine(config: config).report(book, period: period, rule: rule ?? config.defaultRule, asOf: cutoff)
            if let agent {
                report.agents = report.agents.filter { $0.agentID == agent }
                guard !report.agents.isEmpty else { throw UserFacingError("--agent: no agent \"\(agent)\" in this period") }
            }
            switch export.format {
            case .table: try export.emit(ReportTable.render(report))
            case .csv: try export.emit(ReportCSV.render(report))
            case .json: try export.emit(ReportJSON.render(report, zone: config.zone))
            case .xlsx:
                try XLSXWriter.write(ExportSheets.report(report), to: export.out!)
                printError("wrote \(export.out!)")
            }
        }
    }
}
