import KefuCore
import KefuSample
import XCTest

/// The dashboard's order lists come from one pass over the buyers (`ordersByAgent`): the same
/// lists as asking for each agent on its own, and the sums behind each agent's sales and assists.
final class OrdersByAgentTests: XCTestCase {
    func testOnePassEqualsPerAgentListsAndTheReport() {
        let zone = ShopTimeZone.shanghai
        let day = LocalDate(year: 2026, month: 11, day: 11)!
        var simulation = LiveSimulation(agents: 6, seed: 5, day: day, historyDays: 3, scale: 0.5, zone: zone)
        var book = RecordBook()
        let now = zone.startOfDay(day) + 15 * 3_600_000
        for r in simulation.history() + simulation.advance(to: now) { book.add(r) }
        let engine = ScoringEngine(config: KefuConfig())
        let period = Period(from: day.adding(days: -2), to: day.adding(days: 1))
        for rule in AttributionRule.allCases {
            let byAgent = engine.ordersByAgent(in: book, period: period, rule: rule, asOf: now - 3_600_000)
            let report = engine.report(book, period: period, rule: rule, asOf: now - 3_600_000)
            XCTAssertGreaterThan(byAgent.count, 2, "several agents sold under \(rule)")
            for a in report.agents {
                let list = engine.orders(of: a.agentID, in: book, period: period, rule: rule, asOf: now - 3_600_000)
                XCTAssertEqual(byAgent[a.agentID] ?? [], list, "\(rule) \(a.agentID)")
                let credited = list.filter { $0.credit == .credited }
                let assisted = list.filter { $0.credit == .assisted }
                XCTAssertEqual(credited.reduce(0) { $0 + $1.order.amount }, a.tally.salesFen, "\(rule) \(a.agentID) sales")
                XCTAssertEqual(credited.reduce(0) { $0 + $1.refundFen }, a.tally.refundFen, "\(rule) \(a.agentID) refunds")
                XCTAssertEqual(assisted.reduce(0) { $0 + $1.order.amount }, a.tally.assistFen, "\(rule) \(a.agentID) assists")
                XCTAssertEqual(list, list.sorted(by: AgentOrder.paidFirst))
            }
        }
    }
}
