import Foundation
import XCTest

/// `kefu report` as a user runs it.
final class ReportEndToEndTests: XCTestCase {
    /// The example shop in UTF-8 and in GB18030 (Chinese headers and values) gives byte-identical
    /// JSON under every rule, and the JSON has SPEC §10's top-level keys.
    func testExamplesAgreeAcrossEncodingsUnderEveryRule() throws {
        for rule in ["order", "payment", "order-first"] {
            let utf8 = try KefuBinary.run(["report", "--data", KefuBinary.examples.appendingPathComponent("shop-utf8").path, "--format", "json", "--rule", rule])
            let gb = try KefuBinary.run(["report", "--data", KefuBinary.examples.appendingPathComponent("shop-gb18030").path, "--format", "json", "--rule", rule])
            XCTAssertEqual(utf8.status, 0, utf8.stderr)
            XCTAssertEqual(utf8.stdout, gb.stdout)
            let json = try JSONSerialization.jsonObject(with: Data(utf8.stdout.utf8)) as! [String: Any]
            XCTAssertEqual(Set(json.keys), ["period", "rule", "agents", "team"])
            XCTAssertEqual(json["rule"] as? String, rule)
            XCTAssertTrue(utf8.stderr.contains("旗舰店:Kiki"), "the import names the agent agents.csv lacks")
        }
    }

    /// A bad row: exit status non-zero and `file:line: reason` on stderr; nothing on stdout.
    func testBadRowFailsWithFileLineReason() throws {
        let dir = try KefuBinary.tempDir()
        try "agent_id,name,role\na1,甲,presale\n".write(to: dir.appendingPathComponent("agents.csv"), atomically: true, encoding: .utf8)
        try "ts,buyer_id,agent_id,sender,auto\n2026-11-10 10:00:00,b1,a1,buyer,\n2026-11-10 10:00:05,b1,a1,系统,\n"
            .write(to: dir.appendingPathComponent("messages.csv"), atomically: true, encoding: .utf8)
        let r = try KefuBinary.run(["report", "--data", dir.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("messages.csv:3:"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        // With --skip-bad-rows the good row is reported and the bad one listed.
        let skipping = try KefuBinary.run(["report", "--data", dir.path, "--skip-bad-rows", "--format", "csv"])
        XCTAssertEqual(skipping.status, 0, skipping.stderr)
        XCTAssertTrue(skipping.stderr.contains("messages.csv:3:"))
        XCTAssertTrue(skipping.stdout.contains("a1,甲,presale,,1,"))
    }

    func testBadOptionsFail() throws {
        let data = KefuBinary.examples.appendingPathComponent("shop-utf8").path
        XCTAssertNotEqual(try KefuBinary.run(["report", "--data", data, "--from", "2026-13-01"]).status, 0)
        XCTAssertNotEqual(try KefuBinary.run(["report", "--data", data, "--rule", "best"]).status, 0)
        XCTAssertNotEqual(try KefuBinary.run(["report", "--data", "/nonexistent"]).status, 0)
        let one = try KefuBinary.run(["report", "--data", data, "--agent", "旗舰店:小美", "--format", "csv"])
        XCTAssertEqual(one.stdout.split(separator: "\n").count, 2)
    }

    /// `kefu report --db` over a store filled by `kefu import` equals `kefu report --data` on the
    /// same folder, byte for byte; a missing store is an error, never created.
    func testReportFromTheStoreEqualsReportFromFiles() throws {
        let dir = try KefuBinary.tempDir()
        let db = dir.appendingPathComponent("kefu.sqlite").path
        let data = KefuBinary.examples.appendingPathComponent("shop-utf8").path
        XCTAssertEqual(try KefuBinary.run(["import", data, "--db", db]).status, 0)
        for rule in ["order", "order-first"] {
            let fromStore = try KefuBinary.run(["report", "--db", db, "--format", "json", "--rule", rule])
            let fromFiles = try KefuBinary.run(["report", "--data", data, "--format", "json", "--rule", rule])
            XCTAssertEqual(fromStore.status, 0, fromStore.stderr)
            XCTAssertEqual(fromStore.stdout, fromFiles.stdout)
        }
        let missing = dir.appendingPathComponent("none.sqlite").path
        XCTAssertNotEqual(try KefuBinary.run(["report", "--db", missing]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }

    /// With `--from`, `kefu report --db` reads only the buyers the period can concern (each with
    /// its whole history): the report is still byte for byte the one from the files, for periods
    /// starting before, at and after a month's start, with and without `--as-of`.
    func testReportFromAPartOfTheStoreEqualsReportFromFiles() throws {
        let (data, db) = try sampleAndItsStore()
        for (from, to) in [("2026-10-28", "2026-11-03"), ("2026-11-01", "2026-11-07"), ("2026-11-04", "2026-11-05")] {
            for extra in [[], ["--as-of", "2026-11-04 20:00:00"]] {
                let options = ["--from", from, "--to", to, "--format", "json"] + extra
                let fromStore = try KefuBinary.run(["report", "--db", db] + options)
                let fromFiles = try KefuBinary.run(["report", "--data", data] + options)
                XCTAssertEqual(fromStore.status, 0, fromStore.stderr)
                XCTAssertTrue(fromStore.stdout.contains("\"consults\""), fromStore.stdout)
                XCTAssertEqual(fromStore.stdout, fromFiles.stdout, "\(from)..\(to) \(extra)")
            }
        }
    }

    /// `kefu pay` and `kefu whatif` read from a store only the buyers the month can concern (as
    /// `report --from` does): the same output as from the files. The sample runs 10-26..11-06,
    /// so November's window (from 10-31) leaves out the buyers seen only in October's first days.
    func testPayAndWhatIfFromAPartOfTheStoreEqualTheirRunsFromFiles() throws {
        let (data, db) = try sampleAndItsStore()
        let agents = try String(contentsOfFile: data + "/agents.csv", encoding: .utf8).split(separator: "\n")
        let agent = String(try XCTUnwrap(agents.dropFirst().first?.split(separator: ",").first))
        for options in [["pay", "--month", "2026-11", "--format", "json"],
                        ["pay", "--month", "2026-11", "--as-of", "2026-11-04 20:00:00", "--explain", agent],
                        ["whatif", "--month", "2026-11", "--agent", agent, "--set", "conversion=+5%,aov=+10%"]] {
            let fromStore = try KefuBinary.run(options + ["--db", db])
            let fromFiles = try KefuBinary.run(options + ["--data", data])
            XCTAssertEqual(fromStore.status, 0, fromStore.stderr)
            XCTAssertFalse(fromStore.stdout.isEmpty)
            XCTAssertEqual(fromStore.stdout, fromFiles.stdout, "\(options)")
        }
    }

    /// A 12-day sample (2026-10-26..11-06) as files and imported into a store.
    private func sampleAndItsStore() throws -> (data: String, db: String) {
        let dir = try KefuBinary.tempDir()
        let data = dir.appendingPathComponent("shop").path
        let db = dir.appendingPathComponent("kefu.sqlite").path
        XCTAssertEqual(try KefuBinary.run(["sample", "--out", data, "--days", "12", "--start", "2026-10-26", "--scale", "0.2"]).status, 0)
        XCTAssertEqual(try KefuBinary.run(["import", data, "--db", db]).status, 0)
        return (data, db)
    }
}
