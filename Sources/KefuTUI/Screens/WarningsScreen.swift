import KefuCore

/// Screen 3: the warning list (预警名单), the bottom share of each role, today or this month,
/// with the scorecard items that cost each agent most points; in the month view the
/// elimination-review flag (淘汰审核: below the line this month and last month); then the
/// elimination-review list and the top share (利润分成).
enum WarningsScreen {
    static func columns(_ l: Language, month: Bool) -> [TableColumn] {
        [TableColumn(l.pick("姓名", "Name"), width: 10, alignRight: false)]
            + (month ? [TableColumn(l.pick("标记", "Flag"), width: 8, alignRight: false)] : []) + [
         TableColumn(l.pick("岗位", "Role"), width: 5, alignRight: false),
         TableColumn(l.pick("得分", "Score"), width: 6),
         TableColumn(l.pick("排名", "Rank"), width: 7),
         TableColumn(l.pick("主要失分项(扣分)", "Costliest items (points lost)"), width: 20, alignRight: false, flexible: true)]
    }

    static func draw(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        guard let report = s.periodReport, let snap = s.snapshot else { return }
        let l = s.language
        let month = s.period == .month
        let period = s.period == .today ? l.pick("今日", "today") : l.pick("本月", "this month")
        Chrome.title(&f, l.pick("预警名单", "Warning list") + " · " + period + " · " + l.pick("各岗位得分后15%", "bottom 15% of each role"),
                     y: 2, p, right: l.pick("p 今日/本月  Enter 详情", "p today/month  Enter detail"))
        let rows = s.warningRows()
        var scoredByRole: [Role?: Int] = [:]
        for a in report.agents where a.rank != nil { scoredByRole[a.role, default: 0] += 1 }
        func table(_ i: Int) -> [TableCell] {
            let a = rows[i]
            let scored = scoredByRole[a.role] ?? 0
            let items = a.costliestItems.prefix(3).map { MetricText.name($0.metric, l) + " −" + Formats.decimal($0.lost, 1) }
            let flag = snap.eliminationReview.contains(a.agentID) ? [TableCell(l.pick("淘汰审核", "review"), p.bad)] : [TableCell("")]
            return [TableCell(a.name ?? a.agentID, p.warn)] + (month ? flag : []) + [TableCell(l.role(a.role)),
                    TableCell(Formats.score(a.score), p.bad), TableCell("\(a.rank.map(String.init) ?? "—")/\(scored)"),
                    TableCell(items.joined(separator: " · "))]
        }
        let body = ListGeometry.body(.warnings, width: f.width, height: f.height)!
        TableWidget.draw(&f, Rect(x: 0, y: body.top - 1, width: f.width, height: body.rows + 1), columns: columns(l, month: month),
                         rowCount: rows.count, row: table,
                         selected: rows.isEmpty ? nil : s.selection[.warnings] ?? 0, scroll: s.scroll[.warnings] ?? 0, palette: p)
        if rows.isEmpty {
            f.put(l.pick("没有客服在预警名单上(每个岗位至少2名在岗客服才评)", "nobody is on the warning list (a role needs 2 active agents)"),
                  x: 2, y: body.top + 1, style: p.muted)
        }
        let review = report.agents.filter { snap.eliminationReview.contains($0.agentID) }.map { $0.name ?? $0.agentID }
        if month {
            f.put(" ✕ " + l.pick("淘汰审核(连续两月得分<\(Formats.decimal(snap.eliminationScore, 0))):", "Elimination review (two months below \(Formats.decimal(snap.eliminationScore, 0))): ")
                  + (review.isEmpty ? Formats.none : review.joined(separator: "  ")), x: 0, y: f.height - 3, style: review.isEmpty ? p.muted : p.bad)
        } else {
            f.put(" ✕ " + l.pick("淘汰审核按月评定:p 切换到本月", "Elimination review is monthly: p shows the month"), x: 0, y: f.height - 3, style: p.muted)
        }
        let top = report.agents.filter(\.topShare).sorted { ($0.score ?? 0) > ($1.score ?? 0) }.map { $0.name ?? $0.agentID }
        f.put(" * " + l.pick("利润分成(前20%):", "Top share (top 20%): ") + (top.isEmpty ? Formats.none : top.joined(separator: "  ")),
              x: 0, y: f.height - 2, style: p.good)
    }
}
