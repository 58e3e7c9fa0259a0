import Foundation
import KefuCore
import KefuStore
import XCTest

/// A message record as one JSON line: buyer message `i`, one second after 2026-11-11 00:00 +08:00 per step.
func messageLine(_ i: Int) -> String {
    let ts = Timestamp.format(nov11 + Int64(i) * 1000, zone: .shanghai)
    return #"{"type":"message","ts":"\#(ts)","buyer_id":"b\#(i % 50)","agent_id":"a\#(i % 3)","sender":"buyer","auto":0}"# + "\n"
}

func append(_ text: String, to path: String) throws {
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
}

final class FeedIngesterTests: XCTestCase {
    private static func ingest(_ path: String, into store: Store, follow: Bool = false, stop: StopFlag = StopFlag(),
                               log: LockedBox<[String]>) throws -> IngestSummary {
        try FeedIngester(store: store, source: .file(path), options: IngestOptions(follow: follow), stop: stop) { line in
            log.value.append(line)
        }.run()
    }

    func testReadsAFileToItsEndLoggingBadLinesAndSavingThePosition() throws {
        let folder = try temporaryFolder(self)
        let feed = folder.appendingPathComponent("feed.jsonl").path
        let text = messageLine(1) + "{\"type\":\"nonsense\"}\n" + "\n" + messageLine(2) + messageLine(1)
        try text.write(toFile: feed, atomically: false, encoding: .utf8)
        let store = try Store.open(path: folder.appendingPathComponent("kefu.sqlite").path)
        let log = LockedBox<[String]>([])
        let summary = try Self.ingest(feed, into: store, log: log)
        // Five lines: two records stored, the repeat of line 1 a duplicate, a bad line, a blank one.
        XCTAssertEqual(summary.lines, 5)
        XCTAssertEqual(summary.badLines, 1)
        XCTAssertEqual(summary.counts.stored, 2)
        XCTAssertEqual(summary.counts.duplicates, 1)
        XCTAssertEqual(log.value.count, 1)
        XCTAssertTrue(log.value[0].hasPrefix("\(feed):2: unknown type \"nonsense\""), log.value[0])
        let position = try XCTUnwrap(try store.feedPosition(feed: feed))
        XCTAssertEqual(position.offset, Int64(text.utf8.count))
        XCTAssertEqual(position.line, 5)
    }

    func testASecondRunResumesAfterTheLastCommittedLine() throws {
        let folder = try temporaryFolder(self)
        let feed = folder.appendingPathComponent("feed.jsonl").path
        try (messageLine(1) + messageLine(2)).write(toFile: feed, atomically: false, encoding: .utf8)
        let store = try Store.open(path: folder.appendingPathComponent("kefu.sqlite").path)
        let log = LockedBox<[String]>([])
        XCTAssertEqual(try Self.ingest(feed, into: store, log: log).lines, 2)
        // A partial line without its newline at the end is taken as a line when not following.
        try append(messageLine(3) + "not json\n" + messageLine(4).dropLast(), to: feed)
        let second = try Self.ingest(feed, into: store, log: log)
        XCTAssertEqual(second.lines, 3, "only the new lines are read")
        XCTAssertEqual(second.counts.stored, 2)
        XCTAssertEqual(second.counts.duplicates, 0)
        // Line numbers continue from the first run: the bad line is the file's fourth.
        XCTAssertEqual(log.value.map { $0.components(separatedBy: ": ")[0] }, ["\(feed):4"])
        XCTAssertEqual(try store.rowCounts()["messages"], 4)
    }

    /// Follows a file while it grows, gets a line in two writes, is truncated and rewritten,
    /// and is rotated; then stops on the flag. Every record ends up stored exactly once.
    func testFollowingSurvivesPartialLinesTruncationAndRotation() throws {
        let folder = try temporaryFolder(self)
        let feed = folder.appendingPathComponent("feed.jsonl").path
        try "".write(toFile: feed, atomically: false, encoding: .utf8)
        let store = try Store.open(path: folder.appendingPathComponent("kefu.sqlite").path)
        let stop = StopFlag()
        let log = LockedBox<[String]>([])
        let result = LockedBox<Result<IngestSummary, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            result.value = Result { try FeedIngesterTests.ingest(feed, into: store, follow: true, stop: stop, log: log) }
            done.signal()
        }
        func waitForMessages(_ n: Int) throws {
            let deadline = Date().addingTimeInterval(5)
            while try store.rowCounts()["messages"]! < n, Date() < deadline { usleep(10_000) }
            XCTAssertEqual(try store.rowCounts()["messages"], n)
        }
        try append(messageLine(1) + messageLine(2), to: feed)
        try waitForMessages(2)
        // Half a line: it waits for the rest.
        let third = messageLine(3)
        try append(String(third.prefix(20)), to: feed)
        usleep(300_000)
        XCTAssertEqual(try store.rowCounts()["messages"], 2)
        try append(String(third.dropFirst(20)), to: feed)
        try waitForMessages(3)
        // Truncated and written again (copytruncate rotation): read from the start.
        try (messageLine(4)).write(toFile: feed, atomically: false, encoding: .utf8)
        try waitForMessages(4)
        // Rotated: the old file gets a last line after the rename, then a new file appears.
        try FileManager.default.moveItem(atPath: feed, toPath: feed + ".1")
        try append(messageLine(5), to: feed + ".1")
        try (messageLine(6) + messageLine(7)).write(toFile: feed, atomically: false, encoding: .utf8)
        try waitForMessages(7)
        stop.raise()
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success, "the ingester stops on the flag")
        let summary = try XCTUnwrap(result.value).get()
        XCTAssertEqual(summary.counts.stored, 7)
        XCTAssertEqual(summary.badLines, 0)
        XCTAssertTrue(log.value.contains { $0.contains("truncated") }, "\(log.value)")
        XCTAssertTrue(log.value.contains { $0.contains("rotated") }, "\(log.value)")
        let position = try XCTUnwrap(try store.feedPosition(feed: feed))
        XCTAssertEqual(position.offset, Int64((messageLine(6) + messageLine(7)).utf8.count))
        XCTAssertEqual(position.line, 2)
    }

    func testAQuietFeedIsCommittedWithinAFewHundredMilliseconds() throws {
        let folder = try temporaryFolder(self)
        let feed = folder.appendingPathComponent("feed.jsonl").path
        try "".write(toFile: feed, atomically: false, encoding: .utf8)
        let writer = try Store.open(path: folder.appendingPathComponent("kefu.sqlite").path)
        let reader = try Store.open(path: folder.appendingPathComponent("kefu.sqlite").path)
        let stop = StopFlag()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? FeedIngester(store: writer, source: .file(feed), options: IngestOptions(follow: true), stop: stop) { _ in }.run()
            done.signal()
        }
        defer { stop.raise(); done.wait() }
        usleep(100_000)
        var latencies: [Double] = []
        for i in 0..<10 {
            let version = try reader.dataVersion()
            let start = Date()
            try append(messageLine(i), to: feed)
            while try reader.dataVersion() == version, Date().timeIntervalSince(start) < 3 { usleep(2_000) }
            latencies.append(Date().timeIntervalSince(start))
        }
        XCTAssertEqual(try reader.rowCounts()["messages"], 10)
        // One line is due 100 ms after it is read, the file is polled every 50 ms: about 150 ms
        // at worst; 500 ms leaves room for a loaded test machine.
        XCTAssertLessThan(latencies.sorted()[5], 0.5, "median latency \(latencies)")
    }
}
