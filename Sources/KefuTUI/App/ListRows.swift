import KefuCore

/// Where a screen's list body sits, shared by `render` (to draw it) and `update` (to page,
/// scroll and map mouse clicks to rows).
public enum ListGeometry {
    /// First body row and number of body rows of the list on `screen`, or nil when it has none.
    public static func body(_ screen: Screen, width: Int, height: Int) -> (top: Int, rows: Int)? {
        switch screen {
        case .team:
            let top = TeamScreen.tableTop(width: width, height: height) + 1
            return (top, max(1, height - 1 - top))
        case .warnings: return (4, max(1, height - 3 - 4))
        case .rules: return (5, max(1, height - 2 - 5))
        case .heatmap, .agent: return nil
        }
    }
}

extension AppState {
    /// The instant "now" for presence and freshness: the clock, else the snapshot's time.
    var now: Instant { clock ?? snapshot?.now ?? 0 }

    /// Whether an agent matches the `/` filter (name, id, role in either language, group).
    func matchesFilter(_ a: AgentMetrics) -> Bool {
        let f = filter.lowercased()
        if f.isEmpty { return true }
        let fields = [a.name ?? "", a.agentID, a.role?.rawValue ?? "", Language.zh.role(a.role), Language.en.role(a.role), a.group ?? ""]
        return fields.contains { $0.lowercased().contains(f) }
    }

    /// The team table's rows: today's agents under the active rule, filtered and sorted.
    public func teamRows() -> [AgentMetrics] {
        guard let snap = snapshot else { return [] }
        let rows = snap.today[rule].agents.filter(matchesFilter)
        return rows.sorted { a, b in
            switch compare(a, b, by: sortColumn, snap) {
            case .some(let less): return less
            case .none: return a.agentID.utf8.lexicographicallyPrecedes(b.agentID.utf8)
            }
        }
    }

    /// `a` before `b`? nil when equal on the column. Missing values always sort last.
    private func compare(_ a: AgentMetrics, _ b: AgentMetrics, by column: TeamColumn, _ snap: DashboardSnapshot) -> Bool? {
        func order<T: Comparable>(_ x: T?, _ y: T?) -> Bool? {
            switch (x, y) {
            case (nil, nil): return nil
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): return x == y ? nil : (sortDescending ? x > y : x < y)
            }
        }
        switch column {
        case .name: return order(a.name ?? a.agentID, b.name ?? b.agentID)
        case .role: return order(a.role, b.role)
        case .group: return order(a.group, b.group)
        case .receptions: return order(a.tally.receptions, b.tally.receptions)
        case .replyRate: return order(a.replyRate, b.replyRate)
        case .art: return order(a.artSeconds, b.artSeconds)
        case .satisfaction: return order(a.satisfaction, b.satisfaction)
        case .status: return order(AgentStatus(lastActivity: snap.lastActivity[a.agentID], now: now),
                                   AgentStatus(lastActivity: snap.lastActivity[b.agentID], now: now))
        case .consults: return order(a.tally.consults, b.tally.consults)
        case .conversion: return order(a.conversion, b.conversion)
        case .aov: return order(a.aovFen, b.aovFen)
        case .sales: return order(a.tally.salesFen, b.tally.salesFen)
        case .frt: return order(a.frtSeconds, b.frtSeconds)
        case .slowRatio: return order(a.slowRatio, b.slowRatio)
        case .score: return order(a.score, b.score)
        case .rank: return order(a.rank, b.rank)
        }
    }

    /// The report the Warnings and Agent screens show (today's or the month's).
    public var periodReport: Report? {
        guard let snap = snapshot else { return nil }
        return period == .today ? snap.today[rule] : snap.month
    }

    /// The warning list for the period shown, by role then score, filtered.
    public func warningRows() -> [AgentMetrics] { (periodReport?.warnings ?? []).filter(matchesFilter) }

    /// The Rules screen's rows: today's agents with data, by sales under the active rule.
    public func ruleRows() -> [AgentMetrics] {
        guard let snap = snapshot else { return [] }
        return snap.today[rule].agents.filter { $0.isActive && matchesFilter($0) }.sorted {
            $0.tally.salesFen != $1.tally.salesFen ? $0.tally.salesFen > $1.tally.salesFen
                : $0.agentID.utf8.lexicographicallyPrecedes($1.agentID.utf8)
        }
    }

    public func rows(on screen: Screen) -> [AgentMetrics] {
        switch screen {
        case .team: return teamRows()
        case .warnings: return warningRows()
        case .rules: return ruleRows()
        case .heatmap, .agent: return []
        }
    }

    /// The agent under the selection on a list screen.
    public func selectedAgent(on screen: Screen) -> AgentMetrics? {
        let rows = rows(on: screen)
        let i = selection[screen] ?? 0
        return rows.indices.contains(i) ? rows[i] : nil
    }
}
