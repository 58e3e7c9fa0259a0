import KefuCore

/// The heatmap's staffing overlay: under the hour columns, today's agents to schedule and
/// agents on shift (wide cells) or a status mark per hour (narrow cells), coloured under /
/// fine / over; then the current hour and the short hours, and the legend with the service goal.
enum StaffingOverlay {
    /// Draws from row `top` (a blank row, the hour rows, a summary line, the legend).
    static func draw(_ f: inout Frame, _ plan: StaffingPlan?, hour: Int, labelWidth: Int, cell: Int, top: Int, _ l: Language, _ p: Palette) {
        guard let plan else {
            f.put(" " + l.pick("排班建议:还没有可用于预测的历史", "Staffing: no history to forecast from yet"), x: 0, y: top + 1, style: p.muted)
            return
        }
        var y = top + 1
        if cell >= 3 {
            f.put(l.pick("需排", "need"), x: 1, y: y, style: p.muted, limit: labelWidth)
            f.put(l.pick("已排", "on shift"), x: 1, y: y + 1, style: p.muted, limit: labelWidth)
            for h in plan.hours {
                let x = labelWidth + h.hour * cell
                f.put(h.scheduledNeeded.map(String.init) ?? "?", x: x, y: y, style: p.base, limit: x + cell - 1)
                f.put(StaffingText.agents(h.scheduled), x: x, y: y + 1, style: StaffingText.style(h.status, p), limit: x + cell - 1)
            }
            y += 2
        } else {
            f.put(l.pick("排班", "staffing"), x: 1, y: y, style: p.muted, limit: labelWidth)
            for h in plan.hours {
                f.put(String(StaffingText.mark(h)), x: labelWidth + h.hour * cell, y: y, style: StaffingText.style(h.status, p))
            }
            y += 1
        }
        let short = plan.hours.filter { $0.status == .under }.map { String($0.hour) }
        let now = f.put(" " + StaffingText.currentHour(plan.hours[hour], l), x: 0, y: y, style: StaffingText.style(plan.hours[hour].status, p))
        f.put(l.pick("  缺人时段 ", "  short at ") + (short.isEmpty ? Formats.none : short.joined(separator: " ") + l.pick("时", "h")),
              x: now, y: y, style: short.isEmpty ? p.muted : p.bad)
        var x = f.put(" ", x: 0, y: y + 1, style: p.muted)
        for (mark, status, name) in StaffingText.legend(l) {
            x = f.put(String(mark), x: x, y: y + 1, style: StaffingText.style(status, p))
            x = f.put(" " + name + "  ", x: x, y: y + 1, style: p.muted)
        }
        f.put(StaffingText.goal(plan.options, l), x: x, y: y + 1, style: p.muted)
    }
}
