import Foundation
import KefuCore
@testable import KefuStore
import XCTest

final class StoreWriteTests: XCTestCase {
    private func openStore() throws -> Store {
        try Store.open(path: try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path)
    }

    func testWritingTheSameRecordsTwiceStoresNothingNew() throws {
        let store = try openStore()
        let records: [KefuCore.Record] = [
            .agent(Agent(id: "a1", name: "小王", role: .presale)),
            .message(Message(ts: nov11, buyer: "b1", agent: "a1", sender: .buyer)),
            .message(Message(ts: nov11, buyer: "b1", agent: "a1", sender: .agent)),
            .order(Order(id: "o1", buyer: "b1", createdAt: nov11, paidAt: nil, amount: 9_900, items: 1)),
            .refund(Refund(orderID: "o1", refundedAt: nov11 + 1, amount: 900)),
        ]
        XCTAssertEqual(try store.write(records), WriteCounts(stored: 5))
        let before = try store.loadBook()
        // Second time: every record is a duplicate of its stored key.
        XCTAssertEqual(try store.write(records), WriteCounts(duplicates: 5))
        assertSameBook(try store.loadBook(), before)
        XCTAssertEqual(try store.rowCounts()["messages"], 2)
    }

    func testAnOrderFirstSeenUnpaidIsUpdatedWhenPaidAndNeverCleared() throws {
        let store = try openStore()
        let unpaid = Order(id: "o1", buyer: "b1", createdAt: nov11, paidAt: nil, amount: 12_345, items: 2)
        var paid = unpaid
        paid.paidAt = nov11 + 3_600_000
        XCTAssertEqual(try store.write([.order(unpaid)]).stored, 1)
        XCTAssertEqual(try store.write([.order(paid)]).updated, 1)
        // The unpaid record again: it would clear paid_at, which is never done, so nothing changes.
        XCTAssertEqual(try store.write([.order(unpaid)]).duplicates, 1)
        XCTAssertEqual(try store.loadBook().orders["o1"], paid)
        // A correction of the amount is an update that keeps the payment.
        var corrected = unpaid
        corrected.amount = 10_000
        XCTAssertEqual(try store.write([.order(corrected)]).updated, 1)
        XCTAssertEqual(try store.loadBook().orders["o1"]?.paidAt, nov11 + 3_600_000)
        XCTAssertEqual(try store.loadBook().orders["o1"]?.amount, 10_000)
    }

    func testALaterTicketUpdatesStatusAndClosedAtOnly() throws {
        let store = try openStore()
        let open = Ticket(id: "t1", agent: "a1", kind: .return, openedAt: nov11, closedAt: nil, status: .unresolved)
        // A later record with another agent and kind: only status and closed_at are taken.
        let closed = Ticket(id: "t1", agent: "a2", kind: .other, openedAt: nov11 + 5, closedAt: nov11 + 60_000, status: .resolved)
        XCTAssertEqual(try store.write([.ticket(open), .ticket(closed), .ticket(closed)]),
                       WriteCounts(stored: 1, updated: 1, duplicates: 1))
        XCTAssertEqual(try store.loadBook().tickets["t1"],
                       Ticket(id: "t1", agent: "a1", kind: .return, openedAt: nov11, closedAt: nov11 + 60_000, status: .resolved))
    }

    func testLoadBookEqualsARecordBookBuiltFromTheSameRecords() throws {
        let records = generatedRecords(count: 3_000, seed: 7)
        var reference = RecordBook()
        var expected = WriteCounts()
        for (index, record) in records.enumerated() {
            // The store refuses a refund above its order, as the importers do.
            if case .refund(let r) = record, reference.refundWouldExceedOrder(r) {
                expected.rejected.append(Rejection(line: index, reason: ""))
            } else {
                expected.count(reference.add(record))
            }
        }
        XCTAssertGreaterThan(expected.updated, 0, "the data must exercise updates")
        XCTAssertGreaterThan(expected.duplicates, 0, "the data must exercise duplicates")
        XCTAssertFalse(expected.rejected.isEmpty, "the data must exercise refunds above their order")

        // Record by record, the store counts exactly as RecordBook.add does.
        let one = try openStore()
        var counts = WriteCounts()
        for (index, record) in records.enumerated() {
            var c = try one.write([record])
            c.rejected = c.rejected.map { _ in Rejection(line: index, reason: "") }
            counts += c
        }
        XCTAssertEqual(counts, expected)
        assertSameBook(try one.loadBook(), reference)

        // In uneven batches the stored records are the same. Counts agree on what is new and
        // what is refused; an order or ticket written several times in one batch counts one
        // update at most, so updates and duplicates may trade places.
        let batched = try openStore()
        var batchCounts = WriteCounts()
        var start = 0
        for size in [1, 7, 500, 1_000, 3_000] where start < records.count {
            let end = min(records.count, start + size)
            var batch = try batched.write(Array(records[start..<end]))
            batch.rejected = batch.rejected.map { Rejection(line: $0.line + start, reason: "") }
            batchCounts += batch
            start = end
        }
        XCTAssertEqual(batchCounts.stored, expected.stored)
        XCTAssertEqual(batchCounts.rejected, expected.rejected)
        XCTAssertEqual(batchCounts.updated + batchCounts.duplicates, expected.updated + expected.duplicates)
        assertSameBook(try batched.loadBook(), reference)
    }

