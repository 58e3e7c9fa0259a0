import XCTest
@testable import KefuCore

/// SPEC §4 and §5's sales figures under the three rules, worked by hand.
final class AttributionTests: XCTestCase {
    /// b5 talks to a1 at 09:00 and a2 at 11:00, orders at 12:00 (100.00, 2 items); a1 writes
    /// again at 12:10 (a chase) and b5 pays at 12:30.
    ///   A_o = latest non-auto in [12:00 − 24 h, 12:00] = a2 (11:00).
    ///   A_p = latest in [c − W, 12:30] = a1 (12:10), which lies in (c, p]: a1 chased payment.
    ///   order:       credited a2; a1 ≠ a2 chased → assist a1 (1 order, 10000 fen).
    ///   payment:     credited a1; no assists under `payment`.
    ///   order-first: credited a2 (A_o exists); assist a1.
    func testChasedPaymentUnderEachRule() {
        let records = [
            Fx.buyer("2026-11-10 08:59:00", "b5", "a1"),
            Fx.agent("2026-11-10 09:00:00", "b5", "a1"),
            Fx.buyer("2026-11-10 10:59:00", "b5", "a2"),
            Fx.agent("2026-11-10 11:00:00", "b5", "a2"),
            Fx.order("o1", "b5", created: "2026-11-10 12:00:00", paid: "2026-11-10 12:30:00", fen: 10_000, items: 2),
            Fx.agent("2026-11-10 12:10:00", "b5", "a1"),
        ]
        let byOrder = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .order)
        XCTAssertEqual(byOrder.agent("a2").tally.salesFen, 10_000)
        XCTAssertEqual(byOrder.agent("a2").tally.items, 2)
        XCTAssertEqual(byOrder.agent("a1").tally.salesFen, 0)
        XCTAssertEqual(byOrder.agent("a1").tally.assistOrders, 1)
        XCTAssertEqual(byOrder.agent("a1").tally.assistFen, 10_000)
        XCTAssertEqual(byOrder.team.tally.salesFen, 10_000, "assists are never added to sales")

