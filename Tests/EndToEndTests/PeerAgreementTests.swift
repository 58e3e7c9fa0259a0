import Foundation
import XCTest

/// kefu's figures against an independent implementation of SPEC §3–§5 in DuckDB SQL
/// (bench/peer_duckdb.py), compared metric by metric by bench/compare.py: counts and fen
/// exactly, ratios and seconds to 1e-9 relative. Skipped when python3 or DuckDB is missing.
final class PeerAgreementTests: XCTestCase {
    static let bench = KefuBinary.repoRoot.appendingPathComponent("bench")
    static let rules = ["order-first", "order", "payment"]

    /// A seeded sample spanning 双11 (11-09 … 11-13): the whole period and 双11 alone (whose
    /// look-backs and turns reach into the days around it), under every rule.
    func testSampleAgreesWithPeerUnderEveryRule() throws {
        try Self.requireDuckDB()
        let dir = try KefuBinary.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("shop").path
        let sample = try KefuBinary.run(["sample", "--out", data, "--days", "5", "--agents", "6", "--start", "2026-11-09"])
        XCTAssertEqual(sample.status, 0, sample.stderr)
        for (from, to) in [("2026-11-09", "2026-11-14"), ("2026-11-11", "2026-11-12")] {
            for rule in Self.rules {
                try assertAgreement(data: data, from: from, to: to, rule: rule, scratch: dir)
            }
        }
    }

    /// The messy example shop: duplicate rows, orders first unpaid then paid in later rows,
    /// `Z`, space-separated and offset-less timestamps, an agent missing from agents.csv.
    func testMessyExampleAgreesWithPeerUnderEveryRule() throws {
        try Self.requireDuckDB()
        let dir = try KefuBinary.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = KefuBinary.examples.appendingPathComponent("shop-utf8").path
        for (from, to) in [("2026-11-10", "2026-11-13"), ("2026-11-11", "2026-11-12")] {
            for rule in Self.rules {
                try assertAgreement(data: data, from: from, to: to, rule: rule, scratch: dir)
            }
        }
    }

