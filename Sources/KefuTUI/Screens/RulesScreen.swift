import KefuCore

/// Screen 5: sales, conversion and rank of every agent under the three attribution rules,
/// side by side (today), with the team's credited and silent sales under each.
enum RulesScreen {
    static let rules: [AttributionRule] = [.order, .payment, .orderFirst]

    static func columns(_ l: Language) -> [TableColumn] {
        var cols = [TableColumn(l.pick("姓名", "Name"), width: 8, alignRight: false, flexible: true, maxWidth: 20)]
        for _ in rules {
            cols += [TableColumn(l.pick("销售额", "Sales"), width: 9), TableColumn(l.pick("转化率", "Conv"), width: 6),
                     TableColumn(l.pick("排名", "Rank"), width: 4)]
        }
        return cols
    }

    static func draw(_ f: inout Frame, _ s: AppState, _ p: Palette) {
        guard let snap = s.snapshot else { return }
        let l = s.language
        Chrome.title(&f, l.pick("判定规则对比 · 今日", "Attribution rules side by side · today"), y: 2, p,
                     right: l.pick("r 切换当前规则", "r switches the active rule"))
        let cols = columns(l)
        let widths = TableWidget.widths(cols, total: f.width)
        var x = widths[0] + 1
        for rule in rules {
            let block = widths[1] + widths[2] + widths[3] + 2
            let style = rule == s.rule ? p.selected.bolded() : p.accent
            f.put(DisplayWidth.fit((rule == s.rule ? "▸" : " ") + l.rule(rule), block), x: x, y: 3, style: style)
            x += block + 1
        }
        let rows = s.ruleRowIndices()
        let agents = snap.today[s.rule].agents
        var lookup = RuleLookup(snap.today)
        func table(_ i: Int) -> [TableCell] {
            let a = agents[rows[i]]
            var cells = [TableCell(a.name ?? a.agentID)]
            for rule in rules {
                let m = lookup.agent(a.agentID, at: rows[i], under: rule)
                let active = rule == s.rule ? p.base.bolded() : p.base
                cells += [TableCell(m.map { Formats.money($0.tally.salesFen) } ?? Formats.none, active),
                          TableCell(Formats.percent(m?.conversion), active), TableCell(m?.rank.map(String.init) ?? Formats.none, active)]
            }
            return cells
        }
        let body = ListGeometry.body(.rules, width: f.width, height: f.height)!
        TableWidget.draw(&f, Rect(x: 0, y: body.top - 1, width: f.width, height: body.rows + 1), columns: cols, rowCount: rows.count, row: table,
                         selected: rows.isEmpty ? nil : s.selection[.rules] ?? 0, scroll: s.scroll[.rules] ?? 0, palette: p)
        // Team line: credited sales and, beneath the rule, the silent sales.
        let y = f.height - 2
        f.put(DisplayWidth.fit(l.pick("团队 / 静默", "Team / silent"), widths[0]), x: 0, y: y, style: p.title)
        x = widths[0] + 1
        for rule in rules {
            let team = snap.today[rule].team
            let block = widths[1] + widths[2] + widths[3] + 2
            f.put(DisplayWidth.fit(Formats.money(team.tally.salesFen) + " / " + Formats.money(team.silentSalesFen), block, alignRight: false),
                  x: x, y: y, style: p.muted)
            x += block + 1
        }
    }
}

/// Finds an agent of one rule's report in another's. The reports list the same agents in the
/// same order (agents.csv, then the others by id) unless an agent missing from agents.csv has
/// figures under one rule only, so the same position is tried first; an index by id is built
/// only when that misses.
private struct RuleLookup {
    let reports: RuleReports
    private var byID: [AttributionRule: [String: Int]] = [:]

    init(_ reports: RuleReports) { self.reports = reports }

    /// Agent `id`, found at `index` in the active rule's report, in the report under `rule`.
    mutating func agent(_ id: String, at index: Int, under rule: AttributionRule) -> AgentMetrics? {
        let agents = reports[rule].agents
        if index < agents.count, agents[index].agentID == id { return agents[index] }
        if byID[rule] == nil {
            var map: [String: Int] = [:]
            for (i, a) in agents.enumerated() { map[a.agentID] = i }
            byID[rule] = map
        }
        return byID[rule]![id].map { agents[$0] }
    }
}