        let byPayment = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .payment)
        XCTAssertEqual(byPayment.agent("a1").tally.salesFen, 10_000)
        XCTAssertEqual(byPayment.agent("a2").tally.salesFen, 0)
        XCTAssertEqual(byPayment.team.tally.assistOrders, 0)

        let orderFirst = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .orderFirst)
        XCTAssertEqual(orderFirst.agent("a2").tally.salesFen, 10_000)
        XCTAssertEqual(orderFirst.agent("a1").tally.assistOrders, 1)
    }

    /// A silent order (no chat at all, paid 50.00): credited to no one under every rule, the
    /// shop's silent sales; team sales exclude it.
    func testSilentOrder() {
        for rule in AttributionRule.allCases {
            let r = Fx.report([
                Fx.order("o6", "b6", created: "2026-11-10 13:00:00", paid: "2026-11-10 13:01:00", fen: 5_000),
            ], from: "2026-11-10", to: "2026-11-11", rule: rule)
            XCTAssertEqual(r.team.silentSalesFen, 5_000, "\(rule)")
            XCTAssertEqual(r.team.silentOrders, 1)
            XCTAssertEqual(r.team.tally.salesFen, 0)
            XCTAssertEqual(r.team.tally.paidBuyers, 0)
        }
    }

    /// A silent order chased to payment: b7 orders at 13:00 with no chat before; a1 writes at
    /// 13:05; b7 pays at 13:10 (80.00). A_o none; A_p = a1, chased.
    ///   order:       silent sale 8000; a1 gets an assist (credited to no one).
    ///   payment:     a1 credited 8000.
    ///   order-first: a1 credited (the chaser), no assist.
    func testSilentOrderChasedToPayment() {
        let records = [
            Fx.order("o7", "b7", created: "2026-11-10 13:00:00", paid: "2026-11-10 13:10:00", fen: 8_000),
            Fx.agent("2026-11-10 13:05:00", "b7", "a1"),
        ]
        let byOrder = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .order)
        XCTAssertEqual(byOrder.team.silentSalesFen, 8_000)
        XCTAssertEqual(byOrder.agent("a1").tally.assistOrders, 1)
        XCTAssertEqual(byOrder.agent("a1").tally.salesFen, 0)
        let byPayment = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .payment)
        XCTAssertEqual(byPayment.agent("a1").tally.salesFen, 8_000)
        XCTAssertEqual(byPayment.team.silentSalesFen, 0)
        let orderFirst = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .orderFirst)
        XCTAssertEqual(orderFirst.agent("a1").tally.salesFen, 8_000)
        XCTAssertEqual(orderFirst.agent("a1").tally.assistOrders, 0)
    }

    /// An order paid after the window: a1 chats 11-10 08:00, b8 orders 09:00 (unpaid then),
    /// pays 11-12 10:00 (more than 24 h later). A_p = latest in [c − W, p] = a1 08:00, so no
    /// chase. Sales count on the day of payment: nothing in 11-10, 120.00 in 11-12, under every rule.
    func testOrderPaidAfterTheWindow() {
        let records = [
            Fx.buyer("2026-11-10 07:59:00", "b8", "a1"),
            Fx.agent("2026-11-10 08:00:00", "b8", "a1"),
            Fx.order("o8", "b8", created: "2026-11-10 09:00:00", paid: "2026-11-12 10:00:00", fen: 12_000),
        ]
        for rule in AttributionRule.allCases {
            XCTAssertEqual(Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: rule).agent("a1").tally.salesFen, 0)
            XCTAssertEqual(Fx.report(records, from: "2026-11-12", to: "2026-11-13", rule: rule).agent("a1").tally.salesFen, 12_000, "\(rule)")
        }
        // The 11-10 inquiry converts (to order and, finally, to payment) under every rule.
        let a = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .payment).agent("a1")
        XCTAssertEqual(a.tally.inquiries, 1)
        XCTAssertNear(a.conversion, 1)
        // As of 11-11 the payment has not happened: the order reads unpaid. Under `payment`
        // unpaid orders are credited to no one, so even inquiry→order is 0; under `order` it
        // converted to order but not to payment.
        let early = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .payment, asOf: "2026-11-11 00:00:00").agent("a1")
        XCTAssertNear(early.conversion, 0)
        XCTAssertNear(early.inquiryOrderRate, 0)
        let earlyOrder = Fx.report(records, from: "2026-11-10", to: "2026-11-11", rule: .order, asOf: "2026-11-11 00:00:00").agent("a1")
        XCTAssertNear(earlyOrder.inquiryOrderRate, 1)
        XCTAssertNear(earlyOrder.conversion, 0)
    }

    /// The window's ends are included: a message exactly W before the order counts; one a
    /// second earlier does not (then the order is silent).
    func testWindowEndsIncluded() {
        let at = Fx.report([
            Fx.agent("2026-11-09 12:00:00", "b1", "a1"),
            Fx.order("o1", "b1", created: "2026-11-10 12:00:00", paid: "2026-11-10 12:00:00", fen: 100),
        ], from: "2026-11-10", to: "2026-11-11", rule: .order)
        XCTAssertEqual(at.agent("a1").tally.salesFen, 100)
        let before = Fx.report([
            Fx.agent("2026-11-09 11:59:59", "b1", "a1"),
            Fx.order("o1", "b1", created: "2026-11-10 12:00:00", paid: "2026-11-10 12:00:00", fen: 100),
        ], from: "2026-11-10", to: "2026-11-11", rule: .order)
        XCTAssertEqual(before.team.silentSalesFen, 100)
    }

    /// Two agents' messages at the same instant: the smaller agent_id as UTF-8 bytes wins.
    /// "旗舰店:A" < "旗舰店:小美" because 'A' (0x41) < the first byte of 小 (0xE5).
    func testTieGoesToSmallerAgentIDBytes() {
        let r = Fx.report([
            Fx.agent("2026-11-10 11:00:00", "b1", "旗舰店:小美"),
            Fx.agent("2026-11-10 11:00:00", "b1", "旗舰店:A"),
            Fx.order("o1", "b1", created: "2026-11-10 12:00:00", paid: "2026-11-10 12:01:00", fen: 999),
        ], from: "2026-11-10", to: "2026-11-11", rule: .order)
        XCTAssertEqual(r.agent("旗舰店:A").tally.salesFen, 999)
        XCTAssertEqual(r.agent("旗舰店:小美").tally.salesFen, 0)
    }

    /// Auto replies never attribute: only a1's auto reply precedes the order → silent.
    func testAutoRepliesNeverAttribute() {
        let r = Fx.report([
            Fx.agent("2026-11-10 11:00:00", "b1", "a1", auto: true),
            Fx.order("o1", "b1", created: "2026-11-10 12:00:00", paid: "2026-11-10 12:01:00", fen: 500),
        ], from: "2026-11-10", to: "2026-11-11", rule: .orderFirst)
        XCTAssertEqual(r.team.silentSalesFen, 500)
    }

    /// A partial refund: a1 is credited two paid orders of b1, 100.00 and 50.00, and 30.00 of
    /// the first is refunded the next day (after the period: refunds count whenever made).
    /// sales 15000, paid orders 2, paid buyers 1, AOV 15000, refunds 3000, refund rate 0.2.
    /// As of the end of 11-10 the refund has not happened: refunds 0.
    func testPartialRefundAndAOV() {
        let records = [
            Fx.buyer("2026-11-10 09:59:00", "b1", "a1"),
            Fx.agent("2026-11-10 10:00:00", "b1", "a1"),
            Fx.order("o1", "b1", created: "2026-11-10 10:05:00", paid: "2026-11-10 10:06:00", fen: 10_000),
            Fx.order("o2", "b1", created: "2026-11-10 10:07:00", paid: "2026-11-10 10:08:00", fen: 5_000),
            Fx.refund("o1", "2026-11-11 09:00:00", fen: 3_000),
        ]
        let a = Fx.report(records, from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertEqual(a.tally.salesFen, 15_000)
        XCTAssertEqual(a.tally.paidOrders, 2)
        XCTAssertEqual(a.tally.paidBuyers, 1)
        XCTAssertEqual(a.aovFen, 15_000)
        XCTAssertEqual(a.tally.refundFen, 3_000)
        XCTAssertNear(a.refundRate, 0.2)
        let early = Fx.report(records, from: "2026-11-10", to: "2026-11-11", asOf: "2026-11-10 23:59:59").agent("a1")
        XCTAssertEqual(early.tally.refundFen, 0)
    }

    /// AOV rounds half away from zero: 3 buyers, sales 100.01 → 10001 / 3 = 3333.67 → 3334 fen;
    /// 2 buyers and 1.01 → 101 / 2 = 50.5 → 51 fen. Items per buyer = 4 items / 3 buyers.
    func testAOVRoundingAndItemsPerBuyer() {
        XCTAssertEqual(roundedDivision(10_001, 3), 3_334)
        XCTAssertEqual(roundedDivision(101, 2), 51)
        XCTAssertEqual(roundedDivision(100, 3), 33)
        var records: [Record] = []
        for (i, fen) in [Fen(3_000), 3_000, 4_001].enumerated() {
            records.append(Fx.agent("2026-11-10 10:00:0\(i)", "b\(i)", "a1"))
            records.append(Fx.order("o\(i)", "b\(i)", created: "2026-11-10 11:00:00", paid: "2026-11-10 11:00:00", fen: fen, items: i == 2 ? 2 : 1))
        }
        let a = Fx.report(records, from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertEqual(a.aovFen, 3_334)
        XCTAssertNear(a.itemsPerBuyer, 4.0 / 3.0)
    }
}

/// The order list behind an agent's sales and assists.
final class AgentOrdersTests: XCTestCase {
    /// The chased-payment fixture: under `order`, o1 is a2's (credited) and a1's (assisted, chased);
    /// the order's sum equals each one's sales / assist figures in the report.
    func testOrdersBehindSalesAndAssists() {
        let records = [
            Fx.agent("2026-11-10 11:00:00", "b5", "a2"),
            Fx.order("o1", "b5", created: "2026-11-10 12:00:00", paid: "2026-11-10 12:30:00", fen: 10_000),
            Fx.agent("2026-11-10 12:10:00", "b5", "a1"),
            Fx.order("o2", "b6", created: "2026-11-10 13:00:00", paid: "2026-11-10 13:01:00", fen: 500),
        ]
        let engine = ScoringEngine(config: KefuConfig())
        let period = Period(from: Fx.day("2026-11-10"), to: Fx.day("2026-11-11"))
        let book = Fx.book(records)
        let a2 = engine.orders(of: "a2", in: book, period: period, rule: .order)
        XCTAssertEqual(a2.map(\.order.id), ["o1"])
        XCTAssertEqual(a2.first?.credit, .credited)
        let a1 = engine.orders(of: "a1", in: book, period: period, rule: .order)
        XCTAssertEqual(a1.map(\.credit), [.assisted])
        XCTAssertEqual(a1.first?.chased, true)
        XCTAssertEqual(engine.orders(of: "a1", in: book, period: period, rule: .payment).map(\.credit), [.credited])
        let report = engine.report(book, period: period, rule: .order)
        XCTAssertEqual(a2.reduce(0) { $0 + $1.order.amount }, report.agent("a2").tally.salesFen)
    }
}
