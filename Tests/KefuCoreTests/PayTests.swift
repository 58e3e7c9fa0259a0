import XCTest
@testable import KefuCore

/// SPEC §7, worked by hand.
final class PayTests: XCTestCase {
    func agent(score: Double?, role: Role = .presale, grade: Int? = 1, _ edit: (inout Tally) -> Void = { _ in }) -> AgentMetrics {
        var t = Tally()
        edit(&t)
        var a = AgentMetrics(agentID: "p1", name: "秦子轩", role: role, group: nil, grade: grade, tally: t)
        a.score = score
        return a
    }

    func plan(_ edit: (inout PayPlan) -> Void) -> PayPlan {
        var p = PayPlan(gradeBaseFen: [1: 300_000, 3: 400_000], positionPayFen: [.presale: 40_000])
        edit(&p)
        return p
    }

    /// The seeds' example: 80 points × 400 yuan position pay = 80 / 100 × 400 = 320 yuan.
    /// Base for grade 1 is 3000 yuan; total 3320 yuan.
    func testPositionPay() {
        let pay = PayCalculator(plan: plan { _ in }).pay(PayInputs(agent: agent(score: 80), kpiPoints: nil, team: Tally()))
        XCTAssertEqual(pay.positionFen, 32_000, accuracy: 1e-9)
        XCTAssertEqual(pay.totalFen, 332_000)
    }

    /// Grade base: grade 2 is missing from the table, so it earns grade 1's 3000 yuan;
    /// grade 4 earns grade 3's 4000 yuan.
    func testGradeBaseFallsBackToTheGradeBelow() {
        let calc = PayCalculator(plan: plan { _ in })
        XCTAssertEqual(calc.gradeBase(2), 300_000)
        XCTAssertEqual(calc.gradeBase(4), 400_000)
    }

    /// Tiered (marginal) commission on 60,000 yuan of sales with brackets 0–10k: 0,
    /// 10k–50k: 1%, above 50k: 1.8%: 40,000 × 1% = 400 + 10,000 × 1.8% = 180 → 580 yuan.
    /// On 8,000 yuan: nothing. On 10,050 yuan: 50 × 1% = 0.50 yuan.
    func testTieredCommission() {
        let calc = PayCalculator(plan: plan { $0.salesTiers = PayPlan.standard.salesTiers })
        XCTAssertEqual(calc.tieredCommission(salesFen: 6_000_000), 58_000, accuracy: 1e-9)
        XCTAssertEqual(calc.tieredCommission(salesFen: 800_000), 0)
        XCTAssertEqual(calc.tieredCommission(salesFen: 1_005_000), 50, accuracy: 1e-9)
    }

    /// Relative bonus: base = 100 receptions × 2 yuan = 200 yuan;
    /// + 200 × (0.3 − 0.25) / 0.25 = +40; + 200 × (120 − 100) / 100 = +40 → 280 yuan.
    /// (own: 10 inquiries, 3 paid; AOV 12000 fen. team: 20 inquiries, 5 paid; AOV 10000 fen.)
    func testRelativeBonus() {
        let a = agent(score: 100) { t in
            t.receptions = 100; t.inquiries = 10; t.inquiriesPaid = 3; t.salesFen = 24_000; t.paidBuyers = 2
        }
        var team = Tally()
        team.inquiries = 20; team.inquiriesPaid = 5; team.salesFen = 50_000; team.paidBuyers = 5
        let pay = PayCalculator(plan: plan { $0.relativeBonusPerReceptionFen = 200 }).pay(PayInputs(agent: a, kpiPoints: nil, team: team))
        XCTAssertEqual(pay.relativeBonusFen, 28_000, accuracy: 1e-6)
    }

