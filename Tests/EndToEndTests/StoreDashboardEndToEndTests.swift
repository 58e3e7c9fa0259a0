import Foundation
import XCTest

/// `kefu dash --db` over a store that `kefu import` filled, in tmux: it shows the stored agents,
/// then, within seconds, an agent that `kefu ingest` adds while it runs. Skipped when tmux or
/// the built binary is missing.
final class StoreDashboardEndToEndTests: XCTestCase {
    /// A shop-local (+08:00) date or timestamp of `date`.
    private func shanghai(_ date: Date, _ format: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = format
        return f.string(from: date)
    }

    func testTheDashboardShowsTheStoreAndWhatTheFeedAdds() throws {
        guard let binary = KefuBinary.path else { throw XCTSkip("kefu binary not built (.build/debug/kefu)") }
        let dir = try KefuBinary.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shop = dir.appendingPathComponent("shop").path, db = dir.appendingPathComponent("kefu.sqlite").path
        // Yesterday and today, so the records fall in the dashboard's window whatever the date.
        let yesterday = shanghai(Date().addingTimeInterval(-86_400), "yyyy-MM-dd")
        let sample = try KefuBinary.run(["sample", "--out", shop, "--days", "2", "--scale", "0.05", "--start", yesterday])
        XCTAssertEqual(sample.status, 0, sample.stderr)
        XCTAssertEqual(try KefuBinary.run(["import", shop, "--db", db]).status, 0)
        let agents = try String(contentsOfFile: shop + "/agents.csv", encoding: .utf8).split(separator: "\n")
        let firstName = try XCTUnwrap(agents.dropFirst().first?.split(separator: ",").dropFirst().first.map(String.init))

        let t = try DashboardEndToEndTests.Tmux()
        try t.resize(160, 48)
        // The shell prints DONE after the dashboard; the typed line shows DO""NE.
        try t.type("\(binary) dash --db \(db) --lang en; echo DO\"\"NE")
        try t.send("Enter")
        try t.wait(for: firstName, timeout: 90)

        // A new agent, and a buyer's message to them, arrive through the feed.
        let now = shanghai(Date(), "yyyy-MM-dd'T'HH:mm:ssXXXXX")
        let feed = dir.appendingPathComponent("feed.jsonl").path
        try """
        {"type":"agent","agent_id":"旗舰店:新人","name":"王新人","role":"presale"}
        {"type":"message","ts":"\(now)","buyer_id":"回头客","agent_id":"旗舰店:新人","sender":"buyer","auto":0}

        """.write(toFile: feed, atomically: true, encoding: .utf8)
        let ingest = try KefuBinary.run(["ingest", feed, "--db", db])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        try t.wait(for: "王新人", timeout: 30)

        try t.send("q")
        try t.wait(for: "DONE", timeout: 15)
    }
}
