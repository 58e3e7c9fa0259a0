import XCTest
@testable import KefuCore

/// Small builders for hand-worked fixtures. Times are shop-local (Asia/Shanghai, +08:00)
/// unless they carry an offset.
enum Fx {
    static let zone = ShopTimeZone.shanghai

    static func t(_ s: String) -> Instant { Timestamp.parse(s, zone: zone)! }
    static func day(_ s: String) -> LocalDate { LocalDate(s)! }

    static func buyer(_ ts: String, _ buyer: String, _ agent: String) -> Record {
        .message(Message(ts: t(ts), buyer: buyer, agent: agent, sender: .buyer))
    }
    static func agent(_ ts: String, _ buyer: String, _ agent: String, auto: Bool = false) -> Record {
        .message(Message(ts: t(ts), buyer: buyer, agent: agent, sender: .agent, auto: auto))
    }
    static func order(_ id: String, _ buyer: String, created: String, paid: String? = nil, fen: Fen, items: Int = 1) -> Record {
        .order(Order(id: id, buyer: buyer, createdAt: t(created), paidAt: paid.map(t), amount: fen, items: items))
    }
    static func refund(_ order: String, _ ts: String, fen: Fen) -> Record {
        .refund(Refund(orderID: order, refundedAt: t(ts), amount: fen))
    }
    static func rating(_ ts: String, _ buyer: String, _ agent: String, _ score: Int) -> Record {
        .rating(Rating(ts: t(ts), buyer: buyer, agent: agent, score: score))
    }
    static func ticket(_ id: String, _ agent: String, _ kind: TicketKind, opened: String, closed: String?, _ status: TicketStatus) -> Record {
        .ticket(Ticket(id: id, agent: agent, kind: kind, openedAt: t(opened), closedAt: closed.map(t), status: status))
    }
    static func staff(_ id: String, _ name: String, _ role: Role) -> Record {
        .agent(Agent(id: id, name: name, role: role))
    }

    static func book(_ records: [Record]) -> RecordBook {
        var b = RecordBook()
        for r in records { b.add(r) }
        return b
    }

    static func report(_ records: [Record], from: String, to: String, rule: AttributionRule = .orderFirst,
                       asOf: String? = nil, config: KefuConfig = KefuConfig()) -> Report {
        ScoringEngine(config: config).report(book(records), period: Period(from: day(from), to: day(to)),
                                             rule: rule, asOf: asOf.map(t))
    }
}

extension Report {
    func agent(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> AgentMetrics {
        guard let a = agents.first(where: { $0.agentID == id }) else {
            XCTFail("no agent \(id) in report", file: file, line: line)
            return AgentMetrics(agentID: id, name: nil, role: nil, group: nil, grade: nil, tally: Tally())
        }
        return a
    }
}

func XCTAssertNear(_ a: Double?, _ b: Double?, accuracy: Double = 1e-9, file: StaticString = #filePath, line: UInt = #line) {
    switch (a, b) {
    case (nil, nil): return
    case let (x?, y?): XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line)
    default: XCTFail("\(String(describing: a)) is not \(String(describing: b))", file: file, line: line)
    }
}
