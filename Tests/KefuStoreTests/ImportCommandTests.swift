import Foundation
import KefuStore
import XCTest

/// `kefu import` run as a program: idempotent, a file with a bad row rejected whole, exit status.
final class ImportCommandTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func kefu(_ arguments: [String]) throws -> (status: Int32, out: String) {
        let binary = root.appendingPathComponent(".build/debug/kefu")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("build kefu first (swift build)") }
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testImportingTwiceChangesNothingAndABadFileIsRejectedWhole() throws {
        let folder = try temporaryFolder(self)
        let db = folder.appendingPathComponent("kefu.sqlite").path
        let shop = folder.appendingPathComponent("shop")
        try FileManager.default.createDirectory(at: shop, withIntermediateDirectories: true)
        try """
        order_id,buyer_id,created_at,paid_at,amount,items
        o1,b1,2026-11-11 10:00:00,,99.00,1
        o1,b1,2026-11-11 10:00:00,2026-11-11 10:05:00,99.00,1
        o2,b2,2026-11-11 11:00:00,,50.00,2
        """.write(to: shop.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        // The second refund takes o1's refunds to 100.00, above its 99.00.
        try """
        order_id,refunded_at,amount
        o1,2026-11-12 09:00:00,60.00
        o1,2026-11-12 10:00:00,40.00
        """.write(to: shop.appendingPathComponent("refunds.csv"), atomically: true, encoding: .utf8)

        let first = try kefu(["import", shop.path, "--db", db])
        XCTAssertEqual(first.status, 1, first.out)
        XCTAssertTrue(first.out.contains("orders.csv: 2 stored, 1 updated, 0 skipped (already stored), 0 rejected"), first.out)
        XCTAssertTrue(first.out.contains("refunds.csv:3: refunds of order o1 total 100.00, above its amount 99.00"), first.out)
        XCTAssertTrue(first.out.contains("refunds.csv: rejected, nothing stored (1 bad row)"), first.out)
        let log = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(log, 0, "the finished import emptied its write-ahead log into the store")
        XCTAssertEqual(try Store.open(path: db).rowCounts()["refunds"], 0, "a rejected file stores nothing")

        let again = try kefu(["import", shop.appendingPathComponent("orders.csv").path, "--db", db])
        XCTAssertEqual(again.status, 0, again.out)
        XCTAssertTrue(again.out.contains("orders.csv: 0 stored, 0 updated, 3 skipped (already stored), 0 rejected"), again.out)

        let skipping = try kefu(["import", shop.path, "--db", db, "--skip-bad-rows"])
        XCTAssertEqual(skipping.status, 1, "rows were still rejected")
        XCTAssertTrue(skipping.out.contains("refunds.csv: 1 stored, 0 updated, 0 skipped (already stored), 1 rejected"), skipping.out)
        XCTAssertEqual(try Store.open(path: db).loadBook().orders["o1"]?.paidAt, nov11 + 36_300_000) // 2026-11-11 00:00 +08:00 plus 10 h 5 min
    }

    /// `kefu import` reads offset-less timestamps in the shop's zone from the configuration
    /// (as `kefu report` does), and `--zone` overrides it.
    func testImportTakesTheShopsZoneFromTheConfigurationUnlessZoneIsGiven() throws {
        let folder = try temporaryFolder(self)
        let shop = folder.appendingPathComponent("shop")
        try FileManager.default.createDirectory(at: shop, withIntermediateDirectories: true)
        try """
        order_id,buyer_id,created_at,paid_at,amount,items
        o1,b1,2026-11-11 10:00:00,,99.00,1
        """.write(to: shop.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("tokyo.toml").path
        XCTAssertEqual(try kefu(["config", "init", "--out", config]).status, 0)
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "time_zone = \"Asia/Shanghai\"", with: "time_zone = \"Asia/Tokyo\"")
            .write(toFile: config, atomically: true, encoding: .utf8)

        let tokyo = folder.appendingPathComponent("tokyo.sqlite").path
        XCTAssertEqual(try kefu(["import", shop.path, "--db", tokyo, "--config", config]).status, 0)
        // 10:00 in Tokyo (+09:00) is 09:00 in Shanghai: nov11 (00:00 +08:00) plus 9 h.
        XCTAssertEqual(try Store.open(path: tokyo).loadBook().orders["o1"]?.createdAt, nov11 + 9 * 3_600_000)

        let shanghai = folder.appendingPathComponent("shanghai.sqlite").path
        XCTAssertEqual(try kefu(["import", shop.path, "--db", shanghai, "--config", config, "--zone", "Asia/Shanghai"]).status, 0)
        XCTAssertEqual(try Store.open(path: shanghai).loadBook().orders["o1"]?.createdAt, nov11 + 10 * 3_600_000)

        let unknown = try kefu(["import", shop.path, "--db", shanghai, "--zone", "Mars/Olympus"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.out.contains("--zone: unknown time zone \"Mars/Olympus\""), unknown.out)
    }
}
