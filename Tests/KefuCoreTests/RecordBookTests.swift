import XCTest
@testable import KefuCore

/// The compact book keeps SPEC §2's natural-key rules whichever way records come in: one by
/// one (segments that grow, move and are compacted) or after a bulk load's count (segments laid
/// out at their final size first).
final class RecordBookTests: XCTestCase {
    /// Messages with many repeats (same key), same-instant pairs, buyers past the 64-message
    /// scan limit and Chinese ids; about a third are duplicates.
    static func randomMessages(seed: UInt64, count: Int) -> [Message] {
        var rng = SplitMix(seed)
        let agents = ["旗舰店:小美", "旗舰店:乐乐", "Kiki", "s1"]
        let buyers = (0..<30).map { $0 % 3 == 0 ? "买家\($0)" : "tb\($0)" } + ["大客户"]
        let base = Fx.t("2026-11-10 00:00:00")
        var out: [Message] = []
        for _ in 0..<count {
            if !out.isEmpty, rng.next(3) == 0 { out.append(out[rng.next(out.count)]); continue }
            let buyer = rng.next(4) == 0 ? "大客户" : buyers[rng.next(buyers.count)]
            let ts = base + Int64(rng.next(400)) * 1000
            out.append(Message(ts: ts, buyer: buyer, agent: agents[rng.next(agents.count)],
                               sender: rng.next(2) == 0 ? .buyer : .agent, auto: rng.next(5) == 0))
        }
        return out
    }

    /// What SPEC §2 says the book must hold: the first message of each key, per buyer in input order.
    func expected(_ messages: [Message]) -> (all: [Message], duplicate: [Bool]) {
        struct Key: Hashable { var ts: Instant; var buyer, agent: String; var sender: Sender; var auto: Bool }
        var seen = Set<Key>()
        var all: [Message] = []
        var duplicate: [Bool] = []
        for m in messages {
            let fresh = seen.insert(Key(ts: m.ts, buyer: m.buyer, agent: m.agent, sender: m.sender, auto: m.auto)).inserted
            duplicate.append(!fresh)
            if fresh { all.append(m) }
        }
        return (all, duplicate)
    }

    func assertHolds(_ book: RecordBook, _ expected: [Message], _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(book.messageCount, expected.count, context, file: file, line: line)
        // All messages: by time, then buyer id bytes, then input order.
        let timeOrder = expected.enumerated().sorted { x, y in
            if x.element.ts != y.element.ts { return x.element.ts < y.element.ts }
            if x.element.buyer != y.element.buyer { return utf8Less(x.element.buyer, y.element.buyer) }
            return x.offset < y.offset
        }.map(\.element)
        XCTAssertEqual(book.allMessages, timeOrder, context, file: file, line: line)
        for buyer in Set(expected.map(\.buyer)) {
            XCTAssertEqual(book.messages(ofBuyer: buyer).map(\.message), expected.filter { $0.buyer == buyer },
                           "\(context): \(buyer)", file: file, line: line)
        }
    }

    func testMessagesAddedOneByOneKeepTheFirstOfEachKeyInInputOrder() {
        for seed in 1...5 {
            let messages = Self.randomMessages(seed: UInt64(seed), count: 900)
            let (all, duplicate) = expected(messages)
            var book = RecordBook()
            let outcomes = messages.map { book.add($0) }
            XCTAssertEqual(outcomes.map { $0 == .duplicate }, duplicate, "seed \(seed)")
            assertHolds(book, all, "seed \(seed)")
        }
    }

    /// A bulk load counts each buyer's messages first, so their room is laid out once; the
    /// counts may be off (duplicates, rows that turn out bad, buyers known before): the book
    /// is the same as adding one by one, and its array ends the size of its messages.
    func testReservedRoomGivesTheSameBookAsAddingOneByOne() {
        for seed in 1...5 {
            let messages = Self.randomMessages(seed: UInt64(seed) &* 31, count: 900)
            let (all, duplicate) = expected(messages)
            for before in [0, 1, 250] {
                var book = RecordBook()
                for m in messages.prefix(before) { book.add(m) }
                let rest = messages.dropFirst(before)
                for (buyer, n) in Dictionary(grouping: rest, by: \.buyer).mapValues(\.count) {
                    book.expectMessages(ofBuyer: buyer, count: buyer == "tb1" ? n - 1 : n) // one short: tb1 moves once
                }
                book.expectMessages(ofBuyer: "nobody", count: 3)
                book.reserveExpectedMessages()
                let outcomes = rest.map { book.add($0) }
                XCTAssertEqual(outcomes.map { $0 == .duplicate }, Array(duplicate.dropFirst(before)), "seed \(seed), \(before) first")
                book.releaseUnusedMessageRoom()
                assertHolds(book, all, "seed \(seed), \(before) added first")
                XCTAssertEqual(book.messageStore.flat.count, book.messageCount, "the room of duplicates is given back")
                // Adding one by one afterwards still keeps the rules.
                for m in messages.prefix(50) { XCTAssertEqual(book.add(m), .duplicate) }
                let late = Message(ts: Fx.t("2026-11-12 00:00:00"), buyer: "大客户", agent: "s1", sender: .buyer)
                XCTAssertEqual(book.add(late), .stored)
                XCTAssertEqual(book.messages(ofBuyer: "大客户").last?.message, late)
            }
        }
    }

