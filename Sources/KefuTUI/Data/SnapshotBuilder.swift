import KefuCore
import Synchronization

/// Turns a record book into a `DashboardSnapshot` with the scoring core: every figure on
/// screen comes from the core (`CutReport`, `DashboardNow`, `PayRun`, `Ranking`,
/// `StaffingPlan`), as of the dashboard's clock.
///
/// The first call (and any call without `fresh`, on another day, or with the clock moved
/// back) starts from the book; later calls take in only the records that reached the book
/// since the previous call, so a refresh costs what the new records cost. Each finished hour
/// of today is taken once, as its last instant passes (a late record for it shows in the
/// tiles' totals at once, not in that hour's sparkline bar).
public final class SnapshotBuilder: Sendable {
    public let engine: ScoringEngine
    public let shop: String
    /// The first day whose conversations the book holds whole (nil: every day); the staffing
    /// forecast learns from the days from then on (`kefu dash` loads only a window of the store).
    public let historyFrom: LocalDate?
    private let live = Mutex<LiveFigures?>(nil)

    public init(config: KefuConfig, shop: String, historyFrom: LocalDate? = nil) {
        engine = ScoringEngine(config: config)
        self.shop = shop
        self.historyFrom = historyFrom
    }

    /// The snapshot of `book` as of `now`, under `rule`. `fresh` holds the records that reached
    /// `book` since the previous call (nil: unknown, so start from the book).
    public func build(_ book: RecordBook, fresh: [Record]? = nil, now: Instant, rule: AttributionRule) -> DashboardSnapshot {
        live.withLock { state in
            if let fresh, state?.canAdvance(to: now) == true {
                state!.advance(book, fresh: fresh, now: now, rule: rule)
            } else {
                state = LiveFigures(config: engine.config, book: book, now: now, rule: rule, historyFrom: historyFrom)
            }
            return state!.snapshot(book, shop: shop)
        }
    }
}
