import XCTest
@testable import KefuCore

/// Scheme checks and the pool forecast, worked by hand.
final class SchemeChecksTests: XCTestCase {
    func agent(_ id: String, points: [Double], service: [Bool], salesFen: Fen = 0) -> AgentMetrics {
        var a = AgentMetrics(agentID: id, name: nil, role: .presale, group: nil, grade: 1, tally: Tally())
        a.tally.salesFen = salesFen
        a.scorecard = zip(points, service).enumerated().map { k, ps in
            ScoreLine(metric: k == 0 ? .frt : .conversion, weight: 50, actual: 1, baseline: 1,
                      achievement: ps.0 / 50, points: ps.0, service: ps.1)
        }
        a.score = points.reduce(0, +)
        return a
    }

    /// A scores 60 + 40 = 100, B 40 + 40 = 80: all the spread comes from the first item.
    /// Var(score) = 100; Cov(item 1, score) = 100 → share 1; item 2 → share 0.
    func testVarianceShares() {
        let shares = SchemeChecks.varianceShares([agent("A", points: [60, 40], service: [true, false]),
                                                  agent("B", points: [40, 40], service: [true, false])])
        XCTAssertEqual(shares.map(\.0), [.frt, .conversion])
        XCTAssertEqual(shares[0].1, 1, accuracy: 1e-12)
        XCTAssertEqual(shares[1].1, 0, accuracy: 1e-12)
    }

    /// October: A sells 0; November: A sells 20,000 yuan (tiered 1% above 10k → +100 yuan of
    /// pay) while its service item (FRT, weight 50) earned 40 points: achievement 0.8 < 1 → flagged.
    /// B's pay is flat: not flagged. November's spread (A 100 vs B 80) comes from FRT: dominant.
    func testChecksOnRuns() {
        let plan = PayPlan(gradeBaseFen: [1: 300_000], positionPayFen: [:],
                           salesTiers: [SalesTier(fromFen: 0, ratePPM: 0), SalesTier(fromFen: 1_000_000, ratePPM: 10_000)])
        func run(_ m: String, _ agents: [AgentMetrics]) -> PayRun {
            PayRun(report: Report(period: Month(m)!.period, rule: .orderFirst, asOf: nil, agents: agents, team: TeamMetrics()),
                   month: Month(m)!, kpiPoints: [:], plan: plan)
        }
        let oct = run("2026-10", [agent("A", points: [50, 50], service: [true, false]), agent("B", points: [50, 50], service: [true, false])])
        let nov = run("2026-11", [agent("A", points: [40, 40], service: [true, false], salesFen: 2_000_000),
                                  agent("B", points: [60, 40], service: [true, false])])
        let checks = SchemeChecks(runs: [oct, nov])
        XCTAssertEqual(checks.paidDespiteService.map(\.agentID), ["A"])
        XCTAssertEqual(checks.paidDespiteService.first?.payRiseFen, 10_000)
        XCTAssertEqual(checks.paidDespiteService.first?.serviceAchievement ?? 0, 0.8, accuracy: 1e-12)
        XCTAssertEqual(checks.dominantItems.map(\.metric), [.frt])
        XCTAssertEqual(checks.dominantItems.first?.month, Month("2026-11")!)
    }

    /// History (BacktestTests): p1 sells 20,000 yuan in October and in November, p2 nothing.
    /// Scheme: base 3000 each, 1% above 10k. Plan: 2026-12 at 40,000 yuan (ordinary → reference
    /// October, k = 2: p1 40,000 → 300 yuan commission → 3300; p2 3000 → pool 6300 yuan);
    /// 2027-11 at 10,000 yuan (its calendar month is stored → reference 2026-11, k = 0.5: p1 10,000 →
    /// no commission → pool 6000 yuan).
    func testPoolForecastScalesAReferenceMonth() {
        var config = KefuConfig()
        config.payPlans = ["default": PayPlan(gradeBaseFen: [1: 300_000], positionPayFen: [:],
                                              salesTiers: [SalesTier(fromFen: 0, ratePPM: 0), SalesTier(fromFen: 1_000_000, ratePPM: 10_000)])]
        let f = PoolForecast(book: BacktestTests.history(), scheme: SchemeEvaluator(config: config),
                             plan: [(Month("2026-12")!, 4_000_000), (Month("2027-11")!, 1_000_000)],
                             history: [Month("2026-10")!, Month("2026-11")!], promotionMonths: [Month("2026-11")!])
        XCTAssertEqual(f.rows.map(\.reference), [Month("2026-10")!, Month("2026-11")!])
        XCTAssertEqual(f.rows.map(\.poolFen), [630_000, 600_000])
        XCTAssertEqual(f.totalFen, 1_230_000)
    }
}
