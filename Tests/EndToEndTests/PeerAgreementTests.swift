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

    private func assertAgreement(data: String, from: String, to: String, rule: String, scratch: URL,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let kefu = try KefuBinary.run(["report", "--data", data, "--from", from, "--to", to, "--rule", rule, "--format", "json"])
        XCTAssertEqual(kefu.status, 0, kefu.stderr, file: file, line: line)
        let peer = try Self.python([Self.bench.appendingPathComponent("peer_duckdb.py").path,
                                    "--data", data, "--from", from, "--to", to, "--rule", rule])
        XCTAssertEqual(peer.status, 0, peer.stderr, file: file, line: line)
        // Agreement on an empty period would prove nothing: the peer must have found work.
        let team = (try JSONSerialization.jsonObject(with: Data(peer.stdout.utf8)) as? [String: Any])?["team"] as? [String: Any]
        XCTAssertGreaterThan(team?["consults"] as? Int ?? 0, 0, "\(from)..\(to) has consults", file: file, line: line)
        XCTAssertGreaterThan(team?["sales_fen"] as? Int ?? 0, 0, "\(from)..\(to) has sales", file: file, line: line)
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
