import Dispatch
import Foundation
import Synchronization

/// A request to stop, raised from a signal handler or another thread and polled by a loop.
public final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public var isRaised: Bool { raised.load(ordering: .acquiring) }

    public func raise() { raised.store(true, ordering: .releasing) }
}

/// Raises a stop flag on SIGINT and SIGTERM instead of dying mid-batch, for as long as it is
/// kept alive. The signals are delivered through dispatch sources, so no code runs in a
/// signal handler.
public final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    public init(raising flag: StopFlag, on signals: [Int32] = [SIGINT, SIGTERM]) {
        sources = signals.map { signo in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler { flag.raise() }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }
}