    /// Out-of-order messages (an earlier one after a later one) are checked against the
    /// buyer's messages at the same instant wherever they lie.
    func testDuplicatesAreFoundInAndOutOfTimeOrder() {
        var book = RecordBook()
        let base = Fx.t("2026-11-10 00:00:00")
        func m(_ s: Int64, _ sender: Sender, auto: Bool = false) -> Message {
            Message(ts: base + s * 1000, buyer: "b", agent: "a", sender: sender, auto: auto)
        }
        for s in [0, 5, 5, 9] as [Int64] { book.add(m(s, .buyer)) }
        XCTAssertEqual(book.add(m(5, .agent)), .stored, "same instant, other sender")
        XCTAssertEqual(book.add(m(5, .agent, auto: true)), .stored, "same instant, auto")
        XCTAssertEqual(book.add(m(5, .buyer)), .duplicate, "earlier than the last, found by binary search")
        XCTAssertEqual(book.add(m(3, .buyer)), .stored, "out of time order from now on")
        XCTAssertEqual(book.add(m(9, .buyer)), .duplicate)
        XCTAssertEqual(book.add(m(5, .agent, auto: true)), .duplicate)
        for s in 100..<200 as Range<Int64> { XCTAssertEqual(book.add(m(300 - s, .buyer)), .stored) } // long and unsorted: a set
        XCTAssertEqual(book.add(m(150, .buyer)), .duplicate)
        XCTAssertEqual(book.add(m(3, .buyer)), .duplicate)
        XCTAssertEqual(book.messages(ofBuyer: "b").map(\.seq), Array(0..<106))
        XCTAssertEqual(book.messageCount, 106)
    }

    /// Many buyers growing in turn make segments move many times; the space they leave is
    /// reclaimed, and every buyer's messages stay whole and in order.
    func testGrowingSegmentsMoveAndAreCompacted() {
        var book = RecordBook()
        var model: [String: [Message]] = [:]
        let base = Fx.t("2026-11-10 00:00:00")
        for round in 0..<300 {
            for b in 0..<(round % 7 == 0 ? 400 : 40) {
                let m = Message(ts: base + Int64(round) * 1000, buyer: "b\(b)", agent: "a\(round % 3)", sender: .buyer)
                XCTAssertEqual(book.add(m), .stored)
                model[m.buyer, default: []].append(m)
            }
        }
        XCTAssertEqual(book.messageCount, model.values.map(\.count).reduce(0, +))
        for (buyer, messages) in model { XCTAssertEqual(book.messages(ofBuyer: buyer).map(\.message), messages, buyer) }
        // A segment moves when full, doubling its room from 4 (here 43 520 slots for 27 480
        // messages); left where they were, the moves would fill 85 440 slots; reclaimed, under a third more.
        XCTAssertLessThan(Double(book.messageStore.flat.count), 2.2 * Double(book.messageCount), "moved segments' space is reclaimed")
    }

    func testIDsAreInternedAsBytes() {
        var table = IDTable()
        let ids = (0..<5000).map { $0 % 2 == 0 ? "旗舰店:客服\($0)" : "tb\($0 * 7919)" } + ["", "e\u{301}", "\u{e9}"]
        for (i, id) in ids.enumerated() { XCTAssertEqual(table.intern(id), Int32(i)) }
        for (i, id) in ids.enumerated() {
            XCTAssertEqual(table.intern(id), Int32(i))
            XCTAssertEqual(table.find(id), Int32(i))
            XCTAssertEqual(table[Int32(i)], id)
        }
        XCTAssertNil(table.find("nobody"))
        XCTAssertNotEqual(table.find("e\u{301}"), table.find("\u{e9}"), "canonically equal strings are different ids")
        for _ in 0..<200 {
            let a = Int32.random(in: 0..<Int32(ids.count)), b = Int32.random(in: 0..<Int32(ids.count))
            XCTAssertEqual(table.less(a, b), utf8Less(ids[Int(a)], ids[Int(b)]))
        }
    }

