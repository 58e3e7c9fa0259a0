import Foundation
import KefuCore
import KefuStore
import XCTest

/// `kefu ingest --follow`, killed with SIGKILL at random points while it reads a large,
/// growing feed and restarted each time, ends with the same store as one uninterrupted run.
final class IngestCrashTests: XCTestCase {
    private var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/kefu")
    }

    /// Line `i` of the feed (numbered from 0): mostly messages, with orders placed then paid later in the feed,
    /// refunds, tickets opened then resolved, ratings, and an occasional bad line.
    private func feedLine(_ i: Int) -> String {
        let ts = Timestamp.format(nov11 + Int64(i) * 1000, zone: .shanghai)
        switch i % 20 {
        case 5:
            return #"{"type":"order","order_id":"o\#(i)","buyer_id":"b\#(i % 97)","created_at":"\#(ts)","paid_at":null,"amount":"99.50","items":1}"#
        case 6 where i > 1_000:
            // Pays the order placed 1,000 lines earlier.
            let created = Timestamp.format(nov11 + Int64(i - 1_001) * 1000, zone: .shanghai)
            return #"{"type":"order","order_id":"o\#(i - 1_001)","buyer_id":"b\#((i - 1_001) % 97)","created_at":"\#(created)","paid_at":"\#(ts)","amount":"99.50","items":1}"#
        case 7 where i > 40:
            return #"{"type":"refund","order_id":"o\#(i - 42)","refunded_at":"\#(ts)","amount":"10.00"}"#
        case 8:
            return #"{"type":"ticket","ticket_id":"t\#(i / 100)","agent_id":"a\#(i % 5)","kind":"return","opened_at":"2026-11-11T00:00:00+08:00","closed_at":null,"status":"unresolved"}"#
        case 9:
            return #"{"type":"rating","ts":"\#(ts)","buyer_id":"b\#(i % 97)","agent_id":"a\#(i % 5)","score":\#(i % 5 + 1)}"#
        case 10 where i % 1_000 == 10:
            return #"{"type":"message","ts":"not a time"}"#
        default:
            let sender = i % 3 == 0 ? "agent" : "buyer"
            return #"{"type":"message","ts":"\#(ts)","buyer_id":"b\#(i % 97)","agent_id":"a\#(i % 5)","sender":"\#(sender)","auto":0}"#
        }
    }

    private func feedText(_ range: Range<Int>) -> String {
        range.map { feedLine($0) + "\n" }.joined()
    }

    private func start(_ arguments: [String], logs: URL) throws -> Process {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        FileManager.default.createFile(atPath: logs.path, contents: nil)
        let log = try FileHandle(forWritingTo: logs)
        p.standardOutput = log
        p.standardError = log
        try p.run()
        return p
    }

    func testKillingTheFollowerAtRandomPointsLosesAndDuplicatesNothing() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("build kefu first (swift build): \(binary.path) is missing")
        }
        let folder = try temporaryFolder(self)
        let feed = folder.appendingPathComponent("feed.jsonl").path
        let db = folder.appendingPathComponent("kefu.sqlite").path
        let total = 60_000
        let chunks = stride(from: 0, to: total, by: 10_000).map { $0..<min(total, $0 + 10_000) }
        try feedText(chunks[0]).write(toFile: feed, atomically: false, encoding: .utf8)

        var rng = SystemRandomNumberGenerator()
        var kills: [String] = []
        for (n, chunk) in chunks.dropFirst().enumerated() {
            let p = try start(["ingest", "--follow", feed, "--db", db], logs: folder.appendingPathComponent("run\(n).log"))
            let before = UInt32.random(in: 20_000...400_000, using: &rng)
            usleep(before)
            try append(feedText(chunk), to: feed)
            let after = UInt32.random(in: 0...300_000, using: &rng)
            usleep(after)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .uncaughtSignal)
            kills.append("killed \(before / 1000) + \(after / 1000) ms after start")
        }
        // The last run reads to the end, then is stopped cleanly.
        let last = try start(["ingest", "--follow", feed, "--db", db], logs: folder.appendingPathComponent("last.log"))
        let reference = folder.appendingPathComponent("reference.sqlite").path
        let once = try start(["ingest", feed, "--db", reference], logs: folder.appendingPathComponent("once.log"))
        once.waitUntilExit()
        XCTAssertEqual(once.terminationStatus, 0)
        let expected = try Store.open(path: reference)
        let expectedCounts = try expected.rowCounts()
        let store = try Store.open(path: db)
        let deadline = Date().addingTimeInterval(120)
        while try store.rowCounts() != expectedCounts, Date() < deadline { usleep(50_000) }
        kill(last.processIdentifier, SIGTERM)
        last.waitUntilExit()
        XCTAssertEqual(last.terminationReason, .exit)
        XCTAssertEqual(last.terminationStatus, 0, "SIGTERM commits and exits cleanly")

        XCTAssertEqual(try store.rowCounts(), expectedCounts, kills.joined(separator: "; "))
        // By line number modulo 20, over 60,000 lines: 14 residues are messages (42,000), plus
        // residue 6 up to line 1,000 (50), residue 7 up to line 40 (2) and residue 10 except
        // one line in 1,000, which is bad (3,000 - 60 = 2,940): 44,992 messages. Residue 5:
        // 3,000 orders; 7: 3,000 - 2 refunds; 9: 3,000 ratings; 8: tickets t0…t599.
        XCTAssertEqual(expectedCounts, ["agents": 0, "messages": 44_992, "orders": 3_000, "refunds": 2_998,
                                        "ratings": 3_000, "tickets": 600, "qa": 0, "shifts": 0])
        assertSameBook(try store.loadBook(), try expected.loadBook())
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: feed)[.size] as? Int)
        XCTAssertEqual(try store.feedPosition(feed: feed)?.offset, Int64(size), "the position reached the end of the feed")
        XCTAssertEqual(try store.feedPosition(feed: feed)?.line, total)
    }
}