    /// Hand-made records for the rules that the generated data rarely reaches: a turn answered
    /// across midnight within the cap (pulled into the first day) and beyond it (the answer's
    /// day becomes outreach), a buyer and an agent message at the same instant, an auto reply
    /// before the answer, a duplicate answer row, a tie between two agents (to the smaller
    /// agent_id in UTF-8 bytes: "Zed" < "amy"), an order chased by another agent (assist), a
    /// silent order chased to payment, an order first unpaid then paid then unpaid again, an
    /// order the day before a consult (no inquiry), a duplicate refund, Chinese enum words.
    /// kefu and the peer must agree on every day and rule, and both must give the figures
    /// worked by hand below.
    func testEdgeCasesAgreeWithPeerAndWithHandWorkedFigures() throws {
        try Self.requireDuckDB()
        let dir = try KefuBinary.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("edge")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for (name, text) in Self.edgeFiles {
            try text.appending("\n").write(to: data.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for (from, to) in [("2026-11-10", "2026-11-11"), ("2026-11-11", "2026-11-12"), ("2026-11-12", "2026-11-13"), ("2026-11-10", "2026-11-13")] {
            for rule in Self.rules {
                try assertAgreement(data: data.path, from: from, to: to, rule: rule, scratch: dir, requireWork: false)
            }
        }
        // 11-10, order-first, amy: consults u1 u2 u5 u7 u9; u9 got only an auto reply → 4 receptions.
        // Turns: u1 30 s (23:59:50 → 00:00:20, pulled into 11-10), u2 0 s (same instant, buyer
        // first) and 90 s (slow), u5 60 s, u7 60 s (the auto reply at 30 s does not answer), u9
        // answered 24 h later (outlier). FRT = (30 + 0 + 60 + 60) / 4 = 37.5; ART = 240 / 5 = 48;
        // fast (≤ 30 s) = 2 / 6. Inquiries: u7 ordered 14 h before → 4; u5's o5 (credited to amy,
        // paid) and u9's o9b (silent, chased to payment by amy on 11-11) convert → 2 / 4.
        // Sales: o5 ¥199.9 = 19990 fen, refund ¥50 once (the duplicate row is one refund).
        let kefu = try KefuBinary.run(["report", "--data", data.path, "--from", "2026-11-10", "--to", "2026-11-11", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(kefu.stdout.utf8)) as? [String: Any]
        let agents = Dictionary(uniqueKeysWithValues: ((json?["agents"] as? [[String: Any]]) ?? []).map { ($0["agent_id"] as? String ?? "", $0) })
        let amy = try XCTUnwrap(agents["amy"])
        XCTAssertEqual(amy["consults"] as? Int, 5)
        XCTAssertEqual(amy["receptions"] as? Int, 4)
        XCTAssertEqual(amy["frt_s"] as? Double, 37.5)
        XCTAssertEqual(amy["art_s"] as? Double, 48)
        XCTAssertEqual(amy["outliers"] as? Int, 1)
        XCTAssertEqual(amy["fast_rate"] as? Double ?? 0, 2.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(amy["inquiries"] as? Int, 4)
        XCTAssertEqual(amy["conversion"] as? Double, 0.5)
        XCTAssertEqual(amy["sales_fen"] as? Int, 19990)
        XCTAssertEqual(amy["refund_fen"] as? Int, 5000)
        // Zed chased o5 after amy took the order: an assist of 19990 fen; o6 (silent, chased by
        // Zed) and o8 are Zed's sales: 990 + 5050 fen.
        let zed = try XCTUnwrap(agents["Zed"])
        XCTAssertEqual(zed["assist_fen"] as? Int, 19990)
        XCTAssertEqual(zed["sales_fen"] as? Int, 6040)
        XCTAssertEqual(zed["outreach"] as? Int, 2)
    }

    static let edgeFiles: [String: String] = [
        "agents.csv": """
        agent_id,name,role,group,grade,hired_on
        amy,艾米,presale,A,1,2024-01-01
        Zed,泽德,presale,A,1,2024-01-01
        客服甲,甲,aftersale,B,1,2024-01-01
        """,
        "messages.csv": """
        ts,buyer_id,agent_id,sender,auto
        2026-11-10T23:59:50+08:00,u1,amy,buyer,
        2026-11-11T00:00:10+08:00,u1,amy,buyer,
        2026-11-11 00:00:20,u1,amy,agent,0
        2026-11-10T10:00:00+08:00,u2,amy,agent,0
        2026-11-10T02:00:00Z,u2,amy,buyer,
        2026-11-10T10:05:00+08:00,u2,amy,buyer,
        2026-11-10T10:05:40+08:00,u2,amy,agent,1
        2026-11-10T10:06:30+08:00,u2,amy,agent,0
        2026-11-10T10:06:30+08:00,u2,amy,agent,0
        2026-11-10T09:00:00+08:00,u3,客服甲,buyer,
        2026-11-10T09:20:00+08:00,u3,客服甲,agent,否
        2026-11-11T23:50:00+08:00,u3,客服甲,buyer,
        2026-11-12T00:10:00+08:00,u3,客服甲,客服,0
        2026-11-11T11:59:00+08:00,u4,amy,买家,
        2026-11-11T11:59:00+08:00,u4,Zed,buyer,
        2026-11-11T12:00:00+08:00,u4,amy,agent,0
        2026-11-11T12:00:00+08:00,u4,Zed,agent,false
        2026-11-10T09:59:00+08:00,u5,amy,buyer,
        2026-11-10T10:00:00+08:00,u5,amy,agent,0
        2026-11-10T11:00:00+08:00,u5,Zed,agent,0
        2026-11-10T14:10:00+08:00,u6,Zed,agent,0
        2026-11-10T14:11:00+08:00,u6,Zed,agent,1
        2026-11-10T10:00:00+08:00,u7,amy,buyer,
        2026-11-10T10:00:30+08:00,u7,amy,agent,是
        2026-11-10T10:01:00+08:00,u7,amy,agent,0
        2026-11-10T15:00:00+08:00,u8,Zed,agent,0
        2026-11-10T15:30:00+08:00,u8,Zed,buyer,
        2026-11-10T15:31:00+08:00,u8,Zed,agent,0
        2026-11-10T15:40:00+08:00,u8,Zed,agent,0
        2026-11-10T18:00:00+08:00,u9,amy,buyer,
        2026-11-10T18:00:10+08:00,u9,amy,agent,1
        2026-11-11T18:00:00+08:00,u9,amy,buyer,
        2026-11-11T18:00:05+08:00,u9,amy,agent,0
        """,
        "orders.csv": """
        order_id,buyer_id,created_at,paid_at,amount,items
        o4,u4,2026-11-11T12:30:00+08:00,2026-11-11T12:31:00+08:00,100,1
        o5,u5,2026-11-10T10:30:00+08:00,,199.9,2
        o5,u5,2026-11-10T10:30:00+08:00,2026-11-10T11:30:00+08:00,199.9,2
        o5,u5,2026-11-10T10:30:00+08:00,,199.9,2
        o6,u6,2026-11-10T14:00:00+08:00,2026-11-10T14:20:00+08:00,9.9,1
        o7,u7,2026-11-09T20:00:00+08:00,2026-11-09T20:05:00+08:00,0.05,1
        o8,u8,2026-11-10T15:35:00+08:00,2026-11-10T15:45:00+08:00,50.5,3
        o9,u9,2026-11-11T18:10:00+08:00,,30,1
        o9b,u9,2026-11-10T18:20:00+08:00,2026-11-13T09:00:00+08:00,45,1
        """,
        "refunds.csv": """
        order_id,refunded_at,amount
        o5,2026-11-20T10:00:00+08:00,50
        o5,2026-11-20T10:00:00+08:00,50
        o8,2026-11-12T10:00:00+08:00,0.5
        """,
        "ratings.csv": """
        ts,buyer_id,agent_id,score
        2026-11-10T12:00:00+08:00,u2,amy,5
        2026-11-10T12:00:00+08:00,u2,amy,1
        2026-11-11T12:00:00+08:00,u4,Zed,一般
        """,
        "tickets.csv": """
        ticket_id,agent_id,kind,opened_at,closed_at,status
        t1,客服甲,return,2026-11-10T09:30:00+08:00,,unresolved
        t1,客服甲,return,2026-11-10T09:30:00+08:00,2026-11-10T12:00:00+08:00,resolved
        t2,客服甲,other,2026-11-11T09:30:00+08:00,2026-11-11T12:00:00+08:00,出错
        """,
    ]

    /// The comparison can fail: one fen of silent sales and a slightly different FRT are
    /// both reported, and the exit status is 1.
    func testComparerReportsEachMismatch() throws {
        let dir = try KefuBinary.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = #"{"period":{"from":"2026-11-10","to":"2026-11-11"},"rule":"order","agents":[{"agent_id":"甲","consults":2,"frt_s":10.0}],"team":{"consults":2,"frt_s":10.0,"silent_sales_fen":100}}"#
        let b = #"{"period":{"from":"2026-11-10","to":"2026-11-11"},"rule":"order","agents":[{"agent_id":"甲","consults":2,"frt_s":10.00001}],"team":{"consults":2,"frt_s":10.0,"silent_sales_fen":101}}"#
        let left = dir.appendingPathComponent("kefu.json"), right = dir.appendingPathComponent("peer.json")
        try a.write(to: left, atomically: true, encoding: .utf8)
        try b.write(to: right, atomically: true, encoding: .utf8)
        let r = try Self.python([Self.bench.appendingPathComponent("compare.py").path, left.path, right.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("agent 甲: frt_s: kefu 10.0 peer 10.00001"), r.stdout)
        XCTAssertTrue(r.stdout.contains("team: silent_sales_fen: kefu 100 peer 101"), r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 2, "one line per mismatch, nothing else on stdout")
    }

    // MARK: - helpers

    private func assertAgreement(data: String, from: String, to: String, rule: String, scratch: URL, requireWork: Bool = true,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let kefu = try KefuBinary.run(["report", "--data", data, "--from", from, "--to", to, "--rule", rule, "--format", "json"])
        XCTAssertEqual(kefu.status, 0, kefu.stderr, file: file, line: line)
        let peer = try Self.python([Self.bench.appendingPathComponent("peer_duckdb.py").path,
                                    "--data", data, "--from", from, "--to", to, "--rule", rule])
        XCTAssertEqual(peer.status, 0, peer.stderr, file: file, line: line)
        // Agreement on an empty period would prove nothing: the peer must have found work.
        if requireWork {
            let team = (try JSONSerialization.jsonObject(with: Data(peer.stdout.utf8)) as? [String: Any])?["team"] as? [String: Any]
            XCTAssertGreaterThan(team?["consults"] as? Int ?? 0, 0, "\(from)..\(to) has consults", file: file, line: line)
            XCTAssertGreaterThan(team?["sales_fen"] as? Int ?? 0, 0, "\(from)..\(to) has sales", file: file, line: line)
        }
        let left = scratch.appendingPathComponent("kefu-\(rule).json"), right = scratch.appendingPathComponent("peer-\(rule).json")
        try kefu.stdout.write(to: left, atomically: true, encoding: .utf8)
        try peer.stdout.write(to: right, atomically: true, encoding: .utf8)
        let compared = try Self.python([Self.bench.appendingPathComponent("compare.py").path, left.path, right.path])
        XCTAssertEqual(compared.status, 0, "\(rule) \(from)..\(to): kefu and the DuckDB peer disagree:\n\(compared.stdout)\(compared.stderr)",
                       file: file, line: line)
    }

    /// Skips unless `python3` can import DuckDB, installing it from PyPI once if it cannot.
    private static func requireDuckDB() throws {
        guard let ok = try? python(["-c", "import duckdb"]) else { throw XCTSkip("python3 not found") }
        if ok.status == 0 { return }
        _ = try? python(["-m", "pip", "install", "--quiet", "duckdb"])
        guard (try? python(["-c", "import duckdb"]))?.status == 0 else { throw XCTSkip("DuckDB for python3 is not installable here") }
    }

    /// Runs `python3 arguments` through /usr/bin/env and waits for it.
    private static func python(_ arguments: [String]) throws -> KefuBinary.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read stderr on another thread so neither pipe can fill up and block the child.
        let errData = ErrorCollector(err.fileHandleForReading)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return KefuBinary.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                                 stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Drains a pipe on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
