/// An old and a new scheme over the same months of history (新绩效方案测算): per agent and
/// month old, new and the difference; per agent mean, max and min difference; the promotion
/// months apart; the pool per month against a budget; and what a pilot would cost.
public struct Backtest: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var agentID: String
        public var name: String?
        public var month: Month
        public var oldFen: Fen
        public var newFen: Fen
        public var differenceFen: Fen { newFen - oldFen }
    }

    public struct AgentSummary: Sendable, Equatable {
        public var agentID: String
        public var name: String?
        public var months: Int
        public var oldTotalFen: Fen
        public var newTotalFen: Fen
        /// Mean difference per month, rounded half away from zero.
        public var meanDifferenceFen: Fen
        public var maxDifferenceFen: Fen
        public var minDifferenceFen: Fen
    }

    public struct MonthPool: Sendable, Equatable {
        public var month: Month
        public var promotion: Bool
        public var oldFen: Fen
        public var newFen: Fen
        /// What the month costs when piloted agents get the higher of old and new.
        public var pilotFen: Fen
    }

    public var months: [Month]
    public var promotionMonths: Set<Month>
    public var cells: [Cell]
    public var agents: [AgentSummary]
    public var pools: [MonthPool]
    public var pilot: [String]
    /// The new scheme's pay runs, month by month (for scheme checks).
    public var newRuns: [PayRun]

    public var oldTotalFen: Fen { pools.reduce(0) { $0 + $1.oldFen } }
    public var newTotalFen: Fen { pools.reduce(0) { $0 + $1.newFen } }
    /// Pilot cost over paying the old scheme: Σ max(0, new − old) over piloted agents' months.
    public var pilotCostFen: Fen {
        cells.filter { pilot.contains($0.agentID) }.reduce(0) { $0 + max(0, $1.differenceFen) }
    }

    /// Evaluates both schemes on every month in `months`.
    /// - Parameters:
    ///   - promotionDays: days that make their month a promotion month (618, 双11, …).
    ///   - pilot: agents paid the higher of old and new.
    public init(book: RecordBook, old: SchemeEvaluator, new: SchemeEvaluator, months: [Month],
                promotionDays: [LocalDate], pilot: [String], rule: AttributionRule? = nil) {
        self.months = months
        promotionMonths = Set(promotionDays.map(\.month))
        self.pilot = pilot
        var cells: [Cell] = []
        var pools: [MonthPool] = []
        var newRuns: [PayRun] = []
        for m in months {
            guard let o = old.run(book, month: m, rule: rule), let n = new.run(book, month: m, rule: rule) else { continue }
            newRuns.append(n)
            var pool = MonthPool(month: m, promotion: promotionMonths.contains(m), oldFen: o.totalFen, newFen: n.totalFen, pilotFen: o.totalFen)
            for line in o.lines {
                let newFen = n.line(for: line.agent.agentID)?.pay.totalFen ?? 0
                let cell = Cell(agentID: line.agent.agentID, name: line.agent.name, month: m, oldFen: line.pay.totalFen, newFen: newFen)
                cells.append(cell)
                if pilot.contains(cell.agentID) { pool.pilotFen += max(0, cell.differenceFen) }
            }
            pools.append(pool)
        }
        self.cells = cells
        self.pools = pools
        self.newRuns = newRuns
        var order: [String] = []
        var byAgent: [String: [Cell]] = [:]
        for c in cells {
            if byAgent[c.agentID] == nil { order.append(c.agentID) }
            byAgent[c.agentID, default: []].append(c)
        }
        agents = order.map { id in
            let list = byAgent[id]!
            let diffs = list.map(\.differenceFen)
            return AgentSummary(agentID: id, name: list[0].name, months: list.count,
                                oldTotalFen: list.reduce(0) { $0 + $1.oldFen }, newTotalFen: list.reduce(0) { $0 + $1.newFen },
                                meanDifferenceFen: roundedDivision(diffs.reduce(0, +), Int64(diffs.count)),
                                maxDifferenceFen: diffs.max()!, minDifferenceFen: diffs.min()!)
        }
    }

    /// The agents who gain most and lose most (by total difference), `count` each.
    public func extremes(_ count: Int) -> (gainers: [AgentSummary], losers: [AgentSummary]) {
        let sorted = agents.sorted { ($0.newTotalFen - $0.oldTotalFen, $1.agentID) > ($1.newTotalFen - $1.oldTotalFen, $0.agentID) }
        return (Array(sorted.prefix(count).filter { $0.newTotalFen > $0.oldTotalFen }),
                Array(sorted.reversed().prefix(count).filter { $0.newTotalFen < $0.oldTotalFen }))
    }

    /// `--pilot auto`: the top, middle and bottom agents by old pay over the months.
    public static func autoPilot(book: RecordBook, old: SchemeEvaluator, months: [Month], rule: AttributionRule? = nil) -> [String] {
        var totals: [String: Fen] = [:]
        for m in months {
            for line in old.run(book, month: m, rule: rule)?.lines ?? [] { totals[line.agent.agentID, default: 0] += line.pay.totalFen }
        }
        let ranked = totals.sorted { $0.value != $1.value ? $0.value > $1.value : utf8Less($0.key, $1.key) }.map(\.key)
        guard !ranked.isEmpty else { return [] }
        var picks = [ranked[0], ranked[ranked.count / 2], ranked[ranked.count - 1]]
        var seen = Set<String>()
        picks = picks.filter { seen.insert($0).inserted }
        return picks
    }
}
