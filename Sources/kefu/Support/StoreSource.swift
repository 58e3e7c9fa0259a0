import Foundation
import KefuCore
import KefuStore
import Synchronization

/// The part of the store the dashboard shows, in memory, kept current by folding in each
/// commit's changes.
///
/// It loads the buyers with any record since the start of the previous month minus the
/// attribution window, each with all of their history (SPEC §1: look-backs see everything
/// stored), plus every agent and the ratings, tickets, QA points and shifts of that window
/// (`Store.loadRecent`): enough for today, yesterday, this month and the previous month
/// (the elimination review), whatever the store's size. A buyer absent from that window who
/// comes back is read whole from the store with the change that names them.
final class StoreSource: Sendable {
    /// With no new record, figures are still rebuilt this often (ms) so presence and "as of
    /// now" move on.
    static let refreshMs: Int64 = 15_000

    private struct State {
        var book: RecordBook
        var change: Int64
        var dataVersion: Int
        var builtAt: Instant?
        /// Records read since the last book returned, for the builder's live aggregates.
        var pending: [Record] = []
    }
    private let store: Store
    private let state: Mutex<State>
    /// The first shop-local day the window holds whole: every conversation from then on has
    /// all its messages in the book (the staffing forecast learns from these days only).
    let historyFrom: LocalDate

    /// Loads the window around `now` under `config`'s time zone and attribution window.
    init(store: Store, config: KefuConfig = KefuConfig(), now: Instant = Int64(Date().timeIntervalSince1970 * 1000)) throws {
        self.store = store
        let version = try store.dataVersion()
        let since = StoreSource.windowStart(now: now, zone: config.zone, attributionWindowMs: config.thresholds.attributionWindowMs)
        let firstDay = config.zone.day(of: since)
        historyFrom = config.zone.startOfDay(firstDay) == since ? firstDay : firstDay.adding(days: 1)
        let (book, upTo) = try store.loadRecent(since: since, zone: config.zone)
        state = Mutex(State(book: book, change: upTo, dataVersion: version))
    }

    /// The start of the previous month (shop-local) minus the attribution window: a report of
    /// the previous month or later needs no buyer with nothing stamped since then.
    static func windowStart(now: Instant, zone: ShopTimeZone, attributionWindowMs: Int64) -> Instant {
        zone.startOfDay(zone.day(of: now).month.previous.firstDay) - attributionWindowMs
    }

    /// The book and the records committed since the last book returned, when there is
    /// something new to show (a commit since the last poll, `force`, or `refreshMs` passed),
    /// else nil. A failed read is retried at the next poll.
    func poll(now: Instant, force: Bool) -> (RecordBook, [Record])? {
        state.withLock { s in
            if let version = try? store.dataVersion(), version != s.dataVersion,
               let changes = try? store.changes(since: s.change, wholeHistoryOfBuyersNotIn: { StoreSource.knows(s.book, buyer: $0) }) {
                s.dataVersion = version
                s.change = changes.upTo
                for r in changes.history { s.book.add(r) }
                for r in changes.records { s.book.add(r) }
                s.pending += changes.records
            }
            guard force || !s.pending.isEmpty || s.builtAt == nil || now - s.builtAt! >= StoreSource.refreshMs else { return nil }
            s.builtAt = now
            defer { s.pending = [] }
            return (s.book, s.pending)
        }
    }

    /// Whether the book holds any message or order of `buyer`.
    private static func knows(_ book: RecordBook, buyer: String) -> Bool {
        !book.messages(ofBuyer: buyer).isEmpty || !book.orders(ofBuyer: buyer).isEmpty
    }
}
