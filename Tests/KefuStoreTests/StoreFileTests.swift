import Foundation
import GRDB
import KefuCore
@testable import KefuStore
import XCTest

final class StoreFileTests: XCTestCase {
    func testANewStoreIsPrivateAndMarkedAsKefu() throws {
        let path = try temporaryFolder(self).appendingPathComponent("sub/dir/kefu.sqlite").path
        let store = try Store.open(path: path)
        try store.write([.message(Message(ts: nov11, buyer: "b", agent: "a", sender: .buyer))])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int, 0o600, suffix)
        }
        XCTAssertEqual(try StoreFile.kind(at: path), .kefuStore)
        // Reopening finds its records.
        XCTAssertEqual(try Store.open(path: path).rowCounts()["messages"], 1)
    }

    func testAGarbageFileIsRefusedAndLeftUnchanged() throws {
        let path = try temporaryFolder(self).appendingPathComponent("notes.txt").path
        let bytes = Data(String(repeating: "买家 buyer notes, not a database\n", count: 20).utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Store.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .notSQLite(path: path))
            XCTAssertTrue("\(error)".contains("not a kefu store"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testAnotherSQLiteDatabaseIsRefusedAndLeftUnchanged() throws {
        let path = try temporaryFolder(self).appendingPathComponent("other.sqlite").path
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')") }
        try other.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Store.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .notKefuStore(path: path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-shm"))
    }

    func testTheDefaultPathFollowsXDGDataHome() {
        XCTAssertEqual(StoreFile.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]), "/x/data/kefu/kefu.sqlite")
        // A relative XDG_DATA_HOME is invalid by the XDG spec and ignored.
        XCTAssertEqual(StoreFile.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u"]),
                       "/home/u/.local/share/kefu/kefu.sqlite")
        XCTAssertEqual(StoreFile.defaultPath(environment: ["HOME": "/home/u"]), "/home/u/.local/share/kefu/kefu.sqlite")
    }

    func testDataVersionMovesWhenAnotherConnectionCommits() throws {
        let path = try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path
        let reader = try Store.open(path: path)
        let writer = try Store.open(path: path)
        let v0 = try reader.dataVersion()
        XCTAssertEqual(try reader.dataVersion(), v0, "no commit, no change")
        try writer.write([.message(Message(ts: nov11, buyer: "b", agent: "a", sender: .buyer))])
        let v1 = try reader.dataVersion()
        XCTAssertNotEqual(v1, v0)
        // A write through the reader's own store also counts: it goes through another connection.
        try reader.write([.message(Message(ts: nov11 + 1, buyer: "b", agent: "a", sender: .buyer))])
        XCTAssertNotEqual(try reader.dataVersion(), v1)
    }

    func testPruneDeletesRecordsOlderThanTheCutoff() throws {
        let store = try Store.open(path: try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path)
        let zone = ShopTimeZone.shanghai
        let day: Instant = 86_400_000
        let cutoff = nov11 // 2026-11-11 00:00 +08:00
        let nov10 = LocalDate(year: 2026, month: 11, day: 10)!
        try store.write([
            .message(Message(ts: cutoff - 1, buyer: "b", agent: "a", sender: .buyer)),     // pruned
            .message(Message(ts: cutoff, buyer: "b", agent: "a", sender: .buyer)),         // kept: the cutoff itself
            .order(Order(id: "old", buyer: "b", createdAt: cutoff - day, paidAt: cutoff + day, amount: 100, items: 1)),
            .refund(Refund(orderID: "old", refundedAt: cutoff + 2 * day, amount: 50)),      // pruned with its order
            .order(Order(id: "new", buyer: "b", createdAt: cutoff, paidAt: nil, amount: 100, items: 1)),
            .refund(Refund(orderID: "new", refundedAt: cutoff + day, amount: 50)),
            .refund(Refund(orderID: "gone", refundedAt: cutoff - day, amount: 50)),        // pruned: old, order unknown
            .rating(Rating(ts: cutoff - 1, buyer: "b", agent: "a", score: 5)),             // pruned
            .ticket(Ticket(id: "t", agent: "a", kind: .other, openedAt: cutoff - 1, closedAt: nil, status: .unresolved)), // pruned
            .shift(Shift(agent: "a", date: nov10, start: 480, end: 1020)),                 // pruned: 11-10 < 11-11
            .shift(Shift(agent: "a", date: nov10.adding(days: 1), start: 480, end: 1020)),
            .qa(QAPoints(month: Month(year: 2026, month: 10)!, agent: "a", points: 90)),   // pruned
            .qa(QAPoints(month: Month(year: 2026, month: 11)!, agent: "a", points: 90)),   // kept: 11-11 is in November
        ])
        var expected = PruneCounts()
        expected.messages = 1; expected.orders = 1; expected.refunds = 2; expected.ratings = 1
        expected.tickets = 1; expected.shifts = 1; expected.qa = 1
        XCTAssertEqual(try store.prune(before: cutoff, zone: zone), expected)
        let book = try store.loadBook()
        XCTAssertEqual(book.allMessages.map(\.ts), [cutoff])
        XCTAssertEqual(Set(book.orders.keys), ["new"])
        XCTAssertEqual(Set(book.refundsByOrder.keys), ["new"])
        XCTAssertEqual(book.shifts.count, 1)
        XCTAssertEqual(book.qa.count, 1)
        XCTAssertEqual(try store.prune(before: cutoff, zone: zone).total, 0, "pruning again deletes nothing")
    }

    /// Prune works a day at a time from the oldest record (a transaction a day): records spread
    /// over months, with empty weeks between them, are all deleted up to the cutoff and none
    /// after it. Worked by hand: messages on 90, 89, 30 and 1 days before the cutoff and
    /// 1 ms before it (5 pruned), one at the cutoff and one after (kept); orders created 60 days
    /// before (pruned, with its refund 20 days later) and 1 day after (kept); a rating 45 days
    /// before (pruned).
    func testPruneDeletesAMonthsLongHistoryDayByDay() throws {
        let store = try Store.open(path: try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path)
        let day: Instant = 86_400_000
        let cutoff = nov11
        func message(_ ts: Instant) -> KefuCore.Record { .message(Message(ts: ts, buyer: "b", agent: "a", sender: .buyer)) }
        try store.write([90 * day, 89 * day + 3_600_000, 30 * day, day, 1].map { message(cutoff - $0) } + [
            message(cutoff), message(cutoff + day),
            .order(Order(id: "old", buyer: "b", createdAt: cutoff - 60 * day, paidAt: cutoff - 59 * day, amount: 100, items: 1)),
            .refund(Refund(orderID: "old", refundedAt: cutoff - 40 * day, amount: 50)),
            .order(Order(id: "new", buyer: "b", createdAt: cutoff + day, paidAt: nil, amount: 100, items: 1)),
            .rating(Rating(ts: cutoff - 45 * day, buyer: "b", agent: "a", score: 4)),
        ])
        var expected = PruneCounts()
        expected.messages = 5; expected.orders = 1; expected.refunds = 1; expected.ratings = 1
        XCTAssertEqual(try store.prune(before: cutoff, zone: .shanghai), expected)
        let book = try store.loadBook()
        XCTAssertEqual(book.allMessages.map(\.ts), [cutoff, cutoff + day])
        XCTAssertEqual(Set(book.orders.keys), ["new"])
        XCTAssertTrue(book.refundsByOrder.isEmpty)
        XCTAssertEqual(book.ratings.count, 0)
    }
}
