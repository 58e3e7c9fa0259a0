import KefuCore
import KefuSample
import XCTest
@testable import KefuTUI

/// The dashboard's today figures come from the core's incremental path: the records each
/// refresh brings are taken in buyer by buyer, and the result equals a batch report as of the
/// clock.
final class LiveTodayTests: XCTestCase {
    /// A simulated shop: 14 days of history, then today arriving in slices (late payments of
    /// older orders included). After every slice, each rule's report for today equals the
    /// batch report as of the slice's clock.
    func testFoldedTodayEqualsBatchAfterEverySlice() {
        let zone = ShopTimeZone.shanghai
        let day = LocalDate(year: 2026, month: 11, day: 12)!
        var simulation = LiveSimulation(agents: 6, seed: 7, day: day, historyDays: 14, zone: zone)
        var book = RecordBook()
        for r in simulation.history() { book.add(r) }
        let builder = SnapshotBuilder(config: KefuConfig(), shop: "店")
        let engine = ScoringEngine(config: KefuConfig())
        let period = Period(from: day, to: day.adding(days: 1))
        var folded = 0
        for hour in [9, 11, 14, 18, 23] {
            let now = zone.startOfDay(day) + Int64(hour) * 3_600_000 + 59 * 60_000
            let fresh = simulation.advance(to: now)
            for r in fresh { book.add(r) }
            folded += fresh.count
            let snap = builder.build(book, fresh: fresh, now: now, rule: .orderFirst)
            for rule in AttributionRule.allCases {
                XCTAssertEqual(snap.today[rule], engine.report(book, period: period, rule: rule, asOf: now), "\(rule) at \(hour):59")
            }
        }
        XCTAssertGreaterThan(folded, 500, "the slices carried real traffic")
    }
}
