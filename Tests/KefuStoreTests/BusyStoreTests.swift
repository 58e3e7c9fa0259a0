import Foundation
import KefuCore
@testable import KefuStore
import XCTest

/// A live feed outlasts another writer that holds the store beyond SQLite's busy timeout (a
/// `kefu import` of a large file is one transaction): it keeps what it read, says it waits,
/// and stores everything once the store is free, instead of dying of "database is locked".
final class BusyStoreTests: XCTestCase {
    func testTheFeedWaitsForAWriterHoldingTheStoreBeyondTheBusyTimeout() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("kefu.sqlite").path
        let feed = folder.appendingPathComponent("feed.jsonl").path
        try (1...20).map(messageLine).joined().write(toFile: feed, atomically: false, encoding: .utf8)
        // The feed's store gives up on a busy store after 0.1 s; the other writer holds it 1 s.
        let store = try Store.open(path: path, busyTimeout: 0.1)
        let other = try Store.open(path: path)
        let holding = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? other.importFile { _ in
                holding.signal()
                Thread.sleep(forTimeInterval: 1)
            }
            released.signal()
        }
        holding.wait()
        let log = LockedBox<[String]>([])
        let summary = try FeedIngester(store: store, source: .file(feed), options: IngestOptions(), stop: StopFlag()) { line in
            log.value.append(line)
        }.run()
        XCTAssertEqual(released.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(summary.counts.stored, 20, "every line read is stored once the store is free")
        XCTAssertEqual(try store.loadBook().messageCount, 20)
        XCTAssertEqual(log.value.count, 2, "\(log.value)")
        XCTAssertTrue(log.value.first?.contains("the store is busy") ?? false, "\(log.value)")
        XCTAssertTrue(log.value.last?.contains("20 records stored after waiting") ?? false, "\(log.value)")
    }

    /// A one-off write (an import, a prune) that cannot get the store in time fails with a
    /// message saying what happened and that nothing of it was stored.
    func testAWriteThatCannotGetTheStoreSaysSoAndStoresNothing() throws {
        let path = try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path
        let store = try Store.open(path: path, busyTimeout: 0.1)
        let other = try Store.open(path: path)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? other.importFile { _ in
                holding.signal()
                release.wait()
            }
            released.signal()
        }
        holding.wait()
        XCTAssertThrowsError(try store.write([.message(Message(ts: nov11, buyer: "b", agent: "a", sender: .buyer))])) { error in
            XCTAssertEqual(error as? StoreError, .busy(path: path, seconds: 0))
            XCTAssertTrue("\(error)".contains("nothing of this write was stored"), "\(error)")
        }
        XCTAssertThrowsError(try store.prune(before: nov11, zone: .shanghai)) { XCTAssertEqual($0 as? StoreError, .busy(path: path, seconds: 0)) }
        release.signal()
        XCTAssertEqual(released.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(try store.loadBook().messageCount, 0)
    }
}
