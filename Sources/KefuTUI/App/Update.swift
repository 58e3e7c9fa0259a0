import KefuCore

/// The dashboard's one state transition: keys, clicks, ticks, new data and resizes change the
/// state; anything needing the outside world (quitting, recomputing under another rule) is
/// returned as an effect. No I/O here.
public func update(_ state: inout AppState, _ event: AppEvent) -> [AppEffect] {
    switch event {
    case .data(let snapshot):
        state.snapshot = snapshot
        if let c = state.clock { state.clock = max(c, snapshot.now) } else { state.clock = snapshot.now }
        state.clampSelection()
        return []
    case .tick(let t):
        state.clock = t
        return []
    case .resize(let w, let h):
        state.width = w; state.height = h
        state.clampSelection()
        return []
    case .click(let x, let y):
        _ = x
        guard !state.showHelp, let body = ListGeometry.body(state.screen, width: state.width, height: state.height),
              y >= body.top, y < body.top + body.rows else { return [] }
        let row = (state.scroll[state.screen] ?? 0) + (y - body.top)
        if row < state.rowCount(on: state.screen) { state.selection[state.screen] = row }
        return []
    case .wheel(let delta):
        state.move(by: delta * 3)
        return []
    case .key(let key):
        return handle(key, &state)
    }
}

private func handle(_ key: Key, _ state: inout AppState) -> [AppEffect] {
    if key == .interrupt { state.quitting = true; return [.quit] }
    if state.editingFilter {
        switch key {
        case .enter: state.editingFilter = false
        case .escape: state.editingFilter = false; state.filter = ""
        case .backspace: if !state.filter.isEmpty { state.filter.removeLast() }
        case .char(let c): state.filter.append(c)
        case .up: state.move(by: -1)
        case .down: state.move(by: 1)
        default: break
        }
        state.clampSelection()
        return []
    }
    if state.showHelp {
        // Any key closes help; `q` still quits.
        state.showHelp = false
        if key == .char("q") { state.quitting = true; return [.quit] }
        return []
    }
    guard let action = KeyBindings.action(for: key, on: state.screen) else { return [] }
    return perform(action, &state)
}

private func perform(_ action: Action, _ state: inout AppState) -> [AppEffect] {
    let page = ListGeometry.body(state.screen, width: state.width, height: state.height)?.rows ?? 10
    if var panel = state.whatIf, state.screen == .agent {
        // The open what-if panel takes ↑/↓, ←/→ and Esc.
        let count = WhatIfState.levers.count
        switch action {
        case .up: panel.selected = (panel.selected + count - 1) % count
        case .down: panel.selected = (panel.selected + 1) % count
        case .leverDown: panel.steps[panel.selected] = max(-10, panel.steps[panel.selected] - 1)
        case .leverUp: panel.steps[panel.selected] = min(10, panel.steps[panel.selected] + 1)
        case .back, .toggleWhatIf: state.whatIf = nil; return []
        default: return performOutsidePanel(action, &state, page: page)
        }
        state.whatIf = panel
        return []
    }
    return performOutsidePanel(action, &state, page: page)
}

private func performOutsidePanel(_ action: Action, _ state: inout AppState, page: Int) -> [AppEffect] {
    switch action {
    case .up: state.move(by: -1)
    case .down: state.move(by: 1)
    case .top: state.move(by: Int.min / 2)
    case .bottom: state.move(by: Int.max / 2)
    case .pageUp: state.move(by: -page)
    case .pageDown: state.move(by: page)
    case .nextScreen: state.show(Screen(rawValue: state.screen.rawValue % Screen.allCases.count + 1)!)
    case .previousScreen: state.show(Screen(rawValue: (state.screen.rawValue + 3) % Screen.allCases.count + 1)!)
    case .show(let screen): state.show(screen)
    case .drillDown:
        if let agent = state.selectedAgent(on: state.screen) {
            state.returnScreen = state.screen
            state.agentID = agent.agentID
            state.screen = .agent
            state.whatIf = nil
        }
    case .back:
        if !state.filter.isEmpty { state.filter = ""; state.clampSelection() }
        else if state.screen == .agent { state.screen = state.returnScreen; state.whatIf = nil }
    case .filter: state.editingFilter = true
    case .cycleSort:
        let visible = TeamColumn.visible(width: state.width)
        state.sortColumn = visible[((visible.firstIndex(of: state.sortColumn) ?? -1) + 1) % visible.count]
        state.sortDescending = state.sortColumn.descendingByDefault
    case .reverseSort: state.sortDescending.toggle()
    case .switchRule:
        let all = AttributionRule.allCases
        state.rule = all[(all.firstIndex(of: state.rule)! + 1) % all.count]
        state.clampSelection()
        return [.switchRule(state.rule)]
    case .cycleTheme: state.themeIndex = (state.themeIndex + 1) % state.themeCount
    case .toggleLanguage: state.language = state.language.other
    case .cycleHeatMetric:
        let all = HeatmapMetric.allCases
        state.heatMetric = all[(all.firstIndex(of: state.heatMetric)! + 1) % all.count]
    case .toggleHeatSpan: state.heatByWeekday.toggle()
    case .toggleStaffing: state.staffingOverlay.toggle()
    case .toggleWhatIf: state.whatIf = WhatIfState()
    case .leverDown, .leverUp: break
    case .togglePeriod: state.period = state.period == .today ? .month : .today; state.clampSelection()
    case .help: state.showHelp = true
    case .quit, .quitNow: state.quitting = true; return [.quit]
    }
    return []
}

extension AppState {
    /// Switches screen; the agent screen without a chosen agent opens the team's selected one.
    mutating func show(_ target: Screen) {
        if target == .agent, agentID == nil { agentID = selectedAgent(on: .team)?.agentID }
        if target == .agent, screen != .agent { returnScreen = screen }
        if target != .agent { whatIf = nil }
        screen = target
    }

    /// Moves the selection, keeping it in the list and on screen.
    mutating func move(by delta: Int) {
        let count = rowCount(on: screen)
        guard count > 0 else { return }
        let current = selection[screen] ?? 0
        let next = delta > 0 ? (current > count - 1 - delta ? count - 1 : current + delta)
                             : (current < -delta ? 0 : current + delta)
        selection[screen] = next
        keepVisible()
    }

    /// After the list changed (filter, data, period, resize): selection within it, and visible.
    mutating func clampSelection() {
        for screen in [Screen.team, .warnings, .rules] {
            let count = rowCount(on: screen)
            selection[screen] = min(max(0, selection[screen] ?? 0), max(0, count - 1))
        }
        keepVisible()
    }

    private mutating func keepVisible() {
        guard let body = ListGeometry.body(screen, width: width, height: height) else { return }
        let sel = selection[screen] ?? 0
        var top = scroll[screen] ?? 0
        if sel < top { top = sel }
        if sel >= top + body.rows { top = sel - body.rows + 1 }
        let count = rowCount(on: screen)
        top = max(0, min(top, max(0, count - body.rows)))
        scroll[screen] = top
    }
}
