import KefuCore
import KefuStore
import Synchronization

/// The store's records in memory, kept current by folding in each commit's changes.
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

    init(store: Store) throws {
        self.store = store
        let version = try store.dataVersion()
        let (records, upTo) = try store.changes(since: 0)
        var book = RecordBook()
        for r in records { book.add(r) }
        state = Mutex(State(book: book, change: upTo, dataVersion: version))
    }

    /// The book and the records committed since the last book returned, when there is
    /// something new to show (a commit since the last poll, `force`, or `refreshMs` passed),
    /// else nil. A failed read is retried at the next poll.
    func poll(now: Instant, force: Bool) -> (RecordBook, [Record])? {
        state.withLock { s in
            if let version = try? store.dataVersion(), version != s.dataVersion,
               let (records, upTo) = try? store.changes(since: s.change) {
                s.dataVersion = version
                s.change = upTo
                for r in records { s.book.add(r) }
                s.pending += records
            }
            guard force || !s.pending.isEmpty || s.builtAt == nil || now - s.builtAt! >= StoreSource.refreshMs else { return nil }
            s.builtAt = now
            defer { s.pending = [] }
            return (s.book, s.pending)
        }
    }
}
