import KefuCore

/// `kefu report --format table`: an aligned table for a terminal, Chinese names included.
public enum ReportTable {
    struct Column: Sendable {
        let title: String
        let width: Int
        let right: Bool
        let cell: @Sendable (AgentMetrics) -> String
    }

    static let columns: [Column] = [
        Column(title: "agent", width: 16, right: false) { $0.name.map { "\($0)" } ?? $0.agentID },
        Column(title: "role", width: 9, right: false) { $0.role?.rawValue ?? "?" },
        Column(title: "consults", width: 8, right: true) { "\($0.tally.consults)" },
        Column(title: "reply", width: 6, right: true) { percent($0.replyRate) },
        Column(title: "FRT s", width: 6, right: true) { seconds($0.frtSeconds) },
        Column(title: "ART s", width: 6, right: true) { seconds($0.artSeconds) },
        Column(title: "slow", width: 6, right: true) { percent($0.slowRatio) },
        Column(title: "conv", width: 6, right: true) { percent($0.conversion) },
        Column(title: "sales ¥", width: 11, right: true) { Yuan.format($0.tally.salesFen) },
        Column(title: "AOV ¥", width: 8, right: true) { $0.aovFen.map(Yuan.format) ?? "—" },
        Column(title: "refund", width: 6, right: true) { percent($0.refundRate) },
        Column(title: "satisf", width: 6, right: true) { percent($0.satisfaction) },
        Column(title: "tickets", width: 7, right: true) { "\($0.tally.tickets)" },
        Column(title: "score", width: 6, right: true) { $0.score.map { fixed($0, 1) } ?? "—" },
        Column(title: "rank", width: 4, right: true) { $0.rank.map { "\($0)" } ?? "—" },
        Column(title: "", width: 2, right: false) { $0.warning ? "⚠" : ($0.topShare ? "★" : "") },
    ]

    public static func render(_ report: Report) -> String {
        var lines: [String] = []
        lines.append("kefu report  \(report.period.from) – \(report.period.to) (to exclusive)  rule: \(report.rule.rawValue)")
        lines.append(row(columns.map { ($0.title, $0) }))
        lines.append(String(repeating: "─", count: columns.reduce(0) { $0 + $1.width + 1 } - 1))
        for a in report.agents { lines.append(row(columns.map { ($0.cell(a), $0) })) }
        lines.append(String(repeating: "─", count: columns.reduce(0) { $0 + $1.width + 1 } - 1))
        var team = AgentMetrics(agentID: "team", name: "team 全组", role: nil, group: nil, grade: nil, tally: report.team.tally)
        team.score = nil
        lines.append(row(columns.map { c in (c.title == "role" || c.title == "rank" ? "" : c.cell(team), c) }))
        lines.append("silent sales 静默销售: ¥\(Yuan.format(report.team.silentSalesFen)) (\(report.team.silentOrders) orders)")
        let warned = report.warnings
        if !warned.isEmpty {
            lines.append("warning list 预警名单:")
            for a in warned {
                let items = a.costliestItems.prefix(3).map { "\($0.metric.rawValue) −\(fixed($0.lost, 1))" }.joined(separator: ", ")
                lines.append("  ⚠ \(a.name ?? a.agentID) (\(a.role?.rawValue ?? "?"), score \(a.score.map { fixed($0, 1) } ?? "—")): \(items)")
            }
        }
        lines.append("Conversion and refunds are final (later payments and refunds count): recent figures still mature.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ cells: [(String, Column)]) -> String {
        cells.map { DisplayWidth.pad($0.0, to: $0.1.width, right: $0.1.right) }.joined(separator: " ")
            .replacingTrailingSpaces()
    }

    static func percent(_ v: Double?) -> String { v.map { fixed($0 * 100, 1) + "%" } ?? "—" }
    static func seconds(_ v: Double?) -> String { v.map { fixed($0, 1) } ?? "—" }

    /// `v` with exactly `digits` decimals, half away from zero.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int64((v * scale).rounded(.toNearestOrAwayFromZero))
        let sign = n < 0 ? "-" : ""
        let a = abs(n)
        let p = Int64(scale)
        guard digits > 0 else { return sign + String(a) }
        let frac = String(a % p)
        return sign + String(a / p) + "." + String(repeating: "0", count: digits - frac.count) + frac
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