    /// Per-order commission: 50 orders × 1 yuan × service weight. Service items achieved
    /// 16.5 points of 15 → 1.1 → 55 yuan. Achievement 0.5 clamps to 0.8 → 40 yuan.
    func testPerOrderCommissionWithServiceWeight() {
        var a = agent(score: 100) { $0.paidOrders = 50 }
        a.scorecard = [ScoreLine(metric: .frt, weight: 15, actual: 10, baseline: 11, achievement: 1.1, points: 16.5, service: true),
                       ScoreLine(metric: .conversion, weight: 85, actual: 0, baseline: 1, achievement: 0, points: 0, service: false)]
        let calc = PayCalculator(plan: plan { $0.perOrderFen = 100 })
        XCTAssertEqual(calc.pay(PayInputs(agent: a, kpiPoints: nil, team: Tally())).perOrderFen, 5_500, accuracy: 1e-9)
        a.scorecard[0].points = 7.5
        XCTAssertEqual(calc.pay(PayInputs(agent: a, kpiPoints: nil, team: Tally())).perOrderFen, 4_000, accuracy: 1e-9)
    }

    /// Score share: 90 / 100 × 1% × 10,000 yuan = 90 yuan.
    /// Satisfaction gate: mean rating (4 + 5) / 2 = 4.5 < 4.8 → commission × 0.5 = 45 yuan.
    func testScoreShareAndSatisfactionGate() {
        let a = agent(score: 90) { t in t.salesFen = 1_000_000; t.ratings = 2; t.ratingSum = 9; t.goodRatings = 2 }
        let calc = PayCalculator(plan: plan { $0.scoreSharePPM = 10_000; $0.satisfactionGate = SatisfactionGate(floorMeanScore: 4.8, factor: 0.5) })
        let pay = calc.pay(PayInputs(agent: a, kpiPoints: nil, team: Tally()))
        XCTAssertEqual(pay.scoreShareFen, 9_000, accuracy: 1e-9)
        XCTAssertEqual(pay.gateFactor, 0.5)
        XCTAssertEqual(pay.commissionFen, 4_500, accuracy: 1e-9)
    }

    /// General KPI: 78 points × 5 yuan = 390 yuan. Team lead: 1000 yuan × 0.3 / 0.25 = 1200 yuan.
    func testGeneralKPIAndTeamLeadBonus() {
        let calc = PayCalculator(plan: plan { $0.kpiPointFen = 500; $0.teamLeadBonus = TeamLeadBonus(baseFen: 100_000, baselineConversion: 0.25) })
        XCTAssertEqual(calc.pay(PayInputs(agent: agent(score: nil), kpiPoints: 78, team: Tally())).kpiFen, 39_000, accuracy: 1e-9)
        var team = Tally()
        team.inquiries = 10; team.inquiriesPaid = 3
        XCTAssertEqual(calc.teamLeadBonus(team: team), 120_000)
    }

    /// Rounding happens once: tiered 1% of 50 fen = 0.5 fen and 0.1 KPI points × 5 fen = 0.5 fen.
    /// Rounded separately they would make 1 + 1 = 2 fen; summed first, 1.0 → 1 fen.
    /// (No base, no position pay: the total is exactly those two.)
    func testRoundingOnceAtTheEnd() {
        let a = agent(score: 100) { $0.salesFen = 1_000_050 }
        let calc = PayCalculator(plan: PayPlan(gradeBaseFen: [:], positionPayFen: [:],
                                               salesTiers: [SalesTier(fromFen: 0, ratePPM: 0), SalesTier(fromFen: 1_000_000, ratePPM: 10_000)],
                                               kpiPointFen: 5))
        let pay = calc.pay(PayInputs(agent: a, kpiPoints: 0.1, team: Tally()))
        XCTAssertEqual(pay.tieredFen, 0.5, accuracy: 1e-12)
        XCTAssertEqual(pay.kpiFen, 0.5, accuracy: 1e-12)
        XCTAssertEqual(pay.totalFen, 1)
        XCTAssertEqual(roundFen(0.5), 1)
        XCTAssertEqual(roundFen(-0.5), -1)
        XCTAssertEqual(roundFen(2.4999), 2)
    }
}
