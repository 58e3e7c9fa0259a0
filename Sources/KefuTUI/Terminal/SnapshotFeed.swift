import Foundation
import KefuCore
import Synchronization

/// Produces dashboard snapshots on a background thread, so slow core work never blocks keys.
///
/// The producer is asked for a snapshot under the active rule every `interval`, or at once when
/// the rule changes; it returns nil when nothing changed since its last answer. The UI thread
/// polls `latest` and `clock` without waiting.
public final class SnapshotFeed: Sendable {
    /// Builds a snapshot under a rule; `force` means the rule changed and an answer is needed.
    public typealias Producer = @Sendable (_ rule: AttributionRule, _ force: Bool) -> DashboardSnapshot?

    private struct Shared {
        var rule: AttributionRule
        var ruleChanged = true
        var latest: DashboardSnapshot?
        var version = 0
        var stopped = false
    }

    private let shared: Mutex<Shared>
    private let wake = DispatchSemaphore(value: 0)
    private let producer: Producer
    private let interval: Double
    /// The dashboard's clock: wall time for a real store, simulated time for the demo.
    public let clock: @Sendable () -> Instant

    public init(rule: AttributionRule, interval: Double, clock: @escaping @Sendable () -> Instant, producer: @escaping Producer) {
        shared = Mutex(Shared(rule: rule))
        self.interval = interval; self.clock = clock; self.producer = producer
    }

    /// Starts the background thread.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func run() {
        while true {
            let (rule, force, stopped) = shared.withLock { s -> (AttributionRule, Bool, Bool) in
                defer { s.ruleChanged = false }
                return (s.rule, s.ruleChanged, s.stopped)
            }
            if stopped { return }
            if let snap = producer(rule, force) {
                shared.withLock { s in
                    // A rule switch during the computation makes this answer stale.
                    if s.rule == snap.rule { s.latest = snap; s.version += 1 }
                }
            }
            _ = wake.wait(timeout: .now() + interval)
        }
    }

    /// The newest snapshot and its version (increases with each new one).
    public func latest() -> (version: Int, snapshot: DashboardSnapshot)? {
        shared.withLock { s in s.latest.map { (s.version, $0) } }
    }

    /// Asks for figures under another rule, now.
    public func request(rule: AttributionRule) {
        shared.withLock { s in s.rule = rule; s.ruleChanged = true }
        wake.signal()
    }

    public func stop() {
        shared.withLock { $0.stopped = true }
        wake.signal()
    }
}
