import CNcurses
import Synchronization

/// The signals received that the loop has not acted on yet, one bit per signal number.
/// Signal handlers only set bits here; the key loop takes and clears them. A set, not a
/// single slot: a hang-up arrives as SIGHUP then SIGCONT, and the quit must not be lost.
let pendingSignals = Atomic<UInt64>(0)

/// Signal handling for the dashboard: SIGINT/SIGTERM/SIGHUP ask to quit, SIGTSTP to suspend,
/// SIGCONT to redraw; fatal signals restore the terminal, then re-raise to crash as usual.
enum SignalFlags {
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    static let quitting: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private static let handled = quitting + [SIGTSTP, SIGCONT]

    /// Installs the handlers. Call before opening the terminal, so ncurses keeps ours.
    static func install() {
        for sig in handled {
            signal(sig) { received in _ = pendingSignals.bitwiseOr(1 << UInt64(received), ordering: .sequentiallyConsistent) }
        }
        for sig in fatal {
            signal(sig) { received in
                endwin()
                kefu_signal_default(received)
                raise(received)
            }
        }
    }

    /// Puts every handler back to the default.
    static func uninstall() {
        for sig in handled + fatal { kefu_signal_default(sig) }
    }

    /// Takes the pending signals (none: empty).
    static func take() -> PendingSignals {
        PendingSignals(bits: pendingSignals.exchange(0, ordering: .sequentiallyConsistent))
    }
}

/// Signals taken from `pendingSignals` in one go.
struct PendingSignals {
    let bits: UInt64

    func contains(_ sig: Int32) -> Bool { bits & (1 << UInt64(sig)) != 0 }
    /// SIGINT, SIGTERM or SIGHUP arrived: the dashboard quits, whatever else came with it.
    var asksToQuit: Bool { SignalFlags.quitting.contains(where: contains) }
}
