import ArgumentParser
import KefuCore
import KefuOutput

/// `kefu whatif`: an agent's score and pay now and after changing some figures.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "What a better conversion, AOV, … would earn an agent (绩效模拟计算器).",
        discussion: """
        Changes: +5% (relative), +3pp (percentage points, for shares), +5 or -5 (added), 20 (the \
        new value). Metrics: conversion, aov, receptions, sales, paid_orders, frt_s, art_s, \
        reply_rate, satisfaction, refund_rate, items_per_buyer, resolution_rate, … (the names of \
        `kefu report --format json`). Baselines stay the team's as they are.

        Example:
          kefu whatif --data shop/ --agent 旗舰店:小美 --month 2026-11 --set conversion=+5%,aov=+10%,receptions=-10%
        """)

    @OptionGroup var source: SourceOptions

    @Option(help: "The agent id.")
    var agent: String

    @Option(help: "The month (YYYY-MM).")
    var month: String

    @Option(help: ArgumentHelp("Changes, comma-separated: metric=change.", valueName: "changes"))
    var set: String

    @Option(help: ArgumentHelp("A scheme file (TOML); default: --config or the defaults.", valueName: "file"))
    var scheme: String?

    @Option(help: "The pay plan of the scheme to use.")
    var plan = "default"

    func run() throws {
        try reportingFailures {
            guard let m = Month(month) else { throw UserFacingError("--month: \"\(month)\" is not a month (YYYY-MM)") }
            let config = try scheme.map { try loadScheme($0) } ?? source.loadConfig()
            guard let payPlan = config.payPlans[plan] else { throw UserFacingError("--plan: no pay plan \"\(plan)\"") }
            let adjustments: [WhatIf.Adjustment]
            do { adjustments = try WhatIf.parse(set) } catch { throw UserFacingError("--set: \(error)") }
            let book = try source.load(config: config, periodFrom: m.period.from)
            let report = ScoringEngine(config: config).report(book, period: m.period, rule: config.defaultRule)
            let points = book.qa[QAKey(month: m, agent: agent)]?.points
            guard let out = WhatIf(plan: payPlan).simulate(agentID: agent, in: report, kpiPoints: points, adjustments: adjustments) else {
                throw UserFacingError("--agent: \"\(agent)\" is not a scored agent in \(m) (unknown, no role, or not active)")
            }
            print(render(out, month: m), terminator: "")
        }
    }

    func render(_ o: WhatIf.Outcome, month: Month) -> String {
        let f = ReportTable.fixed
        var rows: [[Sheet.Cell]] = []
        for (b, a) in zip(o.before.scorecard, o.after.scorecard) {
            rows.append([.text(b.metric.rawValue), .optional(b.actual), .optional(a.actual), .optional(b.baseline),
                         .number(b.points), .number(a.points), .number(a.points - b.points)])
        }
        rows.append([.text("score"), .empty, .empty, .empty, .optional(o.before.score), .optional(o.after.score),
                     .number((o.after.score ?? 0) - (o.before.score ?? 0))])
        let scores = Sheet(name: "score", columns: [
            Sheet.Column("item", .text), Sheet.Column("actual now", .number), Sheet.Column("actual after", .number),
            Sheet.Column("baseline", .number), Sheet.Column("points now", .number), Sheet.Column("points after", .number),
            Sheet.Column("change", .number),
        ], rows: rows)
        func payRow(_ name: String, _ b: Double, _ a: Double) -> [Sheet.Cell] {
            [.text(name), .fen(roundFen(b)), .fen(roundFen(a)), .fen(roundFen(a) - roundFen(b))]
        }
        let pb = o.payBefore, pa = o.payAfter
        let pay = Sheet(name: "pay", columns: [Sheet.Column("component", .text), Sheet.Column("now ¥", .yuan),
                                               Sheet.Column("after ¥", .yuan), Sheet.Column("change ¥", .yuan)], rows: [
            payRow("base", pb.baseFen, pa.baseFen),
            payRow("position", pb.positionFen, pa.positionFen),
            payRow("commission", pb.commissionFen, pa.commissionFen),
            payRow("general KPI", pb.kpiFen, pa.kpiFen),
            [.text("total"), .fen(pb.totalFen), .fen(pa.totalFen), .fen(pa.totalFen - pb.totalFen)],
        ])
        let name = o.before.name ?? o.before.agentID
        return "\(name) (\(o.before.agentID)), \(month): score \(f(o.before.score ?? 0, 1)) → \(f(o.after.score ?? 0, 1))\n\n"
            + SheetText.table(scores) + "\n" + SheetText.table(pay)
    }
}
