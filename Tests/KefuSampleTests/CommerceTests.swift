import XCTest
import KefuCore
@testable import KefuSample

final class CommerceTests: XCTestCase {
    let data = SampleData.standard
    static let window: Int64 = 86_400_000

    /// The latest non-auto agent message to the buyer in [from, to], as SPEC §4 reads it.
    private func latestAgent(_ byBuyer: [String: [Message]], _ buyer: String, _ from: Instant, _ to: Instant) -> Message? {
        byBuyer[buyer]?.last { $0.ts >= from && $0.ts <= to }
    }

    /// Most orders follow a chat within the 24 h window; some are silent (静默下单).
    func testOrdersFollowChatsAndSomeAreSilent() {
        let byBuyer = data.agentMessagesByBuyer
        let attributed = data.orders.filter { latestAgent(byBuyer, $0.buyer, $0.createdAt - Self.window, $0.createdAt) != nil }
        XCTAssertGreaterThan(Double(attributed.count) / Double(data.orders.count), 0.5)
        XCTAssertGreaterThan(data.orders.count - attributed.count, 300)
        XCTAssertEqual(Set(data.orders.map(\.id)).count, data.orders.count)
    }

    /// Paid at once, paid later after 催付, paid after the 24 h window, never paid.
    func testPaymentTimings() {
        let byBuyer = data.agentMessagesByBuyer
        let unpaid = data.orders.filter { $0.paidAt == nil }
        let quick = data.orders.filter { o in o.paidAt.map { $0 - o.createdAt <= 600_000 } ?? false }
        let late = data.orders.filter { o in o.paidAt.map { $0 - o.createdAt > Self.window } ?? false }
        let chased = data.orders.filter { o in
            guard let p = o.paidAt, p - o.createdAt > 600_000, p - o.createdAt <= Self.window else { return false }
            return byBuyer[o.buyer]?.contains { $0.ts > o.createdAt && $0.ts <= p } ?? false
        }
        XCTAssertGreaterThan(Double(quick.count) / Double(data.orders.count), 0.6)
        XCTAssertGreaterThan(unpaid.count, 100)
        XCTAssertGreaterThan(late.count, 50)
        XCTAssertGreaterThan(chased.count, 100)
        XCTAssert(data.orders.allSatisfy { ($0.paidAt ?? $0.createdAt) >= $0.createdAt && $0.amount > 0 && $0.items >= 1 })
    }

    /// Partial and full refunds, on paid orders, after payment, never above the order.
    func testRefundsNeverExceedTheOrder() {
        let orders = Dictionary(uniqueKeysWithValues: data.orders.map { ($0.id, $0) })
        var sums: [String: Fen] = [:]
        for r in data.refunds {
            let o = orders[r.orderID]!
            XCTAssertNotNil(o.paidAt)
            XCTAssertGreaterThan(r.refundedAt, o.paidAt!)
            XCTAssertGreaterThan(r.amount, 0)
            sums[r.orderID, default: 0] += r.amount
        }
        XCTAssert(sums.allSatisfy { $0.value <= orders[$0.key]!.amount })
        let full = sums.filter { $0.value == orders[$0.key]!.amount }.count
        XCTAssertGreaterThan(full, 50)
        XCTAssertGreaterThan(sums.count - full, 50)
        XCTAssertGreaterThan(Dictionary(grouping: data.refunds, by: \.orderID).values.filter { $0.count == 2 }.count, 5)
    }

    /// VIP agents' buyers spend more per order than presale agents' buyers (AOV).
    func testVIPOrdersAreLarger() {
        let roles = Dictionary(uniqueKeysWithValues: data.agents.map { ($0.id, $0.role!) })
        let byBuyer = data.agentMessagesByBuyer
        var sums: [Role: (Fen, Int)] = [:]
        for o in data.orders where o.paidAt != nil {
            guard let a = latestAgent(byBuyer, o.buyer, o.createdAt - Self.window, o.createdAt) else { continue }
            sums[roles[a.agent]!, default: (0, 0)].0 += o.amount
            sums[roles[a.agent]!, default: (0, 0)].1 += 1
        }
        let vip = sums[.vip]!, presale = sums[.presale]!
        XCTAssertGreaterThan(vip.0 / Fen(vip.1), 2 * presale.0 / Fen(presale.1))
    }

    /// Ratings 1–5, mostly 4–5, each by a buyer who chatted with that agent before.
    func testRatingsComeFromBuyersWhoChatted() {
        XCTAssertEqual(Set(data.ratings.map(\.score)), [1, 2, 3, 4, 5])
        let good = data.ratings.filter { $0.score >= 4 }.count
        XCTAssertGreaterThan(Double(good) / Double(data.ratings.count), 0.7)
        var lastChat: [String: Instant] = [:]
        for m in data.messages where m.sender == .buyer {
            lastChat["\(m.agent)|\(m.buyer)"] = min(lastChat["\(m.agent)|\(m.buyer)"] ?? .max, m.ts)
        }
        XCTAssert(data.ratings.allSatisfy { r in (lastChat["\(r.agent)|\(r.buyer)"] ?? .max) < r.ts })
    }

    /// Tickets of every kind and status, closed after opened (open ones unclosed), mostly
    /// held by aftersale agents.
    func testTickets() {
        let tickets = data.tickets
        XCTAssertEqual(Set(tickets.map(\.kind)), Set(TicketKind.allCases))
        XCTAssertEqual(Set(tickets.map(\.status)), Set(TicketStatus.allCases))
        XCTAssertEqual(Set(tickets.map(\.id)).count, tickets.count)
        for t in tickets {
            if t.status == .unresolved { XCTAssertNil(t.closedAt) } else { XCTAssertGreaterThan(t.closedAt!, t.openedAt) }
        }
        let aftersale = Set(data.agents.filter { $0.role == .aftersale }.map(\.id))
        XCTAssertGreaterThan(Double(tickets.filter { aftersale.contains($0.agent) }.count) / Double(tickets.count), 0.7)
    }
}
