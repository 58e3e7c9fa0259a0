import XCTest
@testable import KefuCore

/// Invariants over generated data, under every rule.
final class PropertyTests: XCTestCase {
    /// A small deterministic random shop: 6 agents, 40 buyers, 3 days.
    static func randomRecords(seed: UInt64) -> [Record] {
        var rng = SplitMix(seed)
        let agents = ["旗舰店:小美", "旗舰店:乐乐", "Kiki", "s1", "s2", "ghost"]
        var out: [Record] = [Fx.staff(agents[0], "小美", .presale), Fx.staff(agents[1], "乐乐", .presale),
                             Fx.staff(agents[2], "Kiki", .vip), Fx.staff(agents[3], "售后一", .aftersale),
                             Fx.staff(agents[4], "售后二", .aftersale)]
        let base = Fx.t("2026-11-10 00:00:00")
        for b in 0..<40 {
            let buyer = "tb\(b)"
            var ts = base + Int64(rng.next(259_200)) * 1000
            for _ in 0..<(1 + rng.next(12)) {
                ts += Int64(rng.next(1_200)) * 1000
                let agent = agents[rng.next(agents.count)]
                let kind = rng.next(10)
                out.append(.message(Message(ts: ts, buyer: buyer, agent: agent, sender: kind < 5 ? .buyer : .agent, auto: kind == 9)))
                if rng.next(6) == 0 {
                    let created = ts + Int64(rng.next(3_600)) * 1000
                    let paid: Instant? = rng.next(3) == 0 ? nil : created + Int64(rng.next(100_000)) * 1000
                    let id = "o\(b)-\(ts)"
                    out.append(.order(Order(id: id, buyer: buyer, createdAt: created, paidAt: paid, amount: Fen(1 + rng.next(50_000)), items: 1 + rng.next(3))))
                    if paid != nil, rng.next(4) == 0 {
                        out.append(.refund(Refund(orderID: id, refundedAt: paid! + 3_600_000, amount: Fen(1 + rng.next(100)))))
                    }
                }
                if rng.next(8) == 0 { out.append(.rating(Rating(ts: ts, buyer: buyer, agent: agent, score: 1 + rng.next(5)))) }
            }
        }
        for k in 0..<15 {
            let opened = base + Int64(rng.next(259_200)) * 1000
            out.append(.ticket(Ticket(id: "t\(k)", agent: agents[3 + rng.next(2)], kind: TicketKind.allCases[rng.next(6)],
                                      openedAt: opened, closedAt: opened + 600_000, status: TicketStatus.allCases[rng.next(3)])))
        }
        return out
    }

    func testTeamTotalsAreSumsAndRatiosAreShares() {
        for seed in 1...8 {
            let records = Self.randomRecords(seed: UInt64(seed))
            for rule in AttributionRule.allCases {
                let r = Fx.report(records, from: "2026-11-10", to: "2026-11-13", rule: rule)
                var sum = Tally()
                for a in r.agents { sum += a.tally }
                XCTAssertEqual(r.team.tally.salesFen, sum.salesFen)
                XCTAssertEqual(r.team.tally.consults, sum.consults)
                // Every paid order in the period is credited or silent: sales + silent = all paid.
                let book = Fx.book(records)
                let period = Period(from: Fx.day("2026-11-10"), to: Fx.day("2026-11-13"))
                let allPaid = book.orders.values.filter { $0.paidAt.map { period.contains(Fx.zone.day(of: $0)) } ?? false }
                XCTAssertEqual(r.team.tally.salesFen + r.team.silentSalesFen, allPaid.reduce(0) { $0 + $1.amount }, "seed \(seed) \(rule)")
                XCTAssertLessThanOrEqual(r.team.tally.paidBuyers, sum.paidBuyers)
                for a in r.agents + [AgentMetrics(agentID: "team", name: nil, role: nil, group: nil, grade: nil, tally: r.team.tally)] {
                    for share in [a.replyRate, a.slowRatio, a.fastRate, a.inquiryOrderRate, a.conversion, a.refundRate,
                                  a.satisfaction, a.resolutionRate, a.errorRate] {
                        if let s = share { XCTAssert((0...1).contains(s), "\(a.agentID): \(s)") }
                    }
                    if let score = a.score {
                        XCTAssertEqual(score, a.scorecard.reduce(0) { $0 + $1.points }, accuracy: 1e-9)
                    }
                }
            }
        }
    }

    /// The live path folding records one by one (shuffled: late records update the past)
    /// equals the batch path over the same records.
    func testIncrementalEqualsBatch() {
        for seed in 1...6 {
            var rng = SplitMix(UInt64(seed) &* 7)
            var records = Self.randomRecords(seed: UInt64(seed))
            // Agents first, the rest in a random order: orders before their messages, refunds before orders, …
            let agents = records.filter { if case .agent = $0 { return true } else { return false } }
            var rest = records.filter { if case .agent = $0 { return false } else { return true } }
            for i in stride(from: rest.count - 1, to: 0, by: -1) { rest.swapAt(i, rng.next(i + 1)) }
            records = agents + rest
            for rule in AttributionRule.allCases {
                let period = Period(from: Fx.day("2026-11-10"), to: Fx.day("2026-11-12"))
                var live = LiveAggregator(config: KefuConfig(), period: period, rule: rule)
                for r in records { live.fold(r) }
                // Folding duplicates again changes nothing.
                for r in records.prefix(20) { live.fold(r) }
                let batch = ScoringEngine(config: KefuConfig()).report(Fx.book(records), period: period, rule: rule)
                XCTAssertEqual(live.report, batch, "seed \(seed) \(rule)")
            }
        }
    }
}

/// SplitMix64: a tiny deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
