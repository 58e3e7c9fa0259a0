import XCTest
@testable import KefuCore

/// The performance simulator (绩效模拟计算器), worked by hand.
final class WhatIfTests: XCTestCase {
    /// Scorecard: conversion only (weight 100, team baseline). p1 converts 1/1, p2 1/2, p3 0/1:
    /// baseline 0.5, p2 scores exactly 100. Plan: position pay 400 yuan (score / 100 × 400),
    /// tiered 10% of all sales, no base.
    func setup() -> (Report, PayPlan) {
        var config = KefuConfig()
        config.scorecards[.presale] = Scorecard(role: .presale, items: [ScorecardItem(metric: .conversion, weight: 100)])
        var records: [Record] = [Fx.staff("p1", "甲", .presale), Fx.staff("p2", "乙", .presale), Fx.staff("p3", "丙", .presale)]
        func inquiry(_ agent: String, _ buyer: String, paid: Bool) {
            records += [Fx.buyer("2026-11-10 10:00:00", buyer, agent), Fx.agent("2026-11-10 10:00:10", buyer, agent)]
            if paid { records.append(Fx.order("o-\(buyer)", buyer, created: "2026-11-10 10:05:00", paid: "2026-11-10 10:06:00", fen: 10_000)) }
        }
        inquiry("p1", "b1", paid: true)
        inquiry("p2", "b2", paid: true)
        inquiry("p2", "b3", paid: false)
        inquiry("p3", "b4", paid: false)
        let report = Fx.report(records, from: "2026-11-01", to: "2026-12-01", config: config)
        let plan = PayPlan(gradeBaseFen: [:], positionPayFen: [.presale: 40_000],
                           salesTiers: [SalesTier(fromFen: 0, ratePPM: 100_000)])
        return (report, plan)
    }

    /// conversion +20%: 0.5 → 0.6; achievement 0.6 / 0.5 = 1.2 (the cap) → score 120.
    /// Position pay 100/100 × 400 = 400 yuan → 120/100 × 400 = 480 yuan. Sales unchanged (100 yuan,
    /// tiered 10 yuan). Totals 410 → 490 yuan.
    func testConversionRaisesScoreAndPay() throws {
        let (report, plan) = setup()
        let out = try XCTUnwrap(WhatIf(plan: plan).simulate(agentID: "p2", in: report, kpiPoints: nil,
                                                            adjustments: WhatIf.parse("conversion=+20%")))
        XCTAssertEqual(out.before.score!, 100, accuracy: 1e-9)
        XCTAssertEqual(out.after.score!, 120, accuracy: 1e-9)
        XCTAssertEqual(out.after.scorecard[0].actual!, 0.6, accuracy: 1e-9)
        XCTAssertEqual(out.after.scorecard[0].baseline!, 0.5, accuracy: 1e-9, "baselines stay the team's")
        XCTAssertEqual(out.payBefore.totalFen, 41_000)
        XCTAssertEqual(out.payAfter.totalFen, 49_000)
    }

    /// aov +10%: AOV 100 yuan × 1 buyer → 110 yuan of sales: tiered 10% → 11 yuan; score unchanged.
    /// receptions −10% of 2 → 1.8 → 2 (whole receptions).
    func testAOVChangesSalesAndReceptionsRound() throws {
        let (report, plan) = setup()
        let out = try XCTUnwrap(WhatIf(plan: plan).simulate(agentID: "p2", in: report, kpiPoints: nil,
                                                            adjustments: WhatIf.parse("aov=+10%,receptions=-10%")))
        XCTAssertEqual(out.after.tally.salesFen, 11_000)
        XCTAssertEqual(out.payAfter.tieredFen, 1_100, accuracy: 1e-9)
        XCTAssertEqual(out.after.tally.receptions, 2)
        XCTAssertEqual(out.after.score!, 100, accuracy: 1e-9)
    }

    func testParsing() throws {
        let a = try WhatIf.parse("conversion=+5%,aov=+10%,receptions=-10%,reply_rate=+3pp,frt_s=20")
        XCTAssertEqual(a.map(\.metric), [.conversion, .aov, .receptions, .replyRate, .frt])
        XCTAssertEqual(a[0].change, .relative(0.05))
        XCTAssertEqual(a[2].change, .relative(-0.1))
        XCTAssertEqual(a[3].change, .points(0.03))
        XCTAssertEqual(a[4].change, .value(20))
        XCTAssertThrowsError(try WhatIf.parse("happiness=+5%"))
        XCTAssertThrowsError(try WhatIf.parse("conversion"))
        // A share never leaves [0, 1]: conversion +80pp from 0.5 stops at 1.
        let (report, plan) = setup()
        let out = WhatIf(plan: plan).simulate(agentID: "p2", in: report, kpiPoints: nil, adjustments: try WhatIf.parse("conversion=+80pp"))!
        XCTAssertEqual(out.after.scorecard[0].actual!, 1, accuracy: 1e-12)
        XCTAssertNil(WhatIf(plan: plan).simulate(agentID: "nobody", in: report, kpiPoints: nil, adjustments: []))
    }
}
