import XCTest
@testable import KefuCore

/// SPEC §3, worked by hand.
final class ConversationMetricsTests: XCTestCase {
    /// One conversation on 11-10 between a1 and b1:
    ///   10:00:00 buyer  → turn 1 opens
    ///   10:00:01 auto   → an auto reply never answers
    ///   10:00:20 agent  → answers turn 1: 20 s (fast, not slow)
    ///   10:01:00 buyer  → turn 2 opens
    ///   10:02:30 agent  → answers turn 2: 90 s (slow)
    ///   10:03:00 buyer  → turn 3 opens
    ///   10:20:00 agent  → answers turn 3: 1020 s > 900 s (outlier)
    ///   10:25:00 buyer  → turn 4 opens, never answered
    /// consults 1, receptions 1, reply rate 1; duration 25 min = 1500 s: valid (≥ 30 s), not long (≤ 1800 s).
    /// turns 4; non-outlier answered 20 s and 90 s: ART 55 s, slow ratio 1/2; outliers 1;
    /// FRT = first turn 20 s; fast rate = 1 (the 20 s turn) / 4 = 0.25.
    /// aq ratio = 3 agent non-auto / 4 buyer = 0.75.
    func testTurnsAutoRepliesSlowOutlierAndUnanswered() {
        let r = Fx.report([
            Fx.buyer("2026-11-10 10:00:00", "b1", "a1"),
            Fx.agent("2026-11-10 10:00:01", "b1", "a1", auto: true),
            Fx.agent("2026-11-10 10:00:20", "b1", "a1"),
            Fx.buyer("2026-11-10 10:01:00", "b1", "a1"),
            Fx.agent("2026-11-10 10:02:30", "b1", "a1"),
            Fx.buyer("2026-11-10 10:03:00", "b1", "a1"),
            Fx.agent("2026-11-10 10:20:00", "b1", "a1"),
            Fx.buyer("2026-11-10 10:25:00", "b1", "a1"),
        ], from: "2026-11-10", to: "2026-11-11")
        let a = r.agent("a1")
        XCTAssertEqual(a.tally.consults, 1)
        XCTAssertEqual(a.tally.receptions, 1)
        XCTAssertNear(a.replyRate, 1)
        XCTAssertEqual(a.tally.outreach, 0)
        XCTAssertEqual(a.tally.validConversations, 1)
        XCTAssertEqual(a.tally.longReceptions, 0)
        XCTAssertEqual(a.tally.turns, 4)
        XCTAssertEqual(a.tally.outliers, 1)
        XCTAssertNear(a.frtSeconds, 20)
        XCTAssertNear(a.artSeconds, 55)
        XCTAssertNear(a.slowRatio, 0.5)
        XCTAssertNear(a.fastRate, 0.25)
        XCTAssertNear(a.aqRatio, 0.75)
    }

