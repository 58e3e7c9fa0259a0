import KefuCore

/// The parts every screen shares: the header (shop, day, clock, live indicator, rule), the
/// screen tabs, and the footer with key hints or the filter being typed.
enum Chrome {
    static func header(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        let l = s.language
        f.fill(Rect(x: 0, y: 0, width: f.width, height: 1), style: p.header)
        var x = f.put(" kefu ", x: 0, y: 0, style: p.header)
        guard let snap = s.snapshot else {
            f.put(l.pick("正在载入数据…", "loading…"), x: x + 1, y: 0, style: p.header)
            return
        }
        x = f.put(snap.shop + "  ", x: x, y: 0, style: p.header)
        let day = snap.zone.day(of: s.now)
        let date = String(day.description.dropFirst(5))
        x = f.put("\(date) \(l.weekday(day.weekday)) \(Formats.clock(s.now, zone: snap.zone))  ", x: x, y: 0, style: p.header)
        var live = p.header
        let text: String
        if let newest = snap.newestRecord {
            let age = s.now - newest
            live.fg = age <= 60_000 ? p.theme.good : age <= 600_000 ? p.theme.warn : p.theme.bad
            text = (age <= 600_000 ? "● " + l.pick("实时 ", "live ") : "○ " + l.pick("滞后 ", "stale ")) + Formats.age(ms: age)
        } else {
            live.fg = p.theme.bad
            text = "○ " + l.pick("无数据", "no data")
        }
        x = f.put(text + "  ", x: x, y: 0, style: live)
        let rule = l.pick("规则:", "rule: ") + l.rule(s.rule) + (snap.rule == s.rule ? "" : "…")
        f.put(rule, x: max(x, f.width - DisplayWidth.of(rule) - 1), y: 0, style: p.header)
    }

    static func tabs(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        var x = 1
        for screen in Screen.allCases {
            let label = " \(screen.rawValue) \(screen.title(s.language)) "
            x = f.put(label, x: x, y: 1, style: screen == s.screen ? p.selected.bolded() : p.muted) + 1
        }
    }

    static func footer(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        let y = f.height - 1
        let l = s.language
        f.fill(Rect(x: 0, y: y, width: f.width, height: 1), style: p.base)
        if s.editingFilter || !s.filter.isEmpty {
            var x = f.put(" / ", x: 0, y: y, style: p.accent)
            x = f.put(s.filter + (s.editingFilter ? "▏" : ""), x: x, y: y, style: p.base)
            let hint = s.editingFilter ? l.pick("  Enter 确定 · Esc 清除", "  Enter apply · Esc clear") : l.pick("  Esc 清除筛选", "  Esc clear filter")
            f.put(hint, x: x, y: y, style: p.muted)
            return
        }
        var x = 1
        let hints: [Action] = [.help, .nextScreen, .drillDown, .filter, .cycleSort, .cycleHeatMetric, .togglePeriod, .switchRule, .cycleTheme, .toggleLanguage, .quit]
        for b in KeyBindings.bindings(on: s.screen) where hints.contains(b.action) {
            // Only whole hints: one that does not fit ends the line.
            guard x + DisplayWidth.of(b.label + " " + b.help(l)) < f.width else { break }
            let keyEnd = f.put(b.label, x: x, y: y, style: p.accent)
            x = f.put(" " + b.help(l) + "  ", x: keyEnd, y: y, style: p.muted)
        }
    }

    /// A section title on row `y`, clipped two columns before the right-hand hint.
    static func title(_ f: inout Frame, _ text: String, y: Int, _ p: Palette, right: String = "") {
        let hintX = right.isEmpty ? f.width : max(0, f.width - DisplayWidth.of(right) - 1)
        f.put(" " + text, x: 0, y: y, style: p.title, limit: right.isEmpty ? nil : hintX - 2)
        if !right.isEmpty { f.put(right, x: hintX, y: y, style: p.muted) }
    }
}

/// Below the minimum size: say which size is needed instead of drawing a broken screen.
enum MinSizeScreen {
    static let width = 72
    static let height = 20

    static func draw(_ f: inout Frame, _ l: Language, _ p: Palette) {
        let lines = [l.pick("窗口太小", "Terminal too small"),
                     l.pick("需要 \(width)×\(height),当前 \(f.width)×\(f.height)", "need \(width)×\(height), have \(f.width)×\(f.height)"),
                     l.pick("q 退出", "q quits")]
        let top = max(0, (f.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (f.width - DisplayWidth.of(line)) / 2)
            f.put(line, x: x, y: top + i, style: i == 0 ? p.warn : p.base)
        }
    }
}

/// The `?` overlay: every binding of the keybinding table that applies on this screen and,
/// on the agent screen, each scorecard metric's definition.
enum HelpOverlay {
    static func draw(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        let l = s.language
        let keys = KeyBindings.bindings(on: s.screen).map { ($0.label, $0.help(l)) }
        // On the agent screen, the definitions of the scorecard's metrics come first.
        let definitions = s.screen == .agent ? (s.drillAgent?.scorecard ?? []).map {
            (MetricText.name($0.metric, l), MetricText.definition($0.metric, l)) } : []
        let width = f.width - 4
        let columnWidth = (width - 4) / 2
        let keyRows = (keys.count + 1) / 2
        let height = min(f.height - 2, keyRows + definitions.count + (definitions.isEmpty ? 0 : 1) + 3)
        let rect = Rect(x: 2, y: max(1, (f.height - height) / 2), width: width, height: height)
        f.fill(rect, style: p.base)
        Box.draw(&f, rect, title: l.pick(" 帮助 · 任意键关闭 ", " Help · any key closes "), p)
        var y = rect.y + 2
        let nameWidth = definitions.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (name, text) in definitions where y < rect.maxY - 1 {
            f.put(DisplayWidth.fit(name, nameWidth), x: rect.x + 2, y: y, style: p.title)
            f.put(text, x: rect.x + 4 + nameWidth, y: y, style: p.base, limit: rect.maxX - 2)
            y += 1
        }
        if !definitions.isEmpty { y += 1 }
        let keyWidth = keys.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (i, (key, text)) in keys.enumerated() {
            let row = y + i % keyRows
            guard row < rect.maxY - 1 else { continue }
            let x = rect.x + 2 + (i / keyRows) * (columnWidth + 2)
            f.put(DisplayWidth.fit(key, keyWidth), x: x, y: row, style: p.accent)
            f.put(text, x: x + keyWidth + 2, y: row, style: p.base, limit: min(rect.maxX - 2, x + columnWidth))
        }
    }
}

/// A single-line box border with a title.
enum Box {
    static func draw(_ f: inout Frame, _ r: Rect, title: String, _ p: Palette) {
        guard r.width >= 2, r.height >= 2 else { return }
        let inner = r.width - 2
        f.put("┌" + String(repeating: "─", count: inner) + "┐", x: r.x, y: r.y, style: p.border)
        for y in (r.y + 1)..<(r.maxY - 1) {
            f.put("│", x: r.x, y: y, style: p.border)
            f.put("│", x: r.maxX - 1, y: y, style: p.border)
        }
        f.put("└" + String(repeating: "─", count: inner) + "┘", x: r.x, y: r.maxY - 1, style: p.border)
        f.put(title, x: r.x + 2, y: r.y, style: p.title, limit: r.maxX - 1)
    }
}
