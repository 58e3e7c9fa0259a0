import XCTest
@testable import KefuCore

/// The live path equals the batch path in the cases the compact book and the cheap rescore
/// open: orders first unpaid then paid (and a later unpaid record that must not clear the
/// payment), an order moving to another buyer, refunds before and after their order, repeated
/// records of every kind, ticket updates, buyers with many messages out of time order (their
/// messages move and are compacted while folding), and a live aggregate started from a loaded book.
final class LiveFoldTests: XCTestCase {
    /// A shop with the awkward cases above, in input order.
    static func awkwardRecords(seed: UInt64) -> [Record] {
        var rng = SplitMix(seed)
        let agents = ["旗舰店:小美", "旗舰店:乐乐", "Kiki", "s1"]
        var out: [Record] = [Fx.staff(agents[0], "小美", .presale), Fx.staff(agents[1], "乐乐", .presale),
                             Fx.staff(agents[2], "Kiki", .vip), Fx.staff(agents[3], "售后一", .aftersale)]
        let base = Fx.t("2026-11-10 00:00:00")
        for b in 0..<60 {
            let buyer = b % 2 == 0 ? "买家\(b)" : "tb\(b)"
            // Some buyers write a lot, in a shuffled order (their messages move while folding).
            let count = b % 10 == 0 ? 150 : 1 + rng.next(10)
            var ts = base + Int64(rng.next(200_000)) * 1000
            for _ in 0..<count {
                ts += Int64(rng.next(900)) * 1000 - (b % 10 == 0 ? 400_000 : 0)
                let kind = rng.next(10)
                out.append(.message(Message(ts: ts, buyer: buyer, agent: agents[rng.next(agents.count)],
                                            sender: kind < 5 ? .buyer : .agent, auto: kind == 9)))
                if rng.next(7) == 0 { out.append(out[out.count - 1 - rng.next(min(5, out.count - 4))]) } // a repeat
            }
            if rng.next(2) == 0 {
                let id = "o\(b)"
                let created = ts - Int64(rng.next(7_200)) * 1000
                let unpaid = Order(id: id, buyer: buyer, createdAt: created, paidAt: nil, amount: Fen(1_000 + rng.next(90_000)), items: 1)
                out.append(.order(unpaid))
                var paid = unpaid
                paid.paidAt = created + Int64(rng.next(200_000)) * 1000 // paid later, maybe days later
                out.append(.order(paid))
                out.append(.order(unpaid)) // must not clear the payment
                if rng.next(3) == 0 { // the order moves to another buyer
                    var moved = paid
                    moved.buyer = "tb\((b + 1) % 60)"
                    out.append(.order(moved))
                }
                out.append(.refund(Refund(orderID: id, refundedAt: paid.paidAt! + 3_600_000, amount: 500)))
                out.append(.refund(Refund(orderID: id, refundedAt: paid.paidAt! + 3_600_000, amount: 500))) // a repeat
            }
            if rng.next(5) == 0 { out.append(.rating(Rating(ts: ts, buyer: buyer, agent: agents[0], score: 1 + rng.next(5)))) }
        }
        out.append(.refund(Refund(orderID: "o-later", refundedAt: base + 86_400_000, amount: 700))) // before its order
        out.append(.order(Order(id: "o-later", buyer: "tb3", createdAt: base, paidAt: base + 60_000, amount: 9_900, items: 2)))
        for k in 0..<10 {
            let opened = base + Int64(rng.next(200_000)) * 1000
            let open = Ticket(id: "t\(k)", agent: agents[3], kind: .return, openedAt: opened, closedAt: nil, status: .unresolved)
            out.append(.ticket(open))
            out.append(.ticket(Ticket(id: "t\(k)", agent: agents[3], kind: .return, openedAt: opened, closedAt: opened + 600_000,
                                      status: rng.next(2) == 0 ? .resolved : .error)))
        }
        return out
    }

    func testFoldingEqualsBatchInInputOrderShuffledAndInBatches() {
        let period = Period(from: Fx.day("2026-11-10"), to: Fx.day("2026-11-13"))
        let engine = ScoringEngine(config: KefuConfig())
        for seed in 1...4 {
            let records = Self.awkwardRecords(seed: UInt64(seed))
            var shuffled = records
            var rng = SplitMix(UInt64(seed) &* 131)
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, rng.next(i + 1)) }
            for rule in AttributionRule.allCases {
                let batch = engine.report(Fx.book(records), period: period, rule: rule)
                // Shuffled, later records of an order or ticket may come first (they update it
                // in another order): the batch to match is the one over the same sequence.
                var oneByOne = LiveAggregator(config: KefuConfig(), period: period, rule: rule)
                for r in shuffled { oneByOne.fold(r) }
                XCTAssertEqual(oneByOne.report, engine.report(Fx.book(shuffled), period: period, rule: rule),
                               "seed \(seed) \(rule): one by one, shuffled")

                var batches = LiveAggregator(config: KefuConfig(), period: period, rule: rule)
                var start = 0
                while start < records.count {
                    let end = min(records.count, start + 1 + rng.next(40))
                    batches.fold(records[start..<end])
                    start = end
                }
                XCTAssertEqual(batches.report, batch, "seed \(seed) \(rule): in batches")

                // Started from a book holding the first half, then folding the rest.
                let half = records.count / 2
                var resumed = LiveAggregator(config: KefuConfig(), period: period, rule: rule, book: Fx.book(Array(records[..<half])))
                for r in records[half...] { resumed.fold(r) }
                XCTAssertEqual(resumed.report, batch, "seed \(seed) \(rule): from a loaded book")
            }
        }
    }

    /// Hand-worked: a paid order's late refund and a record that would clear its payment.
    /// a1 answers b1 at 10:00:10; b1 orders at 10:05 (credited to a1), pays at 10:06: sales 100.00.
    /// A refund of 30.00 the next day counts (refunds are final); a later unpaid copy of the
    /// order changes nothing; moving the order to b2 (no messages) makes it a silent sale.
    func testLateRecordsLandWhereTheyBelong() {
        let period = Period(from: Fx.day("2026-11-10"), to: Fx.day("2026-11-11"))
        var live = LiveAggregator(config: KefuConfig(), period: period, rule: .orderFirst)
        live.fold([Fx.staff("a1", "甲", .presale), Fx.buyer("2026-11-10 10:00:00", "b1", "a1"), Fx.agent("2026-11-10 10:00:10", "b1", "a1"),
                   Fx.order("o1", "b1", created: "2026-11-10 10:05:00", paid: "2026-11-10 10:06:00", fen: 10_000)])
        XCTAssertEqual(live.report.agent("a1").tally.salesFen, 10_000)
        live.fold(Fx.refund("o1", "2026-11-11 09:00:00", fen: 3_000))
        XCTAssertEqual(live.report.agent("a1").tally.refundFen, 3_000)
        live.fold(Fx.order("o1", "b1", created: "2026-11-10 10:05:00", fen: 10_000))
        XCTAssertEqual(live.report.agent("a1").tally.salesFen, 10_000, "an unpaid copy never clears the payment")
        live.fold(Fx.order("o1", "b2", created: "2026-11-10 10:05:00", fen: 10_000))
        XCTAssertEqual(live.report.agent("a1").tally.salesFen, 0)
        XCTAssertEqual(live.report.team.silentSalesFen, 10_000)
    }
}
