import Foundation
import KefuCore
@testable import KefuStore
import XCTest

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// A deterministic generator (SplitMix64), so generated data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 2026-11-11T00:00:00+08:00 in ms.
let nov11: Instant = 1_794_326_400_000

/// A mixed stream of records of every kind, with duplicates, same-instant ties, orders paid
/// later, tickets closed later and refunds, drawn from small pools of ids so keys collide.
/// Times fall in the `spanSeconds` after 2026-11-11 00:00 +08:00.
func generatedRecords(count: Int, seed: UInt64, spanSeconds: Int64 = 20) -> [KefuCore.Record] {
    var rng = SeededGenerator(seed: seed)
    var out: [KefuCore.Record] = []
    let agents = ["a1", "a2", "a3", "小王"]
    for (i, id) in agents.prefix(3).enumerated() {
        out.append(.agent(Agent(id: id, name: "客服\(i)", role: [.presale, .aftersale, .vip][i], grade: i + 1)))
    }
    while out.count < count {
        let ts = nov11 + Int64.random(in: 0..<spanSeconds, using: &rng) * 1000 // few instants: many ties
        let buyer = "b\(Int.random(in: 0..<15, using: &rng))"
        let agent = agents.randomElement(using: &rng)!
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<60:
            out.append(.message(Message(ts: ts, buyer: buyer, agent: agent, sender: Bool.random(using: &rng) ? .buyer : .agent,
                                        auto: Bool.random(using: &rng))))
        case 60..<72:
            let n = Int.random(in: 0..<30, using: &rng)
            let paid: Instant? = Bool.random(using: &rng) ? ts + 60_000 : nil
            // An order's buyer, creation and amount stay the same across its records; payment varies.
            out.append(.order(Order(id: "o\(n)", buyer: "b\(n % 15)", createdAt: nov11 + Int64(n) * 60_000, paidAt: paid,
                                    amount: 10_000 + Int64(n), items: 1)))
        case 72..<78:
            out.append(.refund(Refund(orderID: "o\(Int.random(in: 0..<30, using: &rng))", refundedAt: ts,
                                      amount: Int64.random(in: 1...3000, using: &rng))))
        case 78..<86:
            out.append(.rating(Rating(ts: ts, buyer: buyer, agent: agent, score: Int.random(in: 1...5, using: &rng))))
        case 86..<94:
            let status = TicketStatus.allCases.randomElement(using: &rng)!
            out.append(.ticket(Ticket(id: "t\(Int.random(in: 0..<10, using: &rng))", agent: agent, kind: .logistics,
                                      openedAt: nov11, closedAt: status == .unresolved ? nil : ts, status: status)))
        case 94..<97:
            out.append(.qa(QAPoints(month: Month(year: 2026, month: 11)!, agent: agent,
                                    points: Double(Int.random(in: 60...100, using: &rng)))))
        default:
            out.append(.shift(Shift(agent: agent, date: LocalDate(year: 2026, month: 11, day: 11)!,
                                    start: [480, 540].randomElement(using: &rng)!, end: 1020)))
        }
    }
    return out
}

/// Asserts two books hold the same records in the same orders.
func assertSameBook(_ a: RecordBook, _ b: RecordBook, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.agents, b.agents, "agents", file: file, line: line)
    XCTAssertEqual(a.agentOrder, b.agentOrder, "agent order", file: file, line: line)
    XCTAssertEqual(a.allMessages, b.allMessages, "messages in input order", file: file, line: line)
    XCTAssertEqual(Set(a.messagingBuyers), Set(b.messagingBuyers), "buyers with messages", file: file, line: line)
    for buyer in a.messagingBuyers {
        XCTAssertEqual(a.messages(ofBuyer: buyer).map(\.message), b.messages(ofBuyer: buyer).map(\.message),
                       "messages of \(buyer)", file: file, line: line)
    }
    XCTAssertEqual(a.orders, b.orders, "orders", file: file, line: line)
    XCTAssertEqual(Set(a.buyers), Set(b.buyers), "buyers", file: file, line: line)
    for buyer in a.buyers {
        XCTAssertEqual(a.orders(ofBuyer: buyer), b.orders(ofBuyer: buyer), "orders of \(buyer)", file: file, line: line)
    }
    XCTAssertEqual(a.refundsByOrder, b.refundsByOrder, "refunds", file: file, line: line)
    XCTAssertEqual(a.ratings, b.ratings, "ratings", file: file, line: line)
    XCTAssertEqual(a.tickets, b.tickets, "tickets", file: file, line: line)
    XCTAssertEqual(a.ticketOrder, b.ticketOrder, "ticket order", file: file, line: line)
    XCTAssertEqual(a.qa, b.qa, "qa", file: file, line: line)
    XCTAssertEqual(a.shifts, b.shifts, "shifts", file: file, line: line)
    XCTAssertEqual(a.namedAgents, b.namedAgents, "named agents", file: file, line: line)
    XCTAssertEqual(a.messageCount, b.messageCount, "message count", file: file, line: line)
}

extension WriteCounts {
    /// Counts one outcome of `RecordBook.add`, for comparing the store's counts with the book's.
    mutating func count(_ outcome: RecordBook.Outcome) {
        switch outcome {
        case .stored: stored += 1
        case .updated: updated += 1
        case .duplicate: duplicates += 1
        }
    }
}
