import XCTest
@testable import KefuCore

/// SPEC §5 ratings and tickets, §6 scorecards and §8 rankings, worked by hand.
final class ScorecardTests: XCTestCase {
    /// Ratings 5, 4, 2 for a1 in the period (and a 1 the day after): satisfaction = 2/3,
    /// mean = 11/3. Tickets of s1: resolved (2 h), error, unresolved callback, and one opened
    /// the day after: resolution 1/3, error 1/3, handle time 7200 s, callbacks 1.
    func testRatingsAndTickets() {
        let r = Fx.report([
            Fx.rating("2026-11-10 10:00:00", "b1", "a1", 5),
            Fx.rating("2026-11-10 11:00:00", "b2", "a1", 4),
            Fx.rating("2026-11-10 12:00:00", "b3", "a1", 2),
            Fx.rating("2026-11-11 12:00:00", "b4", "a1", 1),
            Fx.ticket("t1", "s1", .return, opened: "2026-11-10 09:00:00", closed: "2026-11-10 11:00:00", .resolved),
            Fx.ticket("t2", "s1", .logistics, opened: "2026-11-10 09:30:00", closed: "2026-11-10 10:00:00", .error),
            Fx.ticket("t3", "s1", .callback, opened: "2026-11-10 10:00:00", closed: nil, .unresolved),
            Fx.ticket("t4", "s1", .other, opened: "2026-11-11 10:00:00", closed: nil, .unresolved),
        ], from: "2026-11-10", to: "2026-11-11")
        XCTAssertNear(r.agent("a1").satisfaction, 2.0 / 3.0)
        XCTAssertNear(r.agent("a1").ratingMean, 11.0 / 3.0)
        let s = r.agent("s1")
        XCTAssertEqual(s.tally.tickets, 3)
        XCTAssertNear(s.resolutionRate, 1.0 / 3.0)
        XCTAssertNear(s.errorRate, 1.0 / 3.0)
        XCTAssertNear(s.tally.handleSeconds, 7200)
        XCTAssertEqual(s.tally.callbackTickets, 1)
        XCTAssertTrue(s.isActive, "a ticket makes an agent active")
        XCTAssertFalse(r.agent("a1").isActive, "ratings alone do not")
    }

    /// A later ticket record updates status and closed_at.
    func testTicketUpdate() {
        let r = Fx.report([
            Fx.ticket("t1", "s1", .return, opened: "2026-11-10 09:00:00", closed: nil, .unresolved),
            Fx.ticket("t1", "s1", .return, opened: "2026-11-10 09:00:00", closed: "2026-11-10 09:10:00", .resolved),
        ], from: "2026-11-10", to: "2026-11-11")
        XCTAssertNear(r.agent("s1").resolutionRate, 1)
        XCTAssertNear(r.agent("s1").tally.handleSeconds, 600)
    }

    /// Achievement rules (SPEC §6) with cap 1.2:
    ///   higher-better 0.3 vs 0.2 → 1.5 → capped 1.2 → points 30 × 1.2 = 36;
    ///   lower-better FRT 20 s vs baseline 30 s → 30/20 = 1.5 → 1.2;
    ///   lower-better FRT 60 vs 30 → 0.5;
    ///   lower-better zero actual (no refunds) → the cap; zero baseline → 1;
    ///   no data → neutral 1, points = weight.
    func testAchievementRules() {
        let conv = ScorecardItem(metric: .conversion, weight: 30)
        XCTAssertEqual(Ranking.line(item: conv, actual: 0.3, baseline: 0.2).points, 36, accuracy: 1e-9)
        XCTAssertEqual(Ranking.line(item: conv, actual: 0.1, baseline: 0.2).achievement, 0.5, accuracy: 1e-9)
        let frt = ScorecardItem(metric: .frt, weight: 15)
        XCTAssertEqual(Ranking.line(item: frt, actual: 20, baseline: 30).achievement, 1.2, accuracy: 1e-9)
        XCTAssertEqual(Ranking.line(item: frt, actual: 60, baseline: 30).achievement, 0.5, accuracy: 1e-9)
        let refund = ScorecardItem(metric: .refundRate, weight: 5)
        XCTAssertEqual(Ranking.line(item: refund, actual: 0, baseline: 0.1).achievement, 1.2, accuracy: 1e-9)
        XCTAssertEqual(Ranking.line(item: refund, actual: 0, baseline: 0).achievement, 1, accuracy: 1e-9)
        let none = Ranking.line(item: conv, actual: nil, baseline: 0.2)
        XCTAssertEqual(none.points, 30)
        XCTAssertTrue(none.noData)
    }

    /// Weights must sum to 100; the error names the card and the sum.
    func testScorecardValidation() {
        var config = KefuConfig()
        config.scorecards[.presale]!.items[0].weight = 10 // 15 → 10: sum 95
        XCTAssertThrowsError(try config.validate()) { error in
            XCTAssertEqual("\(error)", "scorecard.presale: weights sum to 95, not 100")
        }
        XCTAssertNoThrow(try KefuConfig().validate())
    }

