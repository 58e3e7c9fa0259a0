import KefuCore

/// Screen 1: the team, live. KPI tiles for today so far (each with an hourly sparkline and the
/// change against yesterday at the same time), a tile with the current hour's staffing gap,
/// then the agent table.
enum TeamScreen {
    /// The KPI tiles and the staffing tile.
    static let tileCount = KpiTile.all.count + 1

    static func tilesPerRow(width: Int) -> Int { width >= 150 ? 6 : 4 }

    /// The row where the table's header sits.
    static func tableTop(width: Int, height: Int) -> Int {
        let per = tilesPerRow(width: width)
        return 2 + (tileCount + per - 1) / per * 2
    }

    static func draw(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        guard let snap = s.snapshot else { return }
        drawTiles(&f, s, snap, p)
        drawTable(&f, s, snap, p)
    }

    private static func drawTiles(_ f: inout Frame, _ s: AppState, _ snap: DashboardSnapshot, _ p: Palette) {
        let per = tilesPerRow(width: f.width)
        let tileWidth = (f.width + 1) / per - 1
        let team = snap.today[s.rule].team.tally
        let yesterday = snap.yesterdaySoFar.team.tally
        for (i, kpi) in KpiTile.all.enumerated() {
            let rect = Rect(x: (i % per) * (tileWidth + 1), y: 2 + (i / per) * 2, width: tileWidth, height: 2)
            kpi.draw(&f, rect, today: team, yesterday: yesterday, hourly: snap.hourlyToday, hour: snap.hour, s.language, p)
        }
        let i = KpiTile.all.count
        staffingTile(&f, Rect(x: (i % per) * (tileWidth + 1), y: 2 + (i / per) * 2, width: tileWidth, height: 2),
                     snap.staffing?.hours[snap.hour], s.language, p)
    }

    /// The current hour's staffing: the gap on the first line, need and schedule on the second.
    private static func staffingTile(_ f: inout Frame, _ r: Rect, _ h: StaffingHour?, _ l: Language, _ p: Palette) {
        f.put(l.pick("本小时排班", "Staff now"), x: r.x, y: r.y, style: p.muted, limit: r.maxX)
        guard let h else {
            f.put(l.pick("无预测", "no forecast"), x: r.x, y: r.y + 1, style: p.muted, limit: r.maxX)
            return
        }
        let gap = StaffingText.gap(h, l)
        f.put(gap, x: r.maxX - DisplayWidth.of(gap), y: r.y, style: StaffingText.style(h.status, p).bolded(), limit: r.maxX)
        f.put(StaffingText.needAndScheduled(h, l), x: r.x, y: r.y + 1, style: p.muted, limit: r.maxX)
    }

    /// Title, width and alignment of a column.
    static func spec(_ c: TeamColumn, _ l: Language) -> (String, Int, Bool) {
        switch c {
        case .name: return (l.pick("姓名", "Name"), 6, false)
        case .role: return (l.pick("岗位", "Role"), 5, false)
        case .group: return (l.pick("组", "Group"), 8, false)
        case .status: return (l.pick("状态", "Status"), 6, false)
        case .consults: return (l.pick("咨询", "Cons"), 5, true)
        case .receptions: return (l.pick("接待", "Recp"), 5, true)
        case .replyRate: return (l.pick("回复率", "Reply"), 7, true)
        case .conversion: return (l.pick("转化率", "Conv"), 7, true)
        case .aov: return (l.pick("客单价", "AOV"), 7, true)
        case .sales: return (l.pick("销售额", "Sales"), 8, true)
        case .frt: return (l.pick("首响", "FRT"), 5, true)
        case .art: return (l.pick("平均响应", "ART"), 8, true)
        case .slowRatio: return (l.pick("慢响应", "Slow"), 6, true)
        case .satisfaction: return (l.pick("满意率", "Satisf"), 7, true)
        case .score: return (l.pick("得分", "Score"), 6, true)
        case .rank: return (l.pick("排名", "Rank"), 5, true)
        }
    }