    func testWritingAFileWithATicketsWholeHistoryAgainChangesNothing() throws {
        let store = try openStore()
        // A file in which ticket t1 is opened, then resolved, and order o1 is placed, then paid.
        let file: [KefuCore.Record] = [
            .ticket(Ticket(id: "t1", agent: "a1", kind: .return, openedAt: nov11, closedAt: nil, status: .unresolved)),
            .order(Order(id: "o1", buyer: "b1", createdAt: nov11, paidAt: nil, amount: 100, items: 1)),
            .ticket(Ticket(id: "t1", agent: "a1", kind: .return, openedAt: nov11, closedAt: nov11 + 1, status: .resolved)),
            .order(Order(id: "o1", buyer: "b1", createdAt: nov11, paidAt: nov11 + 2, amount: 100, items: 1)),
        ]
        XCTAssertEqual(try store.write(file), WriteCounts(stored: 2, updated: 2))
        let mark = try store.lastChange()
        // Again: t1's first record would reopen the ticket if applied alone; merged with the
        // file's later record for t1 it changes nothing, so nothing is updated or re-stamped.
        XCTAssertEqual(try store.write(file), WriteCounts(duplicates: 4))
        XCTAssertEqual(try store.lastChange(), mark)
        XCTAssertEqual(try store.loadBook().tickets["t1"]?.status, .resolved)
    }

    func testARefundAboveItsOrderRejectsTheWholeWriteOrOnlyItself() throws {
        let store = try openStore()
        let order = KefuCore.Record.order(Order(id: "o1", buyer: "b1", createdAt: nov11, paidAt: nov11, amount: 10_000, items: 1))
        let first = KefuCore.Record.refund(Refund(orderID: "o1", refundedAt: nov11 + 1, amount: 6_000))
        // 6,000 + 5,000 fen = 110 yuan > the order's 100 yuan.
        let second = KefuCore.Record.refund(Refund(orderID: "o1", refundedAt: nov11 + 2, amount: 5_000))
        let all = try store.write([order, first, second], invalid: .rejectAll)
        XCTAssertFalse(all.committed)
        XCTAssertEqual(all.rejected.map(\.line), [2])
        XCTAssertEqual(all.rejected.first?.reason, "refunds of order o1 total 110.00, above its amount 100.00")
        XCTAssertEqual(try store.rowCounts()["orders"], 0, "a rejected write stores nothing")
        let skipped = try store.write([order, first, second], invalid: .skip)
        XCTAssertEqual(skipped.stored, 2)
        XCTAssertEqual(skipped.rejected.map(\.line), [2])
        XCTAssertEqual(try store.loadBook().refundsByOrder["o1"]?.map(\.amount), [6_000])
    }

    func testChangesSinceReturnInsertedAndUpdatedRecordsInChangeOrder() throws {
        let store = try openStore()
        let unpaid = Order(id: "o1", buyer: "b1", createdAt: nov11, paidAt: nil, amount: 5_000, items: 1)
        let m1 = Message(ts: nov11, buyer: "b1", agent: "a1", sender: .buyer)
        XCTAssertEqual(try store.write([.order(unpaid), .message(m1)]).stored, 2)
        let first = try store.changes(since: 0)
        XCTAssertEqual(first.records, [.order(unpaid), .message(m1)])
        XCTAssertEqual(first.upTo, 2)
        // Nothing new: nothing returned, same mark.
        XCTAssertEqual(try store.changes(since: first.upTo).records, [])
        XCTAssertEqual(try store.changes(since: first.upTo).upTo, 2)

        var paid = unpaid
        paid.paidAt = nov11 + 1_000
        let m2 = Message(ts: nov11 + 1, buyer: "b1", agent: "a1", sender: .agent)
        // The duplicate m1 is not a change. The order, stored before this write, is stamped when
        // the write ends, once it is known to have changed: after m2.
        try store.write([.message(m1), .order(paid), .message(m2)])
        let second = try store.changes(since: first.upTo)
        XCTAssertEqual(second.records, [.message(m2), .order(paid)])
        XCTAssertGreaterThan(second.upTo, first.upTo)
        XCTAssertEqual(try store.lastChange(), second.upTo)
        // A write of nothing new leaves the change number where it was.
        try store.write([.message(m1), .order(paid), .message(m2)])
        XCTAssertEqual(try store.lastChange(), second.upTo)
        XCTAssertEqual(try store.changes(since: second.upTo).records, [])

        // Folding every change into a book gives the stored book.
        var folded = RecordBook()
        for r in first.records + second.records { folded.add(r) }
        assertSameBook(folded, try store.loadBook())
    }

    func testFeedPositionCommitsWithItsRecords() throws {
        let store = try openStore()
        XCTAssertNil(try store.feedPosition(feed: "/f"))
        let position = FeedPosition(feed: "/f", device: 1, inode: 2, offset: 300, line: 3)
        try store.write([.message(Message(ts: nov11, buyer: "b", agent: "a", sender: .buyer))], feed: position)
        XCTAssertEqual(try store.feedPosition(feed: "/f"), position)
        // A rolled-back write leaves the previous position.
        let rejected = try store.write([
            .order(Order(id: "o", buyer: "b", createdAt: nov11, paidAt: nil, amount: 1, items: 1)),
            .refund(Refund(orderID: "o", refundedAt: nov11, amount: 2)),
        ], invalid: .rejectAll, feed: FeedPosition(feed: "/f", device: 1, inode: 2, offset: 400, line: 5))
        XCTAssertFalse(rejected.committed)
        XCTAssertEqual(try store.feedPosition(feed: "/f"), position)
    }
}