    /// Three presale agents, with a scorecard of one item (conversion, weight 100, team baseline):
    ///   p1: 1 inquiry, paid → conversion 1; p2: 2 inquiries, 1 paid → 0.5; p3: 1 inquiry, none → 0.
    ///   team baseline = mean(1, 0.5, 0) = 0.5.
    ///   p1: 1/0.5 = 2 → cap 1.2 → 120; p2: 1 → 100; p3: 0 → 0.
    ///   ranks 1, 2, 3; warning = bottom ⌈15% × 3⌉ = 1 → p3; top share ⌈20% × 3⌉ = 1 → p1.
    /// A presale agent with no consults is inactive: no score, no rank, no warning.
    func testScoresRanksWarningsAndTopShare() {
        var config = KefuConfig()
        config.scorecards[.presale] = Scorecard(role: .presale, items: [ScorecardItem(metric: .conversion, weight: 100)])
        var records: [Record] = [
            Fx.staff("p1", "秦子轩", .presale), Fx.staff("p2", "李佳怡", .presale),
            Fx.staff("p3", "Kiki", .presale), Fx.staff("p4", "休假", .presale),
        ]
        func inquiry(_ agent: String, _ buyer: String, paid: Bool) {
            records += [Fx.buyer("2026-11-10 10:00:00", buyer, agent), Fx.agent("2026-11-10 10:00:10", buyer, agent)]
            if paid { records.append(Fx.order("o-\(buyer)", buyer, created: "2026-11-10 10:05:00", paid: "2026-11-10 10:06:00", fen: 100)) }
        }
        inquiry("p1", "b1", paid: true)
        inquiry("p2", "b2", paid: true)
        inquiry("p2", "b3", paid: false)
        inquiry("p3", "b4", paid: false)
        let r = Fx.report(records, from: "2026-11-10", to: "2026-11-11", config: config)
        XCTAssertEqual(r.agent("p1").score!, 120, accuracy: 1e-9)
        XCTAssertEqual(r.agent("p2").score!, 100, accuracy: 1e-9)
        XCTAssertEqual(r.agent("p3").score!, 0, accuracy: 1e-9)
        XCTAssertEqual(r.agents.prefix(3).map(\.rank), [1, 2, 3])
        XCTAssertEqual(r.agents.map(\.warning), [false, false, true, false])
        XCTAssertEqual(r.agents.map(\.topShare), [true, false, false, false])
        XCTAssertNil(r.agent("p4").score)
        XCTAssertNil(r.agent("p4").rank)
        XCTAssertEqual(r.agent("p2").scorecard.first?.baseline ?? 0, 0.5, accuracy: 1e-9)
        XCTAssertEqual(r.agent("p3").costliestItems.map(\.metric), [.conversion])
    }

    /// ⌈15% × n⌉ without binary rounding surprises; a role with one active agent has no warning.
    func testShareCounts() {
        XCTAssertEqual(Ranking.share(0.15, of: 20), 3)
        XCTAssertEqual(Ranking.share(0.15, of: 21), 4)
        XCTAssertEqual(Ranking.share(0.15, of: 2), 1)
        XCTAssertEqual(Ranking.share(0.20, of: 10), 2)
        let r = Fx.report([Fx.staff("p1", "甲", .presale), Fx.buyer("2026-11-10 10:00:00", "b1", "p1")],
                          from: "2026-11-10", to: "2026-11-11")
        XCTAssertFalse(r.agent("p1").warning)
        XCTAssertEqual(r.agent("p1").rank, 1)
    }

    /// Ties in score go to the smaller agent_id: two identical agents "z" and "a" rank a, z.
    func testRankTiesToSmallerID() {
        let r = Fx.report([
            Fx.staff("z", "Z", .aftersale), Fx.staff("a", "A", .aftersale),
            Fx.buyer("2026-11-10 10:00:00", "b1", "z"), Fx.buyer("2026-11-10 10:00:00", "b2", "a"),
        ], from: "2026-11-10", to: "2026-11-11")
        XCTAssertEqual(r.agent("a").rank, 1)
        XCTAssertEqual(r.agent("z").rank, 2)
    }

    /// Elimination review: below 70 in both months.
    func testEliminationReview() {
        func report(_ score: Double) -> Report {
            var a = AgentMetrics(agentID: "p1", name: nil, role: .presale, group: nil, grade: nil, tally: Tally())
            a.score = score
            return Report(period: Month(year: 2026, month: 11)!.period, rule: .orderFirst, asOf: nil, agents: [a], team: TeamMetrics())
        }
        let ranking = Ranking(config: KefuConfig())
        XCTAssertEqual(ranking.eliminationReview(month: report(69), previousMonth: report(65)), ["p1"])
        XCTAssertEqual(ranking.eliminationReview(month: report(69), previousMonth: report(70)), [])
    }
}