    static func columns(_ s: AppState, width: Int) -> [TableColumn] {
        [TableColumn("", width: 1, alignRight: false)] + TeamColumn.visible(width: width).map { c in
            let (title, w, right) = spec(c, s.language)
            let mark = c == s.sortColumn ? (s.sortDescending ? "▼" : "▲") : ""
            return TableColumn(title + mark, width: w, alignRight: right, flexible: c == .name, maxWidth: 26)
        }
    }

    /// One table row's cells for an agent.
    static func cells(_ a: AgentMetrics, team: Tally, _ s: AppState, _ snap: DashboardSnapshot, _ p: Palette) -> [TableCell] {
        let l = s.language
        let status = AgentStatus(lastActivity: snap.lastActivity[a.agentID], now: s.now)
        let rowStyle = a.isActive ? p.base : p.muted
        let statusStyle = status == .busy ? p.good : status == .online ? p.base : p.muted
        let mark = TableCell(a.warning ? "!" : a.topShare ? "*" : "", a.warning ? p.warn : p.good)
        return [mark] + TeamColumn.visible(width: s.width).map { column -> TableCell in
            switch column {
            case .name: return TableCell(a.name ?? a.agentID, rowStyle)
            case .role: return TableCell(l.role(a.role), rowStyle)
            case .group: return TableCell(a.group ?? "", rowStyle)
            case .status: return TableCell(status.label(l), statusStyle)
            case .consults: return TableCell(Formats.count(a.tally.consults), rowStyle)
            case .receptions: return TableCell(Formats.count(a.tally.receptions), rowStyle)
            case .replyRate: return TableCell(Formats.percent(a.replyRate), p.judge(a.replyRate, team: team.replyRate, lowerIsBetter: false))
            case .conversion: return TableCell(Formats.percent(a.conversion), p.judge(a.conversion, team: team.conversion, lowerIsBetter: false))
            case .aov: return TableCell(a.aovFen.map(Formats.money) ?? Formats.none,
                                        p.judge(a.aovFen.map(Double.init), team: team.aovFen.map(Double.init), lowerIsBetter: false))
            case .sales: return TableCell(Formats.money(a.tally.salesFen), rowStyle)
            case .frt: return TableCell(Formats.seconds(a.frtSeconds), p.judge(a.frtSeconds, team: team.frtSeconds, lowerIsBetter: true))
            case .art: return TableCell(Formats.seconds(a.artSeconds), p.judge(a.artSeconds, team: team.artSeconds, lowerIsBetter: true))
            case .slowRatio: return TableCell(Formats.percent(a.slowRatio), p.judge(a.slowRatio, team: team.slowRatio, lowerIsBetter: true))
            case .satisfaction: return TableCell(Formats.percent(a.satisfaction),
                                                 p.judge(a.satisfaction, team: team.satisfaction, lowerIsBetter: false))
            case .score: return TableCell(Formats.score(a.score), p.judge(a.score, team: 100, lowerIsBetter: false))
            case .rank: return TableCell(a.rank.map(String.init) ?? Formats.none, rowStyle)
            }
        }
    }

    private static func drawTable(_ f: inout Frame, _ s: AppState, _ snap: DashboardSnapshot, _ p: Palette) {
        let top = tableTop(width: f.width, height: f.height)
        let rows = s.teamRowIndices()
        let agents = snap.today[s.rule].agents
        let team = snap.today[s.rule].team.tally
        let rect = Rect(x: 0, y: top, width: f.width, height: f.height - 1 - top)
        TableWidget.draw(&f, rect, columns: columns(s, width: f.width), rowCount: rows.count, row: { cells(agents[rows[$0]], team: team, s, snap, p) },
                         selected: rows.isEmpty ? nil : s.selection[.team] ?? 0, scroll: s.scroll[.team] ?? 0, palette: p)
        if rows.isEmpty {
            let msg = s.filter.isEmpty ? s.language.pick("今天还没有客服数据", "no agents with data today")
                                       : s.language.pick("没有匹配“\(s.filter)”的客服", "no agent matches “\(s.filter)”")
            f.put(msg, x: 2, y: top + 2, style: p.muted)
        }
    }
}

