import KefuCore

/// The drill-down's what-if panel (绩效模拟计算器): the levers with their moves, and the month's
/// score and pay now and after, from the core's `WhatIf` over the month's report.
enum WhatIfPanel {
    static func draw(_ f: inout Frame, _ panel: WhatIfState, _ snap: DashboardSnapshot, agentID: String, _ l: Language, _ p: Palette) {
        let levers = WhatIfState.levers
        let width = min(f.width - 4, 72)
        let height = min(f.height - 4, levers.count + 8)
        let rect = Rect(x: (f.width - width) / 2, y: max(2, (f.height - height) / 2), width: width, height: height)
        f.fill(rect, style: p.base)
        Box.draw(&f, rect, title: l.pick(" 绩效模拟 · 本月 · ↑↓ 选择 ←→ ±5% · Esc 关闭 ", " What if · this month · ↑↓ pick ←→ ±5% · Esc closes "), p)
        let x = rect.x + 2, inner = rect.maxX - 2
        guard let plan = snap.payPlan,
              let outcome = WhatIf(plan: plan).simulate(agentID: agentID, in: snap.month, kpiPoints: snap.monthKPIPoints[agentID],
                                                         adjustments: panel.adjustments) else {
            f.put(l.pick("本月未评分或没有薪酬方案,无法模拟", "not scored this month, or no pay plan: nothing to simulate"),
                  x: x, y: rect.y + 2, style: p.muted, limit: inner)
            return
        }
        var y = rect.y + 1
        f.put(DisplayWidth.fit(l.pick("指标", "Lever"), 14) + DisplayWidth.fit(l.pick("本月实际", "Now"), 12, alignRight: true)
              + DisplayWidth.fit(l.pick("调整", "Move"), 8, alignRight: true), x: x, y: y, style: p.muted, limit: inner)
        for (i, metric) in levers.enumerated() {
            y += 1
            let selected = i == panel.selected
            let style = selected ? p.selected : p.base
            if selected { f.fill(Rect(x: x - 1, y: y, width: rect.width - 2, height: 1), style: p.selected) }
            let n = panel.steps[i]
            let move = n == 0 ? "0%" : (n > 0 ? "+" : "−") + String(abs(n) * Int(WhatIfState.step * 100)) + "%"
            f.put(DisplayWidth.fit(MetricText.name(metric, l), 14) + DisplayWidth.fit(MetricText.format(metric, metric.value(in: outcome.before)), 12, alignRight: true)
                  + DisplayWidth.fit(move, 8, alignRight: true), x: x, y: y, style: style, limit: inner)
        }
        y += 2
        let rows: [(String, String, String)] = [
            (l.pick("得分", "Score"), Formats.score(outcome.before.score), Formats.score(outcome.after.score)),
            (l.pick("提成", "Commission"), Formats.yuan(roundFen(outcome.payBefore.commissionFen)), Formats.yuan(roundFen(outcome.payAfter.commissionFen))),
            (l.pick("岗位绩效", "Position"), Formats.yuan(roundFen(outcome.payBefore.positionFen)), Formats.yuan(roundFen(outcome.payAfter.positionFen))),
            (l.pick("合计", "Total pay"), Formats.yuan(outcome.payBefore.totalFen), Formats.yuan(outcome.payAfter.totalFen)),
        ]
        for (label, before, after) in rows where y < rect.maxY - 1 {
            var cx = f.put(DisplayWidth.fit(label, 14), x: x, y: y, style: p.muted, limit: inner)
            cx = f.put(DisplayWidth.fit(before, 12, alignRight: true) + "  →  ", x: cx, y: y, style: p.base, limit: inner)
            let changed = before != after
            f.put(after, x: cx, y: y, style: changed ? p.accent.bolded() : p.base, limit: inner)
            y += 1
        }
    }
}
