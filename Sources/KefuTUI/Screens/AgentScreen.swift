import KefuCore

/// Screen 4: one agent. The scorecard (actual, baseline, achievement, weight, points), the
/// headline figures, the month's pay, consults by hour today, the slowest answers, and the
/// orders credited to or assisted by the agent under the active rule (buyer ids masked).
enum AgentScreen {
    static func columns(_ l: Language) -> [TableColumn] {
        [TableColumn(l.pick("考核项", "Item"), width: 10, alignRight: false, flexible: true, maxWidth: 18),
         TableColumn(l.pick("实际", "Actual"), width: 9), TableColumn(l.pick("基准", "Baseline"), width: 9),
         TableColumn(l.pick("达成", "Achieved"), width: 8), TableColumn("", width: 12, alignRight: false),
         TableColumn(l.pick("权重", "Weight"), width: 6),
         TableColumn(l.pick("得分", "Points"), width: 6)]
    }

    static func draw(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        let l = s.language
        guard let snap = s.snapshot, let a = s.drillAgent else {
            f.put(l.pick("在团队、预警或规则屏选中客服后按 Enter", "select an agent on the team, warnings or rules screen and press Enter"),
                  x: 2, y: 3, style: p.muted)
            return
        }
        let period = s.period == .today ? l.pick("今日", "today") : l.pick("本月", "this month")
        var x = f.put(" " + (a.name ?? a.agentID), x: 0, y: 2, style: p.title)
        x = f.put("  \(a.agentID) · \(l.role(a.role))" + (a.group.map { " · " + $0 } ?? "") + (a.grade.map { " · L\($0)" } ?? "") + " · " + period,
                  x: x, y: 2, style: p.muted)
        let verdict = l.pick("得分 ", "score ") + Formats.score(a.score) + "  " + l.pick("排名 ", "rank ") + (a.rank.map(String.init) ?? Formats.none)
            + (a.warning ? l.pick("  ! 预警", "  ! warning") : a.topShare ? l.pick("  * 利润分成", "  * top share") : "")
            + (s.period == .month && snap.eliminationReview.contains(a.agentID) ? l.pick("  ✕ 淘汰审核", "  ✕ review") : "")
        f.put(verdict, x: max(x + 2, f.width - DisplayWidth.of(verdict) - 1), y: 2, style: a.warning ? p.warn : p.base)

        var y = 4
        if a.scorecard.isEmpty {
            f.put(l.pick("本期未评分:没有咨询、主动跟进或工单,或岗位未知", "not scored this period: no consults, outreach or tickets, or no known role"),
                  x: 2, y: 3, style: p.muted)
        } else {
            let rows = a.scorecard.map { line -> [TableCell] in
                let style = line.lost > 0.5 ? p.bad : line.lost < -0.5 ? p.good : p.base
                return [TableCell(MetricText.name(line.metric, l) + (line.noData ? l.pick("(无数据)", " (no data)") : "")),
                        TableCell(MetricText.format(line.metric, line.actual)), TableCell(MetricText.format(line.metric, line.baseline)),
                        TableCell(Formats.percent(line.achievement), style),
                        // Points against the weight: a full bar is on target (or beyond it).
                        TableCell(Bar.text(line.weight > 0 ? line.points / line.weight : 1, width: 12), style),
                        TableCell(Formats.decimal(line.weight, 0)),
                        TableCell(Formats.decimal(line.points, 1), style)]
            }
            TableWidget.draw(&f, Rect(x: 0, y: 3, width: f.width, height: rows.count + 1), columns: columns(l), rows: rows,
                             selected: nil, scroll: 0, palette: p)
            y = 4 + rows.count
        }
        // Sections are a blank line apart when the terminal is tall enough, else packed.
        let gap = f.height >= 30 ? 1 : 0
        y = figures(&f, a, y: y, l, p) + 1 + gap
        y = AgentPaySection.draw(&f, snap, agentID: a.agentID, y: y, l, p) + 1 + gap
        y = hourly(&f, snap.hourlyConsults[a.agentID], hour: snap.hour, y: y, l, p) + gap
        y = slowest(&f, snap.slowestTurns[a.agentID] ?? [], zone: snap.zone, y: y, l, p) + gap
        AgentOrdersSection.draw(&f, (s.period == .today ? snap.todayOrders : snap.monthOrders)[a.agentID] ?? [],
                                today: s.period == .today, zone: snap.zone, y: y, l, p)
        if let panel = s.whatIf { WhatIfPanel.draw(&f, panel, snap, agentID: a.agentID, l, p) }
    }

    /// The agent's headline figures for the period, label/value pairs; returns the last row.
    private static func figures(_ f: inout Frame, _ a: AgentMetrics, y: Int, _ l: Language, _ p: Palette) -> Int {
        let t = a.tally
        let pairs: [(String, String)] = [
            (l.pick("咨询", "consults"), Formats.count(t.consults)), (l.pick("接待", "receptions"), Formats.count(t.receptions)),
            (l.pick("回复率", "reply"), Formats.percent(a.replyRate)), (l.pick("转化率", "conversion"), Formats.percent(a.conversion)),
            (l.pick("销售额", "sales"), Formats.money(t.salesFen)), (l.pick("客单价", "AOV"), a.aovFen.map(Formats.exactMoney) ?? Formats.none),
            (l.pick("首响", "FRT"), Formats.seconds(a.frtSeconds)), (l.pick("平均响应", "ART"), Formats.seconds(a.artSeconds)),
            (l.pick("慢响应", "slow"), Formats.percent(a.slowRatio)), (l.pick("满意率", "satisfied"), Formats.percent(a.satisfaction)),
            (l.pick("协助", "assists"), Formats.count(t.assistOrders) + "/" + Formats.money(t.assistFen)),
            (l.pick("退款率", "refunds"), Formats.percent(a.refundRate)),
        ]
        return Pairs.draw(&f, pairs, x: 1, y: y, p)
    }

    private static func hourly(_ f: inout Frame, _ counts: [Int]?, hour: Int, y: Int, _ l: Language, _ p: Palette) -> Int {
        guard y < f.height - 3, let counts else { return y }
        let label = l.pick(" 今日每小时咨询 ", " Consults by hour today ")
        let x = f.put(label, x: 0, y: y, style: p.muted)
        let values: [Double?] = counts.prefix(24).enumerated().map { $0.offset <= hour ? Double($0.element) : nil }
        f.put(Sparkline.text(values), x: x, y: y, style: p.sparkline)
        f.put("0" + String(repeating: " ", count: 11) + "12" + String(repeating: " ", count: 9) + "23", x: x, y: y + 1, style: p.muted)
        return y + 2
    }

    private static func slowest(_ f: inout Frame, _ turns: [SlowTurn], zone: ShopTimeZone, y: Int, _ l: Language, _ p: Palette) -> Int {
        guard y < f.height - 1, !turns.isEmpty else { return y }
        var x = f.put(l.pick(" 今日最慢响应 ", " Slowest answers today "), x: 0, y: y, style: p.muted)
        for t in turns.prefix(5) {
            x = f.put(String(Formats.clock(t.openedAt, zone: zone).prefix(5)) + " " + Formats.maskBuyer(t.buyer) + " ", x: x, y: y, style: p.base)
            x = f.put(Formats.seconds(Double(t.responseMs) / 1000) + "   ", x: x, y: y, style: p.bad)
        }
        return y + 1
    }
}

extension AppState {
    /// The agent the agent screen shows, in the period shown.
    var drillAgent: AgentMetrics? {
        guard let id = agentID else { return nil }
        return periodReport?.agents.first { $0.agentID == id }
    }
}
