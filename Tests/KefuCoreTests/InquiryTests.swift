import XCTest
@testable import KefuCore

/// SPEC §5 inquiries and conversion, worked by hand.
final class InquiryTests: XCTestCase {
    /// b1 asks a1 on 11-10 at 10:00 (t1), orders at 10:30 (unpaid, credited to a1: a1 answered
    /// at 10:01), and pays on 11-11. b2 asks a1 at 11:00 but ordered at 09:00 the same day
    /// (an order in [t1 − 24 h, t1)): not an inquiry. b3 asks and never orders.
    ///   inquiries = 2 (b1, b3); converted to order = 1 (b1); to payment = 1 (paid later: final).
    ///   inquiry→order = 1/2, conversion = 1/2.
    func testInquiriesAndConversion() {
        let records = [
            Fx.buyer("2026-11-10 10:00:00", "b1", "a1"),
            Fx.agent("2026-11-10 10:01:00", "b1", "a1"),
            Fx.order("o1", "b1", created: "2026-11-10 10:30:00", paid: "2026-11-11 09:00:00", fen: 100),
            Fx.order("o2", "b2", created: "2026-11-10 09:00:00", fen: 100),
            Fx.buyer("2026-11-10 11:00:00", "b2", "a1"),
            Fx.agent("2026-11-10 11:00:30", "b2", "a1"),
            Fx.buyer("2026-11-10 12:00:00", "b3", "a1"),
            Fx.agent("2026-11-10 12:00:30", "b3", "a1"),
        ]
        let a = Fx.report(records, from: "2026-11-10", to: "2026-11-11").agent("a1")
        XCTAssertEqual(a.tally.consults, 3)
        XCTAssertEqual(a.tally.inquiries, 2)
        XCTAssertEqual(a.tally.inquiriesOrdered, 1)
        XCTAssertEqual(a.tally.inquiriesPaid, 1)
        XCTAssertNear(a.inquiryOrderRate, 0.5)
        XCTAssertNear(a.conversion, 0.5)
    }

    /// One order may convert several inquiries of its agent: b1 asks a1 on 11-10 10:00 and
    /// 11-11 09:00 and orders on 11-11 09:30 (paid): [t1, t1 + 24 h] holds the order for both.
    /// The second conversation: the order lies after t1, and no order in [t1 − W, t1): also an
    /// inquiry. So over both days: 2 inquiries, 2 converted.
    func testOneOrderConvertsSeveralInquiries() {
        let records = [
            Fx.buyer("2026-11-10 10:00:00", "b1", "a1"), Fx.agent("2026-11-10 10:00:05", "b1", "a1"),
            Fx.buyer("2026-11-11 09:00:00", "b1", "a1"), Fx.agent("2026-11-11 09:00:05", "b1", "a1"),
            Fx.order("o1", "b1", created: "2026-11-11 09:30:00", paid: "2026-11-11 09:31:00", fen: 100),
        ]
        let a = Fx.report(records, from: "2026-11-10", to: "2026-11-12").agent("a1")
        XCTAssertEqual(a.tally.inquiries, 2)
        XCTAssertEqual(a.tally.inquiriesPaid, 2)
    }

    /// An order credited to another agent does not convert a1's inquiry: b1 asks a1 at 10:00,
    /// then a2 talks to b1 at 10:20; the order at 10:30 goes to a2 (latest message).
    func testOrderCreditedElsewhereDoesNotConvert() {
        let a = Fx.report([
            Fx.buyer("2026-11-10 10:00:00", "b1", "a1"), Fx.agent("2026-11-10 10:00:05", "b1", "a1"),
            Fx.buyer("2026-11-10 10:19:00", "b1", "a2"), Fx.agent("2026-11-10 10:20:00", "b1", "a2"),
            Fx.order("o1", "b1", created: "2026-11-10 10:30:00", paid: "2026-11-10 10:31:00", fen: 100),
        ], from: "2026-11-10", to: "2026-11-11")
        XCTAssertNear(a.agent("a1").conversion, 0)
        XCTAssertNear(a.agent("a2").conversion, 1)
    }
}