/// A KPI tile: label and value on the first line; an hourly sparkline of today and the change
/// against yesterday at the same time on the second.
struct KpiTile {
    enum Change { case relative, points }
    var zh: String
    var en: String
    var value: @Sendable (Tally) -> Double?
    var format: @Sendable (Double?) -> String
    var change: Change
    var lowerIsBetter: Bool

    static let all: [KpiTile] = [
        KpiTile(zh: "咨询", en: "Consults", value: { Double($0.consults) }, format: { Formats.count(Int($0 ?? 0)) }, change: .relative, lowerIsBetter: false),
        KpiTile(zh: "接待", en: "Receptions", value: { Double($0.receptions) }, format: { Formats.count(Int($0 ?? 0)) }, change: .relative, lowerIsBetter: false),
        KpiTile(zh: "回复率", en: "Reply", value: { $0.replyRate }, format: Formats.percent, change: .points, lowerIsBetter: false),
        KpiTile(zh: "转化率", en: "Conversion", value: { $0.conversion }, format: Formats.percent, change: .points, lowerIsBetter: false),
        KpiTile(zh: "销售额", en: "Sales", value: { Double($0.salesFen) }, format: { Formats.money(Fen(($0 ?? 0).rounded())) }, change: .relative, lowerIsBetter: false),
        KpiTile(zh: "客单价", en: "AOV", value: { $0.aovFen.map(Double.init) }, format: { $0.map { Formats.money(Fen($0.rounded())) } ?? Formats.none }, change: .relative, lowerIsBetter: false),
        KpiTile(zh: "首响", en: "FRT", value: { $0.frtSeconds }, format: Formats.seconds, change: .relative, lowerIsBetter: true),
        KpiTile(zh: "平均响应", en: "ART", value: { $0.artSeconds }, format: Formats.seconds, change: .relative, lowerIsBetter: true),
        KpiTile(zh: "慢响应", en: "Slow", value: { $0.slowRatio }, format: Formats.percent, change: .points, lowerIsBetter: true),
        KpiTile(zh: "30秒应答", en: "Fast 30s", value: { $0.fastRate }, format: Formats.percent, change: .points, lowerIsBetter: false),
        KpiTile(zh: "满意率", en: "Satisfied", value: { $0.satisfaction }, format: Formats.percent, change: .points, lowerIsBetter: false),
    ]

    /// `▲12%` (relative) or `▲1.2pt` (percentage points); empty when either side has no data.
    func changeText(today: Double?, yesterday: Double?) -> (String, Bool?) {
        guard let t = today, let y = yesterday else { return ("", nil) }
        let d: Double
        let text: String
        switch change {
        case .relative:
            guard y != 0 else { return ("", nil) }
            d = (t - y) / y
            text = Formats.decimal(min(abs(d) * 100, 999), 0) + "%"
        case .points:
            d = t - y
            text = Formats.decimal(abs(d) * 100, 1) + "pt"
        }
        if abs(d) < 0.0005 { return ("=" + text, nil) }
        return ((d > 0 ? "▲" : "▼") + text, (d > 0) != lowerIsBetter)
    }

    func draw(_ f: inout Frame, _ r: Rect, today: Tally, yesterday: Tally, hourly: [Tally], hour: Int, _ l: Language, _ p: Palette) {
        let v = value(today)
        f.put(l.pick(zh, en), x: r.x, y: r.y, style: p.muted, limit: r.maxX)
        let valueText = format(v)
        f.put(valueText, x: r.maxX - DisplayWidth.of(valueText), y: r.y, style: p.base.bolded(), limit: r.maxX)
        let (delta, improved) = changeText(today: v, yesterday: value(yesterday))
        let deltaWidth = DisplayWidth.of(delta)
        let sparkWidth = max(0, r.width - deltaWidth - 1)
        let hours = hourly.prefix(min(hour + 1, hourly.count)).map(value)
        let shown = Array(hours.suffix(sparkWidth))
        f.put(Sparkline.text(shown), x: r.x, y: r.y + 1, style: p.sparkline, limit: r.x + sparkWidth)
        let style = improved == nil ? p.muted : improved! ? p.good : p.bad
        f.put(delta, x: r.maxX - deltaWidth, y: r.y + 1, style: style, limit: r.maxX)
    }
}
