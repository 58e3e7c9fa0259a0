import XCTest
@testable import KefuCore

/// Pay runs and backtests (SPEC §7, scheme lab).
final class BacktestTests: XCTestCase {
    /// Two presale agents over October and November: p1 sells 20,000 yuan in each month, p2 nothing.
    static func history() -> RecordBook {
        var records: [Record] = [Fx.staff("p1", "秦子轩", .presale), Fx.staff("p2", "李佳怡", .presale)]
        for (m, day) in ["2026-10-15", "2026-11-15"].enumerated() {
            records += [
                Fx.buyer("\(day) 10:00:00", "b\(m)", "p1"), Fx.agent("\(day) 10:00:10", "b\(m)", "p1"),
                Fx.order("o\(m)", "b\(m)", created: "\(day) 10:05:00", paid: "\(day) 10:06:00", fen: 2_000_000),
                Fx.buyer("\(day) 11:00:00", "c\(m)", "p2"), Fx.agent("\(day) 11:00:10", "c\(m)", "p2"),
            ]
        }
        return Fx.book(records)
    }

    func scheme(_ edit: (inout PayPlan) -> Void) -> SchemeEvaluator {
        var config = KefuConfig()
        var plan = PayPlan(gradeBaseFen: [1: 300_000], positionPayFen: [:],
                           salesTiers: [SalesTier(fromFen: 0, ratePPM: 0), SalesTier(fromFen: 1_000_000, ratePPM: 10_000)])
        edit(&plan)
        config.payPlans = ["default": plan]
        return SchemeEvaluator(config: config)
    }

    let months = [Month("2026-10")!, Month("2026-11")!]

    /// A scheme against itself: every difference is zero and the pools are equal.
    func testSchemeAgainstItselfShowsNoDifference() {
        let s = scheme { _ in }
        let bt = Backtest(book: Self.history(), old: s, new: s, months: months, promotionDays: [Fx.day("2026-11-11")], pilot: [])
        XCTAssertEqual(bt.cells.count, 4)
        XCTAssertTrue(bt.cells.allSatisfy { $0.differenceFen == 0 })
        XCTAssertEqual(bt.oldTotalFen, bt.newTotalFen)
        XCTAssertEqual(bt.promotionMonths, [Month("2026-11")!])
        XCTAssertEqual(bt.pools.map(\.promotion), [false, true])
    }

    /// Old: 0–10k: 0, above 10k: 1% → p1 earns 3000 + (20,000 − 10,000) × 1% = 3100 yuan a month.
    /// New: above 10k: 2% → 3200 yuan; p2 earns the base 3000 under both.
    /// Differences: p1 +100 yuan (10,000 fen) each month, p2 0. Pool: old 6100, new 6200 a month.
    /// Piloting p1 and p2: cost = Σ max(0, new − old) = 2 × 10,000 fen = 20,000 fen.
    func testDifferencesAndPilotCost() {
        let old = scheme { _ in }
        let new = scheme { $0.salesTiers[1].ratePPM = 20_000 }
        let bt = Backtest(book: Self.history(), old: old, new: new, months: months, promotionDays: [], pilot: ["p1", "p2"])
        let p1 = bt.agents.first { $0.agentID == "p1" }!
        XCTAssertEqual(p1.oldTotalFen, 620_000)
        XCTAssertEqual(p1.newTotalFen, 640_000)
        XCTAssertEqual(p1.meanDifferenceFen, 10_000)
        XCTAssertEqual(p1.maxDifferenceFen, 10_000)
        XCTAssertEqual(bt.agents.first { $0.agentID == "p2" }!.maxDifferenceFen, 0)
        XCTAssertEqual(bt.pools.map(\.oldFen), [610_000, 610_000])
        XCTAssertEqual(bt.pools.map(\.newFen), [620_000, 620_000])
        XCTAssertEqual(bt.pilotCostFen, 20_000)
        XCTAssertEqual(bt.pools.map(\.pilotFen), [620_000, 620_000])
        XCTAssertEqual(bt.extremes(1).gainers.map(\.agentID), ["p1"])
        XCTAssertEqual(Backtest.autoPilot(book: Self.history(), old: old, months: months), ["p1", "p2"])
    }
}
