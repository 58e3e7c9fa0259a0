import XCTest
import KefuCore
@testable import KefuSample

final class LiveSimulationTests: XCTestCase {
    let zone = ShopTimeZone.shanghai
    let today = LocalDate("2026-11-11")!

    private func key(_ r: Record) -> String { String(describing: r) }

    /// Stepping through today 7 minutes at a time: records come in non-decreasing arrival
    /// order, none after `now`, none twice; agents first, then the day's shifts.
    func testAdvanceReturnsRecordsInOrderWithoutDuplicatesOrFuture() {
        var sim = LiveSimulation(agents: 8, seed: 3, day: today, historyDays: 2)
        let history = sim.history()
        XCTAssertEqual(history.prefix(8).filter { if case .agent = $0 { true } else { false } }.count, 8)
        if case .shift = history[8] {} else if case .qa = history[8] {} else { XCTFail("shifts and QA come after the agents") }
        var seen = Set(history.map(key))
        XCTAssertEqual(seen.count, history.count)
        var last = Instant.min
        for r in history { if let t = sim.arrival(of: r) { XCTAssertGreaterThanOrEqual(t, last); last = t } }
        XCTAssertLessThan(last, zone.startOfDay(today))

        var now = zone.startOfDay(today)
        var total = 0
        var first = true
        while now < zone.startOfDay(today.adding(days: 1)) {
            let batch = sim.advance(to: now)
            if first, !batch.isEmpty {
                if case .shift = batch[0] {} else { XCTFail("today starts with its shifts") }
                first = false
            }
            for r in batch {
                let t = sim.arrival(of: r)!
                XCTAssertGreaterThanOrEqual(t, last)
                XCTAssertLessThanOrEqual(t, now)
                last = t
                XCTAssert(seen.insert(key(r)).inserted, "duplicate \(r)")
            }
            total += batch.count
            now += 7 * 60_000
        }
        XCTAssertGreaterThan(total, 10_000)
        // Nothing is returned twice: asking again for a time already passed gives nothing.
        XCTAssertEqual(sim.advance(to: zone.startOfDay(today) + 3_600_000), [])
    }

    /// Late records: an order arrives unpaid when created and again paid; a ticket arrives
    /// open and again closed.
    func testOrdersAndTicketsArriveAgainWhenTheyChange() {
        var sim = LiveSimulation(agents: 8, seed: 3, day: today, historyDays: 1)
        var records = sim.history()
        records += sim.advance(to: zone.startOfDay(today.adding(days: 1)))
        var orderStates: [String: [Instant?]] = [:]
        var ticketStates: [String: [TicketStatus]] = [:]
        for r in records {
            if case .order(let o) = r { orderStates[o.id, default: []].append(o.paidAt) }
            if case .ticket(let t) = r { ticketStates[t.id, default: []].append(t.status) }
        }
        XCTAssert(orderStates.values.contains { $0.count == 2 && $0[0] == nil && $0[1] != nil })
        XCTAssert(orderStates.values.contains { $0 == [nil] })
        XCTAssert(ticketStates.values.contains { $0 == [.unresolved, .resolved] })
        XCTAssert(records.contains { if case .refund = $0 { true } else { false } })
    }

    /// The simulation replays the generator's data: today's messages are the same set.
    func testSameDataAsTheGenerator() {
        var sim = LiveSimulation(agents: 6, seed: 9, day: today, historyDays: 0)
        let live = sim.advance(to: zone.startOfDay(today.adding(days: 1)) - 1)
        let generated = SampleGenerator(agents: 6, days: 1, seed: 9, start: today)
        let messages = { (rs: [Record]) in rs.compactMap { r -> String? in
            if case .message(let m) = r, m.ts < self.zone.startOfDay(self.today.adding(days: 1)) { return self.key(r) }
            return nil
        } }
        XCTAssertEqual(Set(messages(live)), Set(messages(Array(generated))))
    }

    /// Running past midnight generates the next day as the clock reaches it.
    func testRunsPastMidnight() {
        var sim = LiveSimulation(agents: 4, seed: 1, day: today, historyDays: 0)
        _ = sim.advance(to: zone.startOfDay(today.adding(days: 1)) - 1)
        let tomorrow = sim.advance(to: zone.startOfDay(today.adding(days: 1)) + 12 * 3_600_000)
        XCTAssert(tomorrow.contains { if case .shift(let s) = $0 { s.date == today.adding(days: 1) } else { false } })
        XCTAssert(tomorrow.contains { if case .message = $0 { true } else { false } })
    }
}
