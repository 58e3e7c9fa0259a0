import Foundation
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
        if filter.isEmpty { return true }
        let f = filter.lowercased()
        let fields = [a.name ?? "", a.agentID, a.role?.rawValue ?? "", Language.zh.role(a.role), Language.en.role(a.role), a.group ?? ""]
        return fields.contains { $0.lowercased().contains(f) }
    }

    /// The team table's rows: today's agents under the active rule, filtered and sorted.
    public func teamRows() -> [AgentMetrics] {
        guard let agents = snapshot?.today[rule].agents else { return [] }
        return teamRowIndices().map { agents[$0] }
    }

    /// The team table's rows as indices into today's report under the active rule: filtered,
    /// then sorted on the sort column (missing values last), ties by agent id.
    func teamRowIndices() -> [Int] {
        guard let snap = snapshot else { return [] }
        let agents = snap.today[rule].agents
        let rows = agents.indices.filter { matchesFilter(agents[$0]) }
        let now = self.now
        switch sortColumn {
        case .name: return sorted(rows, agents) { $0.name ?? $0.agentID }
        case .role: return sorted(rows, agents) { $0.role }
        case .group: return sorted(rows, agents) { $0.group }
        case .status: return sorted(rows, agents) { AgentStatus(lastActivity: snap.lastActivity[$0.agentID], now: now) }
        case .consults: return sorted(rows, agents) { $0.tally.consults }
        case .receptions: return sorted(rows, agents) { $0.tally.receptions }
        case .replyRate: return sorted(rows, agents) { $0.replyRate }
        case .conversion: return sorted(rows, agents) { $0.conversion }
        case .aov: return sorted(rows, agents) { $0.aovFen }
        case .sales: return sorted(rows, agents) { $0.tally.salesFen }
        case .frt: return sorted(rows, agents) { $0.frtSeconds }
        case .art: return sorted(rows, agents) { $0.artSeconds }
        case .slowRatio: return sorted(rows, agents) { $0.slowRatio }
        case .satisfaction: return sorted(rows, agents) { $0.satisfaction }
        case .score: return sorted(rows, agents) { $0.score }
        case .rank: return sorted(rows, agents) { $0.rank }
        }
    }

    /// `rows` sorted by `key` (each key computed once; ascending or descending as the state
    /// says, missing values always last), ties by agent id as UTF-8 bytes.
    private func sorted<K: Comparable>(_ rows: [Int], _ agents: [AgentMetrics], key: (AgentMetrics) -> K?) -> [Int] {
        var keys = [K?](repeating: nil, count: agents.count)
        for i in rows { keys[i] = key(agents[i]) }
        let descending = sortDescending
        return rows.sorted { i, j in
            switch (keys[i], keys[j]) {
            case let (x?, y?) where x != y: return descending ? x > y : x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return utf8Precedes(agents[i].agentID, agents[j].agentID)
            }
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
        guard let agents = snapshot?.today[rule].agents else { return [] }
        return ruleRowIndices().map { agents[$0] }
    }

    /// The Rules screen's rows as indices into today's report under the active rule.
    func ruleRowIndices() -> [Int] {
        guard let agents = snapshot?.today[rule].agents else { return [] }
        let sales = agents.map(\.tally.salesFen)
        return agents.indices.filter { agents[$0].isActive && matchesFilter(agents[$0]) }.sorted { i, j in
            sales[i] != sales[j] ? sales[i] > sales[j] : utf8Precedes(agents[i].agentID, agents[j].agentID)
        }
    }

    /// How many rows the list on `screen` has (without sorting them).
    public func rowCount(on screen: Screen) -> Int {
        guard let agents = snapshot?.today[rule].agents else { return 0 }
        switch screen {
        case .team: return agents.reduce(0) { $0 + (matchesFilter($1) ? 1 : 0) }
        case .warnings: return warningRows().count
        case .rules: return agents.reduce(0) { $0 + ($1.isActive && matchesFilter($1) ? 1 : 0) }
        case .heatmap, .agent: return 0
        }
    }

    /// The agent under the selection on a list screen.
    public func selectedAgent(on screen: Screen) -> AgentMetrics? {
        let i = selection[screen] ?? 0
        switch screen {
        case .team, .rules:
            guard let agents = snapshot?.today[rule].agents else { return nil }
            let rows = screen == .team ? teamRowIndices() : ruleRowIndices()
            return rows.indices.contains(i) ? agents[rows[i]] : nil
        case .warnings:
            let rows = warningRows()
            return rows.indices.contains(i) ? rows[i] : nil
        case .heatmap, .agent: return nil
        }
    }
}

/// Whether `a` sorts before `b` as UTF-8 bytes (the order SPEC §4 gives ids), comparing the
/// bytes in place.
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let n = min(x.count, y.count)
            if n > 0 {
                let c = memcmp(x.baseAddress!, y.baseAddress!, n)
                if c != 0 { return c < 0 }
            }
            return x.count < y.count
        }
    }
}
