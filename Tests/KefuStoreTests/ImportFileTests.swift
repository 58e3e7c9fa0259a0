import Foundation
import KefuCore
@testable import KefuStore
import XCTest

/// `Store.importFile`: a file's records taken one at a time in one transaction, committed
/// whole or rolled back whole.
final class ImportFileTests: XCTestCase {
    private func openStore() throws -> Store {
        try Store.open(path: try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path)
    }

    private func message(_ buyer: String, _ second: Int64) -> KefuCore.Record {
        .message(Message(ts: nov11 + second * 1000, buyer: buyer, agent: "客服", sender: .buyer))
    }

    func testAFileRefusedHalfWayStoresNothing() throws {
        let store = try openStore()
        let counts = try store.importFile { sink in
            try sink.add(message("甲", 1), line: 2)
            try sink.add(.order(Order(id: "o1", buyer: "甲", createdAt: nov11, paidAt: nil, amount: 100, items: 1)), line: 3)
            sink.refuse() // the parser found a bad row on line 4
            try sink.add(message("甲", 2), line: 5)
        }
        XCTAssertFalse(counts.committed)
        XCTAssertEqual(try store.rowCounts().values.reduce(0, +), 0)
        XCTAssertEqual(try store.lastChange(), 0)
    }

    func testAFileWhoseReadingFailsStoresNothing() throws {
        struct Unreadable: Error {}
        let store = try openStore()
        XCTAssertThrowsError(try store.importFile { sink in
            try sink.add(message("甲", 1), line: 2)
            throw Unreadable()
        }) { XCTAssertTrue($0 is Unreadable) }
        XCTAssertEqual(try store.rowCounts()["messages"], 0)
    }

    /// Numbers given to new buyers in a rolled-back transaction are given again later, to other
    /// buyers: the numbers the store remembers must forget them, or 甲's records would be
    /// stored under 乙's number.
    func testBuyerNumbersOfARolledBackFileAreForgotten() throws {
        let store = try openStore()
        _ = try store.importFile { sink in
            try sink.add(message("甲", 1), line: 1)
            sink.refuse()
        }
        try store.write([message("乙", 2)])
        try store.write([message("甲", 3)])
        let book = try store.loadBook()
        XCTAssertEqual(book.messages(ofBuyer: "甲").map(\.message), [Message(ts: nov11 + 3_000, buyer: "甲", agent: "客服", sender: .buyer)])
        XCTAssertEqual(book.messages(ofBuyer: "乙").map(\.message), [Message(ts: nov11 + 2_000, buyer: "乙", agent: "客服", sender: .buyer)])
    }

    /// Two stores on one file, as two processes would be: each remembers numbers the other
    /// assigned later without harm, since a number, once committed, is never reused.
    func testTwoWritersOnOneFileAgreeOnBuyerNumbers() throws {
        let path = try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path
        let one = try Store.open(path: path), two = try Store.open(path: path)
        try one.write([message("甲", 1)])
        try two.write([message("乙", 2), message("甲", 3)])
        try one.write([message("乙", 4), message("丙", 5)])
        let book = try two.loadBook()
        XCTAssertEqual(book.messages(ofBuyer: "甲").map(\.message.ts), [nov11 + 1_000, nov11 + 3_000])
        XCTAssertEqual(book.messages(ofBuyer: "乙").map(\.message.ts), [nov11 + 2_000, nov11 + 4_000])
        XCTAssertEqual(book.messages(ofBuyer: "丙").map(\.message.ts), [nov11 + 5_000])
    }

    /// More messages than one insert statement takes, with duplicates inside and across its
    /// batches: counted, stored and stamped as one at a time would be.
    func testMessagesInBatchesAreCountedAsOneAtATime() throws {
        let store = try openStore()
        let records = (0..<(MessageBatch.size * 3 + 7)).map { message("买家\($0 % 20)", Int64($0 % 50)) } // row i + 100 repeats row i
        var reference = RecordBook()
        var expected = WriteCounts()
        for r in records { expected.count(reference.add(r)) }
        XCTAssertGreaterThan(expected.duplicates, 0)
        XCTAssertEqual(try store.write(records), expected)
        assertSameBook(try store.loadBook(), reference)
        let mark = try store.lastChange()
        XCTAssertEqual(try store.write(records), WriteCounts(duplicates: records.count))
        XCTAssertEqual(try store.lastChange(), mark, "nothing new: no change number")
    }
}
