import KefuCore

/// Screen 2: load by hour (0–23) × day (the last 14 days, or weekdays), for a chosen metric,
/// shaded ░▒▓█ and coloured along the theme's heat gradient, with a legend. With `o`, today's
/// staffing plan under the grid (SPEC §9): agents needed and on shift per hour, under- and
/// overstaffed hours marked and coloured, with its own legend.
enum HeatmapScreen {
    static let shades: [Character] = ["░", "▒", "▓", "█"]

    static func draw(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        guard let snap = s.snapshot else { return }
        let l = s.language
        let span = !s.heatByWeekday ? l.pick("近14天", "last 14 days") : l.pick("按星期平均", "by weekday")
        Chrome.title(&f, l.pick("负载热力图", "Load heatmap") + " · " + s.heatMetric.name(l) + " · " + span, y: 2, p,
                     right: l.pick("m 指标  w 天/星期  o 排班", "m metric  w days/weekdays  o staffing"))
        guard let grid = snap.heatmaps[HeatmapKey(s.heatMetric, byWeekday: s.heatByWeekday)], !grid.rows.isEmpty else {
            f.put(l.pick("还没有足够的历史数据", "not enough history yet"), x: 2, y: 4, style: p.muted)
            return
        }
        let labelWidth = 12
        let cell = max(2, min(5, (f.width - labelWidth - 1) / 24))
        // With the staffing overlay the newest days that fit are shown above it.
        let overlayRows = s.staffingOverlay ? (cell >= 3 ? 2 : 1) + 3 : 0
        let fitting = max(1, f.height - 2 - 4 - overlayRows)
        let first = s.staffingOverlay ? max(0, grid.rows.count - fitting) : 0
        // Hour axis: every hour when cells are wide, else every third.
        let step = cell >= 3 ? 1 : 3
        for h in stride(from: 0, to: 24, by: step) {
            f.put(String(h), x: labelWidth + h * cell, y: 3, style: p.muted)
        }
        let top = grid.max ?? 0
        let today = snap.zone.day(of: s.now)
        let hour = snap.zone.hour(of: s.now)
        for (i, row) in grid.rows.enumerated() where i >= first {
            let y = 4 + i - first
            guard y < f.height - 3 else { break }
            f.put(label(row, l), x: 1, y: y, style: p.muted, limit: labelWidth)
            for (h, v) in grid.cells[i].prefix(24).enumerated() {
                // Hours of today still ahead of the clock are left blank, not shown as zero.
                if case .day(let d) = row, d == today, h > hour { continue }
                let (glyph, style) = shade(v, top: top, p)
                f.put(String(repeating: String(glyph), count: cell - 1), x: labelWidth + h * cell, y: y, style: style)
            }
        }
        if s.staffingOverlay {
            StaffingOverlay.draw(&f, snap.staffing, hour: hour, labelWidth: labelWidth, cell: cell,
                                 top: f.height - 2 - overlayRows, l, p)
            legend(&f, y: f.height - 2, top: top, s.heatMetric, l, p)
        } else {
            legend(&f, y: min(f.height - 2, 5 + grid.rows.count), top: top, s.heatMetric, l, p)
        }
    }

    static func label(_ label: HeatmapRow, _ l: Language) -> String {
        switch label {
        case .day(let d): return String(d.description.dropFirst(5)) + " " + l.weekday(d.weekday)
        case .weekday(let w): return l.weekday(w)
        }
    }

    /// The glyph and style of a value: nothing for no data, `·` for zero, then four steps.
    static func shade(_ v: Double?, top: Double, _ p: Palette) -> (Character, Style) {
        guard let v else { return (" ", p.muted) }
        guard top > 0, v > 0 else { return ("·", p.muted) }
        let position = v / top
        let step = min(3, Int(position * 4 - 1e-9))
        return (shades[max(0, step)], Style(fg: p.theme.heat(position), bg: p.theme.background))
    }

    private static func legend(_ f: inout Frame, y: Int, top: Double, _ metric: HeatmapMetric, _ l: Language, _ p: Palette) {
        var x = f.put(" " + l.pick("图例", "Legend") + "  · 0  ", x: 0, y: y, style: p.muted)
        for (i, glyph) in shades.enumerated() {
            let hi = top * Double(i + 1) / 4
            x = f.put(String(glyph), x: x, y: y, style: Style(fg: p.theme.heat(Double(i + 1) / 4), bg: p.theme.background))
            x = f.put(" ≤" + metric.format(hi) + "  ", x: x, y: y, style: p.muted)
        }
        f.put(l.pick("最大 ", "max ") + metric.format(top), x: x, y: y, style: p.base)
    }
}
