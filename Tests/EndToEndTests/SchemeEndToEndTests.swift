import Foundation
import XCTest

/// The scheme lab and staffing commands as a user runs them, on the example shop.
final class SchemeEndToEndTests: XCTestCase {
    let data = KefuBinary.examples.appendingPathComponent("shop-utf8").path

    func defaultScheme() throws -> String {
        let dir = try KefuBinary.tempDir()
        let path = dir.appendingPathComponent("2025.toml").path
        let r = try KefuBinary.run(["config", "init", "--out", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return path
    }

    /// The pay run's JSON: one line per agent with a role, totals in integer fen that add up.
    func testPayRunJSONAddsUp() throws {
        let r = try KefuBinary.run(["pay", "--data", data, "--month", "2026-11", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let rows = json["pay 2026-11"] as! [[String: Any]]
        let agents = rows.filter { $0["agent_id"] as? String != "total" }
        XCTAssertEqual(agents.count, 7, "the 7 agents of agents.csv; the unknown one is not paid")
        let total = rows.first { $0["agent_id"] as? String == "total" }!["total_fen"] as! Int
        XCTAssertEqual(agents.reduce(0) { $0 + ($1["total_fen"] as! Int) }, total)
        let explain = try KefuBinary.run(["pay", "--data", data, "--month", "2026-11", "--explain", "旗舰店:小美"])
        XCTAssertTrue(explain.stdout.contains("base: grade"))
        XCTAssertTrue(explain.stdout.contains("total:"))
    }

    /// A scheme backtested against itself differs by nothing; an xlsx export is written.
    func testBacktestOfASchemeAgainstItself() throws {
        let scheme = try defaultScheme()
        let r = try KefuBinary.run(["backtest", "--data", data, "--old", scheme, "--new", scheme, "--pilot", "auto", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(json["old_total_fen"] as? String, json["new_total_fen"] as? String)
        XCTAssertEqual(json["pilot_cost_fen"] as? String, "0")
        let cells = json["by month 逐月"] as! [[String: Any]]
        XCTAssertFalse(cells.isEmpty)
        XCTAssertTrue(cells.allSatisfy { $0["difference_fen"] as? Int == 0 })
        let out = try KefuBinary.tempDir().appendingPathComponent("bt.xlsx").path
        let x = try KefuBinary.run(["backtest", "--data", data, "--old", scheme, "--new", scheme, "--format", "xlsx", "--out", out])
        XCTAssertEqual(x.status, 0, x.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out))
    }

    /// A draft that pays a higher commission costs more: the new pool exceeds the old.
    func testDraftWithHigherRateCostsMore() throws {
        let old = try defaultScheme()
        let draft = (old as NSString).deletingLastPathComponent + "/draft.toml"
        // Every agent's position pay doubles (2000 → 4000 yuan for presale).
        let text = try String(contentsOfFile: old, encoding: .utf8)
            .replacingOccurrences(of: "position_pay_yuan = { presale = 2000,", with: "position_pay_yuan = { presale = 4000,")
        try text.write(toFile: draft, atomically: true, encoding: .utf8)
        let r = try KefuBinary.run(["backtest", "--data", data, "--old", old, "--new", draft, "--format", "json", "--budget", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertGreaterThan(Int(json["new_total_fen"] as! String)!, Int(json["old_total_fen"] as! String)!)
    }

    func testStaffingJSON() throws {
        let r = try KefuBinary.run(["staffing", "--data", data, "--day", "2026-11-11", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((json["hours"] as? [Any])?.count, 24)
        XCTAssertNotEqual(try KefuBinary.run(["staffing", "--data", data, "--day", "2026-11-11", "--shrinkage", "1.5"]).status, 0)
    }
}
