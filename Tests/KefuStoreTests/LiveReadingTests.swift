import Foundation
import KefuCore
import KefuStore
import XCTest

/// A dashboard reading live: it polls `dataVersion()`, folds only `changes(since:)` into a
/// `LiveAggregator`, and always shows what a batch report over the stored records shows.
final class LiveReadingTests: XCTestCase {
    func testFoldingTheStoresChangesEqualsABatchReport() throws {
        let path = try temporaryFolder(self).appendingPathComponent("kefu.sqlite").path
        let writer = try Store.open(path: path)
        let reader = try Store.open(path: path)
        let config = KefuConfig()
        let period = Period(from: LocalDate(year: 2026, month: 11, day: 10)!, to: LocalDate(year: 2026, month: 11, day: 14)!)
        // Two days of records: late payments, refunds and ticket updates arrive batches later.
        let records = generatedRecords(count: 4_000, seed: 11, spanSeconds: 2 * 86_400)
        var live = LiveAggregator(config: config, period: period, rule: .orderFirst)
        var mark: Int64 = 0
        var version = try reader.dataVersion()
        var folds = 0
        for start in stride(from: 0, to: records.count, by: 250) {
            try writer.write(Array(records[start..<min(records.count, start + 250)]))
            let now = try reader.dataVersion()
            XCTAssertNotEqual(now, version, "a commit moves data_version")
            version = now
            let (changed, upTo) = try reader.changes(since: mark)
            live.fold(changed)
            mark = upTo
            folds += 1
            let batch = ScoringEngine(config: config).report(try reader.loadBook(), period: period, rule: .orderFirst)
            XCTAssertEqual(live.report, batch, "after fold \(folds)")
        }
        XCTAssertEqual(try reader.changes(since: mark).records, [], "nothing left to fold")
        XCTAssertGreaterThan(live.report.agents.count, 0)
    }
}
