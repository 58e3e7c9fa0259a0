import Foundation
import KefuCore
@testable import KefuStore
import XCTest

/// The dashboard's part of the store (`loadRecent`) gives the same figures as the whole store
/// for every period it serves, and a buyer who returns after a long absence is read whole
/// (`changes(since:wholeHistoryOfBuyersNotIn:)`).
final class RecentLoadTests: XCTestCase {
    private let zone = ShopTimeZone.shanghai
    private let config = KefuConfig()
    private func day(_ m: Int, _ d: Int) -> LocalDate { LocalDate(year: 2026, month: m, day: d)! }

    /// Three months (2026-09-01 … 11-30) of 400 buyers, each with one to three visits: a
    /// buyer question, an agent's answer (sometimes an auto reply first), sometimes an order,
    /// paid minutes or days later, sometimes refunded later still, sometimes rated; plus
    /// tickets, QA points and shifts every month. Seeded: the same on every run.
    private func threeMonths(seed: UInt64) -> [KefuCore.Record] {
        var rng = SeededGenerator(seed: seed)
        let agents = ["旗舰店:小美", "旗舰店:阿珍", "旗舰店:乐乐"]
        var out: [KefuCore.Record] = agents.map { .agent(Agent(id: $0, role: .presale)) }
        let start = zone.startOfDay(day(9, 1))
        let dayMs: Int64 = 86_400_000
        var orders = 0
        for b in 0..<400 {
            let buyer = "买家\(b)"
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let t = start + Int64.random(in: 0..<91, using: &rng) * dayMs + Int64.random(in: 8 * 3_600...22 * 3_600, using: &rng) * 1000
                let agent = agents.randomElement(using: &rng)!
                out.append(.message(Message(ts: t, buyer: buyer, agent: agent, sender: .buyer)))
                if Bool.random(using: &rng) { out.append(.message(Message(ts: t + 2_000, buyer: buyer, agent: agent, sender: .agent, auto: true))) }
                out.append(.message(Message(ts: t + 20_000, buyer: buyer, agent: agent, sender: .agent)))
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    orders += 1
                    let id = "o\(orders)"
                    let created = t + 60_000
                    let unpaid = Order(id: id, buyer: buyer, createdAt: created, paidAt: nil, amount: 9_900, items: 1)
                    out.append(.order(unpaid))
                    var paid = unpaid
                    paid.paidAt = created + Int64.random(in: 1...20, using: &rng) * [60_000, dayMs].randomElement(using: &rng)!
                    out.append(.order(paid))
                    if Int.random(in: 0..<4, using: &rng) == 0 {
                        out.append(.refund(Refund(orderID: id, refundedAt: paid.paidAt! + 5 * dayMs, amount: 900)))
                    }
                }
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    out.append(.rating(Rating(ts: t + 30_000, buyer: buyer, agent: agent, score: Int.random(in: 1...5, using: &rng))))
                }
            }
        }
        // A buyer who chatted in September and rated the agent in November: the rating is
        // in the window, the buyer (whom no figure of the window needs) is not.
        out.append(.message(Message(ts: start + 3_600_000, buyer: "只评价的买家", agent: agents[0], sender: .buyer)))
        out.append(.rating(Rating(ts: zone.startOfDay(day(11, 5)), buyer: "只评价的买家", agent: agents[0], score: 5)))
        for m in 9...11 {
            for (i, agent) in agents.enumerated() {
                out.append(.qa(QAPoints(month: Month(year: 2026, month: m)!, agent: agent, points: Double(80 + i))))
                out.append(.shift(Shift(agent: agent, date: day(m, 10), start: 540, end: 1_080)))
                out.append(.ticket(Ticket(id: "t\(m)-\(i)", agent: agent, kind: .return, openedAt: zone.startOfDay(day(m, 12)),
                                          closedAt: nil, status: .unresolved)))
            }
        }
        return out
    }

    private func reports(_ book: RecordBook, _ periods: [Period]) -> [Report] {
        periods.flatMap { p in AttributionRule.allCases.map { ScoringEngine(config: config).report(book, period: p, rule: $0) } }
    }

    func testTheRecentPartGivesTheWholeStoresFiguresForEveryPeriodFromItsStartOn() throws {
        let store = try Store.open(path: try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path)
        try store.write(threeMonths(seed: 3))
        let whole = try store.loadBook()
        // As the dashboard on 2026-11-20: the previous month starts 10-01; minus W = 24 h.
        let since = zone.startOfDay(day(10, 1)) - config.thresholds.attributionWindowMs
        // Both ways of reading the chosen buyers give the same book.
        for reading in [Store.HistoryReading.byBuyer, .scanningTables, .automatic] {
            try assertRecentPart(of: store, since: since, reading: reading, whole: whole)
        }
    }

    /// A window starting before every record holds the whole store: every buyer whole, and
    /// the ratings, tickets, QA points and shifts that all fall in it.
    func testAWindowBeforeEveryRecordHoldsTheWholeStore() throws {
        let store = try Store.open(path: try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path)
        try store.write(threeMonths(seed: 5))
        let whole = try store.loadBook()
        let (recent, _) = try store.loadRecent(since: zone.startOfDay(day(1, 1)), zone: zone)
        assertSameBook(recent, whole)
        let periods = [Period(from: day(8, 1), to: day(12, 1)), Period(from: day(11, 20), to: day(11, 21))]
        XCTAssertEqual(reports(recent, periods), reports(whole, periods))
    }

    private func assertRecentPart(of store: Store, since: Instant, reading: Store.HistoryReading, whole: RecordBook) throws {
        let (recent, upTo) = try store.loadRecent(since: since, zone: zone, reading: reading)
        XCTAssertEqual(upTo, try store.lastChange())

        let periods = [Period(from: day(10, 1), to: day(11, 1)), Period(from: day(11, 1), to: day(12, 1)),
                       Period(from: day(11, 20), to: day(11, 21)), Period(from: day(10, 15), to: day(11, 15))]
        XCTAssertEqual(reports(recent, periods), reports(whole, periods), "\(reading)")

        // Each buyer with a record since `since` is there whole; the others not at all.
        func active(_ buyer: String) -> Bool {
            whole.messages(ofBuyer: buyer).contains { $0.message.ts >= since }
                || whole.orders(ofBuyer: buyer).contains { $0.createdAt >= since || ($0.paidAt ?? .min) >= since
                    || whole.refunds(ofOrder: $0.id).contains { $0.refundedAt >= since } }
        }
        let kept = whole.buyers.filter(active)
        XCTAssertEqual(Set(recent.buyers), Set(kept), "\(reading)")
        for buyer in kept {
            XCTAssertEqual(recent.messages(ofBuyer: buyer).map(\.message), whole.messages(ofBuyer: buyer).map(\.message), buyer)
            XCTAssertEqual(recent.orders(ofBuyer: buyer), whole.orders(ofBuyer: buyer), buyer)
            for o in whole.orders(ofBuyer: buyer) { XCTAssertEqual(recent.refunds(ofOrder: o.id), whole.refunds(ofOrder: o.id)) }
        }
        // The data exercises both sides: buyers left out, and kept buyers with older history.
        XCTAssertGreaterThan(whole.buyers.count - kept.count, 50)
        XCTAssertTrue(kept.contains { whole.messages(ofBuyer: $0).contains { $0.message.ts < since } })
        XCTAssertEqual(recent.agents, whole.agents)
        XCTAssertEqual(recent.ratings.count, whole.ratings.filter { $0.ts >= since }.count)
        XCTAssertTrue(recent.ratings.contains { $0.buyer == "只评价的买家" })
        XCTAssertFalse(recent.buyers.contains("只评价的买家"))
        XCTAssertEqual(Set(recent.tickets.keys), ["t10-0", "t10-1", "t10-2", "t11-0", "t11-1", "t11-2"])
        XCTAssertEqual(Set(recent.qa.keys.map(\.month)), [Month(year: 2026, month: 9)!, Month(year: 2026, month: 10)!, Month(year: 2026, month: 11)!],
                       "September's points: `since` (09-30 00:00) falls in September")
        XCTAssertEqual(Set(recent.shifts.values.map(\.date)), [day(10, 10), day(11, 10)])
    }

    func testABuyerComingBackAfterTheWindowIsReadWhole() throws {
        let store = try Store.open(path: try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path)
        let since = zone.startOfDay(day(10, 1)) - config.thresholds.attributionWindowMs
        let sep5 = zone.startOfDay(day(9, 5)) + 36_000_000 // 10:00
        // Three buyers last seen in early September, each with a chat and an order.
        var old: [KefuCore.Record] = []
        for (i, buyer) in ["老客甲", "老客乙", "老客丙"].enumerated() {
            old.append(.message(Message(ts: sep5 + Int64(i), buyer: buyer, agent: "a1", sender: .buyer)))
            old.append(.message(Message(ts: sep5 + 60_000, buyer: buyer, agent: "a1", sender: .agent)))
            old.append(.order(Order(id: "old\(i)", buyer: buyer, createdAt: sep5 + 120_000, paidAt: i == 2 ? nil : sep5 + 180_000,
                                    amount: 5_000, items: 1)))
        }
        try store.write(old + [.message(Message(ts: since + 1, buyer: "新客", agent: "a1", sender: .buyer))])
        var (book, mark) = try store.loadRecent(since: since, zone: zone)
        XCTAssertEqual(book.buyers, ["新客"])

        // Today: 甲 writes again, 乙's old order is refunded, 丙's old order is paid at last.
        let nov20 = zone.startOfDay(day(11, 20)) + 36_000_000
        let comeback: [KefuCore.Record] = [
            .message(Message(ts: nov20, buyer: "老客甲", agent: "a1", sender: .buyer)),
            .refund(Refund(orderID: "old1", refundedAt: nov20, amount: 1_000)),
            .order(Order(id: "old2", buyer: "老客丙", createdAt: sep5 + 120_000, paidAt: nov20, amount: 5_000, items: 1)),
            .message(Message(ts: nov20, buyer: "新客", agent: "a1", sender: .agent)),
        ]
        try store.write(comeback)
        let changes = try store.changes(since: mark, wholeHistoryOfBuyersNotIn: { !book.messages(ofBuyer: $0).isEmpty })
        // One commit's records, in its stamps' order (its messages are stamped as they are written, in batches).
        XCTAssertEqual(changes.records.count, comeback.count)
        for r in comeback { XCTAssertTrue(changes.records.contains(r), "\(r)") }
        for r in changes.history + changes.records { book.add(r) }
        mark = changes.upTo
        XCTAssertEqual(mark, try store.lastChange())

        let whole = try store.loadBook()
        for buyer in ["老客甲", "老客乙", "老客丙", "新客"] {
            XCTAssertEqual(book.messages(ofBuyer: buyer).map(\.message), whole.messages(ofBuyer: buyer).map(\.message), buyer)
            XCTAssertEqual(book.orders(ofBuyer: buyer), whole.orders(ofBuyer: buyer), buyer)
        }
        XCTAssertEqual(book.refunds(ofOrder: "old1"), whole.refunds(ofOrder: "old1"))
        // 新客 was known: the history holds only the three who came back.
        XCTAssertFalse(changes.history.contains { if case .message(let m) = $0 { m.buyer == "新客" } else { false } })
        let month = Period(from: day(11, 1), to: day(12, 1))
        XCTAssertEqual(reports(book, [month]), reports(whole, [month]))
    }
}
