import KefuCore
import KefuSample
import XCTest
@testable import KefuTUI

/// The snapshot builder: every figure comes from the core, for the right day and hour.
final class SnapshotBuilderTests: XCTestCase {
    let zone = ShopTimeZone.shanghai
    let today = LocalDate(year: 2026, month: 11, day: 23)!

    private func at(_ day: LocalDate, _ h: Int, _ m: Int, _ s: Int = 0) -> Instant {
        zone.startOfDay(day) + Int64((h * 3600 + m * 60 + s) * 1000)
    }

    /// Two agents; today b1 asks 秦子轩 at 10:00:00 (answered after 20 s) and b2 asks Emma at
    /// 13:30:00 (answered after 120 s); yesterday b3 asked 秦子轩 at 10:00; a message at 15:00
    /// today lies after "now" (14:05) and must be ignored.
    private func book() -> RecordBook {
        var b = RecordBook()
        b.add(Agent(id: "a1", name: "秦子轩", role: .presale, group: "A组"))
        b.add(Agent(id: "a2", name: "Emma Li", role: .presale, group: "B组"))
        let y = today.adding(days: -1)
        for m in [Message(ts: at(today, 10, 0), buyer: "b1", agent: "a1", sender: .buyer),
                  Message(ts: at(today, 10, 0, 20), buyer: "b1", agent: "a1", sender: .agent),
                  Message(ts: at(today, 13, 30), buyer: "b2", agent: "a2", sender: .buyer),
                  Message(ts: at(today, 13, 32), buyer: "b2", agent: "a2", sender: .agent),
                  Message(ts: at(y, 10, 0), buyer: "b3", agent: "a1", sender: .buyer),
                  Message(ts: at(y, 10, 0, 10), buyer: "b3", agent: "a1", sender: .agent),
                  Message(ts: at(today, 15, 0), buyer: "b4", agent: "a2", sender: .buyer)] {
            b.add(m)
        }
        return b
    }

    func testFiguresComeFromTheCoreAsOfNow() {
        let now = at(today, 14, 5)
        let builder = SnapshotBuilder(config: KefuConfig(), shop: "店")
        let snap = builder.build(book(), now: now, rule: .orderFirst)
        let engineToday = builder.engine.report(book(), period: Period(from: today, to: today.adding(days: 1)), rule: .orderFirst, asOf: now)
        XCTAssertEqual(snap.todayReport, engineToday)
        XCTAssertEqual(snap.todayReport.team.tally.consults, 2, "b1 and b2; b4 writes after now")
        XCTAssertEqual(snap.yesterdaySoFar.team.tally.consults, 1)
        // Hour by hour: one consult at 10 h and one at 13 h, nothing else, nothing ahead of 14 h.
        XCTAssertEqual(snap.hourlyToday.map(\.consults), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1] + Array(repeating: 0, count: 10))
        XCTAssertEqual(snap.hourlyToday[13].frtSumMs, 120_000, "Emma's answer after 120 s lands in 13 h")
        XCTAssertEqual(snap.hourlyConsults["a1"]?[10], 1)
        XCTAssertEqual(snap.lastActivity["a2"], at(today, 13, 32), "the 15:00 message is in the future")
        XCTAssertEqual(snap.newestRecord, at(today, 13, 32))
        XCTAssertEqual(snap.slowestTurns["a2"], [SlowTurn(buyer: "b2", openedAt: at(today, 13, 30), responseMs: 120_000)])
        XCTAssertEqual(snap.heatmaps.count, 8, "4 metrics × days/weekdays")
        let grid = snap.heatmaps[HeatmapKey(.consults, byWeekday: false)]!
        XCTAssertEqual(grid.rows.count, 14)
        XCTAssertEqual(grid.cells[13][10], 1, "today is the last row")
        XCTAssertEqual(grid.cells[12][10], 1, "yesterday's 10 h consult")
    }

    func testRenderingABuiltSnapshotShowsTheAgents() {
        let now = at(today, 14, 5)
        var s = AppState(language: .zh, rule: .orderFirst, themeCount: 1)
        _ = update(&s, .resize(width: 80, height: 24))
        _ = update(&s, .data(SnapshotBuilder(config: KefuConfig(), shop: "店").build(book(), now: now, rule: .orderFirst)))
        let text = render(s, size: Size(width: 80, height: 24), theme: .dark).text
        XCTAssertTrue(text.contains("秦子轩"))
        XCTAssertTrue(text.contains("Emma Li"))
        XCTAssertTrue(text.contains("14:05:00"))
    }

    /// The drill-down's month figures are the core's own: b1 pays ¥128.50 at 10:02 for an order
    /// created at 10:01 after 秦子轩 answered, so every rule credits it to a1; the pay run is the
    /// one `SchemeEvaluator` gives for the month, and the staffing plan is the core's plan for
    /// today from the load of the days before (yesterday's one consult at 10 h), against a
    /// shift 9–18 h.
    func testPayOrdersEliminationAndStaffingComeFromTheCore() {
        var b = book()
        b.add(Order(id: "o1", buyer: "b1", createdAt: at(today, 10, 1), paidAt: at(today, 10, 2), amount: 12_850, items: 1))
        b.add(Order(id: "o2", buyer: "b4", createdAt: at(today, 15, 1), paidAt: at(today, 15, 2), amount: 9_900, items: 1))
        b.add(Shift(agent: "a1", date: today, start: 9 * 60, end: 18 * 60))
        let now = at(today, 14, 5)
        let config = KefuConfig()
        let snap = SnapshotBuilder(config: config, shop: "店").build(b, now: now, rule: .orderFirst)

        XCTAssertEqual(snap.monthPay, SchemeEvaluator(config: config).run(b, month: today.month, rule: .orderFirst, asOf: now))
        XCTAssertNotNil(snap.monthPay?.line(for: "a1"))
        XCTAssertEqual(snap.payPlan, config.payPlans["default"])

        // o2 is paid after now: neither list has it.
        XCTAssertEqual(snap.todayOrders["a1"]?.map(\.order.id), ["o1"])
        XCTAssertEqual(snap.todayOrders["a1"]?.first?.credit, .credited)
        XCTAssertEqual(snap.monthOrders["a1"]?.map(\.order.id), ["o1"])
        XCTAssertNil(snap.todayOrders["a2"], "Emma has no sales or assists")

        let engine = ScoringEngine(config: config)
        let previous = engine.report(b, period: today.month.previous.period, rule: .orderFirst)
        XCTAssertEqual(snap.eliminationReview, Ranking(config: config).eliminationReview(month: snap.month, previousMonth: previous))

        let history = engine.conversations(b).filter { $0.day < today }
        XCTAssertEqual(history.count, 1, "only yesterday's consult")
        let profile = LoadProfile.build(conversations: history, zone: zone, promotions: .standard, thresholds: config.thresholds)
        let expected = StaffingPlan(forecast: profile.forecast(for: today, promotions: .standard)!, shifts: b.shifts.values,
                                    options: StaffingOptions())
        XCTAssertEqual(snap.staffing, expected)
        XCTAssertEqual(snap.staffing?.hours[10].arrivals, 1, "one consult at 10 h on the one day of history")
        XCTAssertEqual(snap.staffing?.hours[10].scheduled, 1, "a1's shift covers 10 h")
        XCTAssertEqual(snap.staffing?.hours[20].scheduled, 0)
    }
}