    /// SPEC's own example: a question at 23:59:50, a follow-up at 00:00:10 and an answer at
    /// 00:00:20 make one conversation on the first day, a reception 30 s long (valid: ≥ 30 s),
    /// and nothing on the second day. FRT = 30 s, which is within the 30 s fast threshold.
    func testConversationCrossingMidnightStaysOnItsOpeningDay() {
        let records = [
            Fx.buyer("2026-11-10 23:59:50", "b1", "a1"),
            Fx.buyer("2026-11-11 00:00:10", "b1", "a1"),
            Fx.agent("2026-11-11 00:00:20", "b1", "a1"),
        ]
        let first = Fx.report(records, from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertEqual(first.tally.consults, 1)
        XCTAssertEqual(first.tally.receptions, 1)
        XCTAssertEqual(first.tally.validConversations, 1)
        XCTAssertEqual(first.tally.buyerMessages, 2)
        XCTAssertNear(first.frtSeconds, 30)
        XCTAssertNear(first.fastRate, 1)
        let second = Fx.report(records, from: "2026-11-11", to: "2026-11-12")
        XCTAssertEqual(second.agents.first { $0.agentID == "a1" }?.tally ?? Tally(), Tally())
        XCTAssertFalse(second.agents.contains { $0.agentID == "a1" }, "a1 has no record in 11-11's period")
    }

    /// A turn opened at 23:50 and answered at 00:10 (1200 s, beyond the 900 s cap): the answer
    /// stays on its own day. 11-10: the buyer's conversation, a consult with no reception
    /// (reply rate 0), one turn, answered as an outlier (no FRT/ART). 11-11: only the agent
    /// wrote, so an outreach, not a consult.
    func testLateAnswerAcrossMidnightStaysOnItsOwnDay() {
        let records = [
            Fx.buyer("2026-11-10 23:50:00", "b1", "a1"),
            Fx.agent("2026-11-11 00:10:00", "b1", "a1"),
        ]
        let first = Fx.report(records, from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertEqual(first.tally.consults, 1)
        XCTAssertEqual(first.tally.receptions, 0)
        XCTAssertNear(first.replyRate, 0)
        XCTAssertEqual(first.tally.turns, 1)
        XCTAssertEqual(first.tally.outliers, 1)
        XCTAssertNil(first.frtSeconds)
        XCTAssertNil(first.artSeconds)
        XCTAssertNil(first.slowRatio)
        XCTAssertNear(first.fastRate, 0)
        let second = Fx.report(records, from: "2026-11-11", to: "2026-11-12").agent("a1")
        XCTAssertEqual(second.tally.outreach, 1)
        XCTAssertEqual(second.tally.consults, 0)
    }

    /// Outreach: a1 writes to b3 and the buyer never answers: 1 outreach, 0 consults, no
    /// reply rate (0 / 0 is "no data"). An auto reply alone is nothing at all.
    func testOutreachAndAutoOnlyConversations() {
        let r = Fx.report([
            Fx.agent("2026-11-10 14:00:00", "b3", "a1"),
            Fx.agent("2026-11-10 15:00:00", "b4", "a1", auto: true),
        ], from: "2026-11-10", to: "2026-11-11")
        let a = r.agent("a1")
        XCTAssertEqual(a.tally.outreach, 1)
        XCTAssertEqual(a.tally.consults, 0)
        XCTAssertNil(a.replyRate)
        XCTAssertNil(a.aqRatio, "no buyer messages: no data")
    }

    /// A buyer who talked to two agents: two conversations, one each. The second turn never
    /// stands in for FRT: a2's first turn is unanswered (no FRT) though its second is answered.
    ///   b1–a1: buyer 09:00:00, a1 09:00:10 → FRT 10 s.
    ///   b1–a2: buyer 09:05:00 (turn 1, never answered before the buyer writes again — it stays
    ///          open), buyer 09:06:00, a2 09:06:40 → turn 1 answered at 100 s. So a2's FRT is
    ///          100 s (its first turn; the follow-up opened no new turn).
    func testBuyerTalkingToTwoAgents() {
        let r = Fx.report([
            Fx.buyer("2026-11-10 09:00:00", "b1", "a1"),
            Fx.agent("2026-11-10 09:00:10", "b1", "a1"),
            Fx.buyer("2026-11-10 09:05:00", "b1", "a2"),
            Fx.buyer("2026-11-10 09:06:00", "b1", "a2"),
            Fx.agent("2026-11-10 09:06:40", "b1", "a2"),
        ], from: "2026-11-10", to: "2026-11-11")
        XCTAssertNear(r.agent("a1").frtSeconds, 10)
        XCTAssertNear(r.agent("a2").frtSeconds, 100)
        XCTAssertEqual(r.agent("a2").tally.turns, 1)
        XCTAssertNear(r.agent("a2").slowRatio, 1, accuracy: 0)
        XCTAssertEqual(r.team.tally.consults, 2)
        // Team FRT pools conversations: (10 + 100) / 2 = 55 s.
        XCTAssertNear(r.team.tally.frtSeconds, 55)
    }

    /// The first turn is an outlier, the second answered fast: FRT has no data (the second
    /// turn never stands in), ART = the second turn's 5 s.
    func testSecondTurnNeverStandsInForFRT() {
        let a = Fx.report([
            Fx.buyer("2026-11-10 09:00:00", "b1", "a1"),
            Fx.agent("2026-11-10 09:20:00", "b1", "a1"),
            Fx.buyer("2026-11-10 09:21:00", "b1", "a1"),
            Fx.agent("2026-11-10 09:21:05", "b1", "a1"),
        ], from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertNil(a.frtSeconds)
        XCTAssertNear(a.artSeconds, 5)
        XCTAssertEqual(a.tally.outliers, 1)
    }

    /// `Z` and `+08:00` name instants: 02:00:00Z is 10:00:00+08:00, so a buyer at 02:00:00Z
    /// answered at 10:00:12+08:00 waited 12 s, on local day 11-10.
    func testZuluNextToOffsetTimestamps() {
        let records: [Record] = [
            .message(Message(ts: Timestamp.parse("2026-11-10T02:00:00Z", zone: Fx.zone)!, buyer: "b1", agent: "a1", sender: .buyer)),
            .message(Message(ts: Timestamp.parse("2026-11-10T10:00:12+08:00", zone: Fx.zone)!, buyer: "b1", agent: "a1", sender: .agent)),
        ]
        let a = Fx.report(records, from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertNear(a.frtSeconds, 12)
        XCTAssertEqual(a.tally.receptions, 1)
    }

    /// Messages at the same instant: buyer first. A buyer message and an agent message both at
    /// 10:00:00 make a turn answered in 0 s (the buyer's opens it, the agent's answers it).
    func testSameInstantBuyerFirst() {
        let a = Fx.report([
            Fx.agent("2026-11-10 10:00:00", "b1", "a1"),
            Fx.buyer("2026-11-10 10:00:00", "b1", "a1"),
        ], from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertNear(a.frtSeconds, 0)
        XCTAssertEqual(a.tally.turns, 1)
    }

    /// Long reception: duration 31 min > 30 min. Valid threshold is inclusive: 30 s exactly is valid; 29 s is not.
    func testValidAndLongReceptions() {
        let a = Fx.report([
            Fx.buyer("2026-11-10 10:00:00", "b1", "a1"), Fx.agent("2026-11-10 10:31:00", "b1", "a1"),
            Fx.buyer("2026-11-10 11:00:00", "b2", "a1"), Fx.agent("2026-11-10 11:00:29", "b2", "a1"),
            Fx.buyer("2026-11-10 12:00:00", "b3", "a1"), Fx.agent("2026-11-10 12:00:30", "b3", "a1"),
        ], from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertEqual(a.tally.receptions, 3)
        XCTAssertEqual(a.tally.validConversations, 2)
        XCTAssertEqual(a.tally.longReceptions, 1)
    }
}
