import KefuCore

/// The drill-down's pay line for the month (SPEC §7), from the core's pay run: base, position
/// pay, commission with its satisfaction gate, general KPI pay and the total, in yuan.
enum AgentPaySection {
    /// Draws the section from row `y`; returns the last row written.
    static func draw(_ f: inout Frame, _ snap: DashboardSnapshot, agentID: String, y: Int, _ l: Language, _ p: Palette) -> Int {
        guard y < f.height - 2 else { return y }
        let x = f.put(l.pick(" 本月薪酬  ", " Pay this month  "), x: 0, y: y, style: p.muted)
        guard let run = snap.monthPay else {
            f.put(l.pick("没有薪酬方案", "no pay plan configured"), x: x, y: y, style: p.muted)
            return y
        }
        guard let pay = run.line(for: agentID)?.pay else {
            f.put(l.pick("岗位未知,不在薪酬核算中", "no known role: not in the pay run"), x: x, y: y, style: p.muted)
            return y
        }
        let pairs = items(pay, l)
        return Pairs.draw(&f, pairs, x: x, y: y, p)
    }

    /// The breakdown as label/value pairs, the total last.
    static func items(_ pay: PayBreakdown, _ l: Language) -> [(String, String)] {
        func yuan(_ fen: Double) -> String { Formats.yuan(roundFen(fen)) }
        return [(l.pick("底薪", "base"), yuan(pay.baseFen)),
                (l.pick("岗位绩效", "position"), yuan(pay.positionFen)),
                (l.pick("提成", "commission"), yuan(pay.commissionFen) + l.pick("(门槛×", " (gate ×") + Formats.decimal(pay.gateFactor, 2) + ")"),
                (l.pick("综合KPI", "general KPI"), yuan(pay.kpiFen)),
                (l.pick("合计", "total"), Formats.yuan(pay.totalFen))]
    }
}

/// Label/value pairs laid out left to right, wrapping to the next line (at `x`) when one
/// does not fit.
enum Pairs {
    /// Returns the last row written.
    static func draw(_ f: inout Frame, _ pairs: [(String, String)], x start: Int, y: Int, _ p: Palette) -> Int {
        var x = start, line = y
        for (label, value) in pairs {
            let w = DisplayWidth.of(label) + 1 + DisplayWidth.of(value) + 3
            if x + w > f.width, x > start { x = start; line += 1 }
            x = f.put(label + " ", x: x, y: line, style: p.muted)
            x = f.put(value, x: x, y: line, style: p.base.bolded()) + 3
        }
        return line
    }
}
