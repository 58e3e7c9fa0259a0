import XCTest
import KefuCore

final class HeatmapTests: XCTestCase {
    /// Two days, 11-10 (Tuesday) and 11-11 (Wednesday):
    /// - A: agent a1, 11-10 09:30, 60 min long (to 10:30), turns answered in 20 s and in 1,000 s
    ///   (an outlier, over 900 s), both opened at 09:30 and 09:40.
    /// - B: agent a2, 11-10 10:00, 30 min, one turn opened 10:00 answered in 40 s.
    /// - C: agent a1, 11-10 23:50, 20 min (to 11-11 00:10), kept on 11-10; a turn opened 23:50,
    ///   answered in 10 s.
    /// - D: agent a3, 11-11 10:15, outreach (no buyer), 0 s.
    private var conversations: [Conversation] {
        [
            conversation("2026-11-10", 9, 30, seconds: 3600, agent: "a1", turns: [
                Turn(openedAt: at("2026-11-10", 9, 30), answeredAt: at("2026-11-10", 9, 30, 20)),
                Turn(openedAt: at("2026-11-10", 9, 40), answeredAt: at("2026-11-10", 9, 40) + 1_000_000),
            ]),
            conversation("2026-11-10", 10, 0, seconds: 1800, agent: "a2", turns: [
                Turn(openedAt: at("2026-11-10", 10, 0), answeredAt: at("2026-11-10", 10, 0, 40)),
            ]),
            conversation("2026-11-10", 23, 50, seconds: 1200, agent: "a1", turns: [
                Turn(openedAt: at("2026-11-10", 23, 50), answeredAt: at("2026-11-10", 23, 50, 10)),
            ]),
            conversation("2026-11-11", 10, 15, seconds: 0, agent: "a3", buyerMessages: 0),
        ]
    }

    private let twoDays = Period(from: date("2026-11-10"), to: date("2026-11-12"))

    private func grid(_ metric: HeatmapMetric, byWeekday: Bool = false, shifts: [Shift] = [], messages: [Message] = []) -> HeatmapGrid {
        Heatmap.build(conversations: conversations, messages: messages, shifts: shifts, zone: zone, days: twoDays,
                      metric: metric, byWeekday: byWeekday, thresholds: Thresholds())
    }

    func testConsults() {
        let g = grid(.consults)
        XCTAssertEqual(g.rows, [.day(date("2026-11-10")), .day(date("2026-11-11"))])
        XCTAssertEqual(g.cells[0][9], 1)
        XCTAssertEqual(g.cells[0][10], 1)
        XCTAssertEqual(g.cells[0][23], 1)
        XCTAssertEqual(g.cells[1][10], 0) // D is outreach
        XCTAssertEqual(g.cells[0].compactMap { $0 }.reduce(0, +), 3)
        XCTAssertEqual(g.min, 0)
        XCTAssertEqual(g.max, 1)
    }

    /// Buyer messages come from the messages, by their own hour; agent messages are ignored.
    func testBuyerMessages() {
        let msgs = [
            Message(ts: at("2026-11-10", 9, 1), buyer: "b", agent: "a1", sender: .buyer, auto: false),
            Message(ts: at("2026-11-10", 9, 59), buyer: "b", agent: "a1", sender: .buyer, auto: false),
            Message(ts: at("2026-11-10", 9, 59), buyer: "b", agent: "a1", sender: .agent, auto: false),
            Message(ts: at("2026-11-11", 0, 5), buyer: "b", agent: "a1", sender: .buyer, auto: false),
            Message(ts: at("2026-11-12", 0, 5), buyer: "b", agent: "a1", sender: .buyer, auto: false), // outside
        ]
        let g = grid(.buyerMessages, messages: msgs)
        XCTAssertEqual(g.cells[0][9], 2)
        XCTAssertEqual(g.cells[1][0], 1)
        XCTAssertEqual(g.cells.joined().compactMap { $0 }.reduce(0, +), 3)
    }

    /// Response time: 09 h has the 20 s turn (the 1,000 s outlier is left out) → 20; 10 h → 40;
    /// 23 h → 10; no turn elsewhere → nil.
    func testResponseTime() {
        let g = grid(.responseTime)
        XCTAssertEqual(g.cells[0][9], 20)
        XCTAssertEqual(g.cells[0][10], 40)
        XCTAssertEqual(g.cells[0][23], 10)
        XCTAssertNil(g.cells[0][11])
        XCTAssertNil(g.cells[1][10])
        XCTAssertEqual(g.min, 10)
        XCTAssertEqual(g.max, 40)
    }

    /// Concurrency, open conversation-hours ÷ online agents:
    /// - 11-10 09 h: A open 30 min = 0.5; online a1 (active) + s1 (on shift 09:00–11:00) = 2 → 0.25.
    /// - 11-10 10 h: A 30 min + B 30 min = 1.0; online a1, a2, s1 = 3 → 1/3.
    /// - 11-10 23 h: C 10 min = 1/6; online a1 → 1/6.
    /// - 11-11 00 h: C's last 10 min = 1/6; online a1 → 1/6.
    /// - 11-11 10 h: D has no length → 0; a3 is active → 0 / 1 = 0.
    /// - 11-10 11 h: nobody online → nil.
    func testConcurrency() {
        let g = grid(.concurrency, shifts: [shift("s1", "2026-11-10", "09:00", "11:00")])
        XCTAssertEqual(g.cells[0][9]!, 0.25, accuracy: 1e-12)
        XCTAssertEqual(g.cells[0][10]!, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(g.cells[0][23]!, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(g.cells[1][0]!, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(g.cells[1][10], 0)
        XCTAssertNil(g.cells[0][11])
    }

    /// By weekday over two weeks (11-10 → 11-24): two Tuesdays, so Tuesday 09 h = 1 consult /
    /// 2 days = 0.5; Monday 11-16 and 11-23 have none → 0; response time pools the turns.
    func testByWeekday() {
        let period = Period(from: date("2026-11-10"), to: date("2026-11-24"))
        let consults = Heatmap.build(conversations: conversations, messages: [], shifts: [], zone: zone, days: period,
                                     metric: .consults, byWeekday: true, thresholds: Thresholds())
        XCTAssertEqual(consults.rows, (0..<7).map { .weekday($0) })
        XCTAssertEqual(consults.cells[1][9], 0.5)
        XCTAssertEqual(consults.cells[0][9], 0)
        let rt = Heatmap.build(conversations: conversations, messages: [], shifts: [], zone: zone, days: period,
                               metric: .responseTime, byWeekday: true, thresholds: Thresholds())
        XCTAssertEqual(rt.cells[1][9], 20)
        // A period of one Tuesday has no Monday: nil cells.
        let one = Heatmap.build(conversations: conversations, messages: [], shifts: [], zone: zone,
                                days: Period(from: date("2026-11-10"), to: date("2026-11-11")),
                                metric: .consults, byWeekday: true, thresholds: Thresholds())
        XCTAssertNil(one.cells[0][9])
        XCTAssertEqual(one.cells[1][9], 1)
    }
}
