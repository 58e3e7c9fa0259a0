import Foundation
import KefuCore
import KefuStore
import XCTest

final class ConcurrentAccessTests: XCTestCase {
    /// A writer commits batches of exactly K new messages while a reader, on its own store
    /// (as another process would), reads in a loop: every count it sees is a multiple of K
    /// (never half a batch), counts never go backwards, and no read fails with "locked".
    func testAReaderNeverSeesAHalfWrittenBatch() throws {
        let path = try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path
        let writer = try Store.open(path: path)
        let reader = try Store.open(path: path)
        let k = 250, batches = 40
        let done = DispatchSemaphore(value: 0)
        let writeError = LockedBox<(any Error)?>(nil)
        DispatchQueue.global().async {
            do {
                for b in 0..<batches {
                    let batch = (0..<k).map { i in
                        KefuCore.Record.message(Message(ts: nov11 + Int64(b * k + i), buyer: "b\(i % 7)", agent: "a", sender: .buyer))
                    }
                    try writer.write(batch)
                }
            } catch {
                writeError.value = error
            }
            done.signal()
        }
        var seen: [Int] = []
        var finished = false
        while !finished {
            finished = done.wait(timeout: .now()) == .success
            let count = try XCTUnwrap(try reader.rowCounts()["messages"])
            let book = try reader.loadBook()
            XCTAssertEqual(count % k, 0, "a partial batch was visible: \(count)")
            XCTAssertEqual(book.messageCount % k, 0, "a partial batch was visible in loadBook: \(book.messageCount)")
            XCTAssertGreaterThanOrEqual(count, seen.last ?? 0)
            seen.append(count)
        }
        XCTAssertNil(writeError.value)
        XCTAssertEqual(try reader.rowCounts()["messages"], k * batches)
        XCTAssertGreaterThan(Set(seen).count, 2, "the reader should have seen the store grow while it was written")
    }
}

/// A value shared between threads under a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
