/// The expected bonus pool of months to come under a scheme, from a sales plan (预算测算).
///
/// Each planned month is modelled on a reference month of history of the same kind (the same
/// calendar month if stored, else the latest promotion month for a promotion month, else the
/// latest ordinary month): every agent's sales, paid orders, items and paid buyers are scaled
/// by planned ÷ reference team sales, scores and rates stay as they were, and pay is computed
/// under the scheme. Promotion months thus carry their own mix of agents and rates.
public struct PoolForecast: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var month: Month
        public var plannedSalesFen: Fen
        public var promotion: Bool
        public var reference: Month
        public var referenceSalesFen: Fen
        public var poolFen: Fen
    }

    public var rows: [Row]
    public var totalFen: Fen { rows.reduce(0) { $0 + $1.poolFen } }

    /// - Parameters:
    ///   - plan: planned team sales per month.
    ///   - history: months of stored history to draw references from.
    public init(book: RecordBook, scheme: SchemeEvaluator, plan: [(Month, Fen)], history: [Month], promotionMonths: Set<Month>) {
        var reports: [Month: Report] = [:]
        let engine = ScoringEngine(config: scheme.config)
        func report(_ m: Month) -> Report {
            if let r = reports[m] { return r }
            let r = engine.report(book, period: m.period, rule: scheme.config.defaultRule)
            reports[m] = r
            return r
        }
        let withSales = history.filter { report($0).team.tally.salesFen > 0 }
        var rows: [Row] = []
        for (month, planned) in plan {
            let promo = promotionMonths.contains(month)
            let sameMonth = withSales.last { $0.month == month.month }
            let sameKind = withSales.last { promotionMonths.contains($0) == promo }
            guard let plan = scheme.plan, let ref = sameMonth ?? sameKind ?? withSales.last else { continue }
            var r = report(ref)
            let refSales = r.team.tally.salesFen
            let k = Double(planned) / Double(refSales)
            for i in r.agents.indices {
                var t = r.agents[i].tally
                t.salesFen = roundFen(Double(t.salesFen) * k)
                t.paidOrders = Int((Double(t.paidOrders) * k).rounded())
                t.items = Int((Double(t.items) * k).rounded())
                t.paidBuyers = Int((Double(t.paidBuyers) * k).rounded())
                t.refundFen = roundFen(Double(t.refundFen) * k)
                r.agents[i].tally = t
            }
            r.team.tally.salesFen = planned
            let run = PayRun(report: r, month: month, kpiPoints: book.qa.filter { $0.key.month == ref }.reduce(into: [:]) {
                $0[QAKey(month: month, agent: $1.key.agent)] = $1.value
            }, plan: plan)
            rows.append(Row(month: month, plannedSalesFen: planned, promotion: promo, reference: ref,
                            referenceSalesFen: refSales, poolFen: run.totalFen))
        }
        self.rows = rows
    }
}
