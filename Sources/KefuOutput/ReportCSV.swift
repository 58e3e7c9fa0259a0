import KefuCore

/// `kefu report --format csv`: the columns of SPEC §10, one agent a row ("no data" is empty).
public enum ReportCSV {
    public static func render(_ report: Report) -> String {
        var header = ["agent_id", "name", "role", "group"] + MetricColumn.all.map(\.key)
        header += ["score", "rank", "warning", "top_share"]
        var lines = [header.joined(separator: ",")]
        for a in report.agents {
            var row = [a.agentID, a.name ?? "", a.role?.rawValue ?? "", a.group ?? ""].map(field)
            row += MetricColumn.all.map { $0.csv(a.tally) }
            row += [a.score.map { JSONWriter().number($0) } ?? "", a.rank.map { String($0) } ?? "",
                    a.warning ? "true" : "false", a.topShare ? "true" : "false"]
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A field quoted per RFC 4180 when it holds a comma, a quote or a line break.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