    /// SPEC §2 for orders: a later record updates (moving the order to another buyer if it
    /// names one) but never clears `paid_at`; refunds are kept per order, in input order,
    /// also before their order arrives.
    func testOrdersUpdateAndRefundsAttach() {
        var book = RecordBook()
        XCTAssertEqual(book.add(Refund(orderID: "o1", refundedAt: 5, amount: 100)), .stored) // its order comes later
        XCTAssertNil(book.orders["o1"])
        XCTAssertEqual(book.refundsByOrder.count, 1)
        let unpaid = Order(id: "o1", buyer: "b1", createdAt: 1, paidAt: nil, amount: 1_000, items: 1)
        XCTAssertEqual(book.add(unpaid), .stored)
        XCTAssertEqual(book.add(Order(id: "o2", buyer: "b1", createdAt: 2, paidAt: 3, amount: 500, items: 2)), .stored)
        XCTAssertEqual(book.add(unpaid), .duplicate)
        var paid = unpaid
        paid.paidAt = 4
        XCTAssertEqual(book.add(paid), .updated)
        XCTAssertEqual(book.add(unpaid), .duplicate, "a record without paid_at never clears it")
        XCTAssertEqual(book.orders["o1"], paid)
        var moved = paid
        moved.buyer = "b2"
        moved.paidAt = nil
        XCTAssertEqual(book.add(moved), .updated)
        XCTAssertEqual(book.orders(ofBuyer: "b1").map(\.id), ["o2"])
        XCTAssertEqual(book.orders(ofBuyer: "b2"), [Order(id: "o1", buyer: "b2", createdAt: 1, paidAt: 4, amount: 1_000, items: 1)])
        XCTAssertEqual(book.add(Refund(orderID: "o1", refundedAt: 6, amount: 200)), .stored)
        XCTAssertEqual(book.add(Refund(orderID: "o1", refundedAt: 5, amount: 999)), .duplicate)
        XCTAssertEqual(book.refunds(ofOrder: "o1").map(\.amount), [100, 200])
        XCTAssertEqual(book.refundTotal(adding: Refund(orderID: "o1", refundedAt: 7, amount: 50))?.total, 350)
        XCTAssertNil(book.refundTotal(adding: Refund(orderID: "o1", refundedAt: 6, amount: 50)), "already stored")
        XCTAssertNil(book.refundTotal(adding: Refund(orderID: "o9", refundedAt: 6, amount: 50)), "unknown order")
        XCTAssertEqual(book.orders.count, 2)
        XCTAssertEqual(Set(book.orders.keys), ["o1", "o2"])
        XCTAssertEqual(book.refundsByOrder["o1"]?.map(\.refundedAt), [5, 6])
        XCTAssertNil(book.refundsByOrder["o2"])
        XCTAssertEqual(Set(book.buyers), ["b1", "b2"])

        // The views compare as dictionaries: the same content in another input order is equal.
        var other = RecordBook()
        for o in book.orders.values.reversed() { other.add(o) }
        XCTAssertEqual(other.orders, book.orders)
        other.add(Order(id: "o3", buyer: "b3", createdAt: 1, paidAt: nil, amount: 1, items: 1))
        XCTAssertNotEqual(other.orders, book.orders)
    }

    func testTicketsUpdateAndRatingsAreKeptOnce() {
        var book = RecordBook()
        let open = Ticket(id: "GD1", agent: "售后一", kind: .return, openedAt: 10, closedAt: nil, status: .unresolved)
        XCTAssertEqual(book.add(open), .stored)
        XCTAssertEqual(book.add(open), .duplicate)
        var done = open
        done.status = .resolved
        done.closedAt = 20
        done.agent = "别人" // a later record updates status and closed_at only
        XCTAssertEqual(book.add(done), .updated)
        XCTAssertEqual(book.tickets["GD1"], Ticket(id: "GD1", agent: "售后一", kind: .return, openedAt: 10, closedAt: 20, status: .resolved))
        XCTAssertEqual(book.ticketOrder, ["GD1"])
        XCTAssertTrue(book.namedAgents.contains("别人"), "an update's agent is still named")

        let r = Rating(ts: 5, buyer: "买家", agent: "小美", score: 5)
        XCTAssertEqual(book.add(r), .stored)
        XCTAssertEqual(book.add(Rating(ts: 5, buyer: "买家", agent: "小美", score: 1)), .duplicate, "same ts + buyer + agent")
        XCTAssertEqual(book.add(Rating(ts: 5, buyer: "买家", agent: "乐乐", score: 1)), .stored)
        XCTAssertEqual(Array(book.ratings), [r, Rating(ts: 5, buyer: "买家", agent: "乐乐", score: 1)])
        XCTAssertEqual(book.buyers, [], "a rating alone does not make a buyer with messages or orders")
    }
}
