import CNcurses
import Synchronization

/// The last signal received that the loop must act on (0: none). Signal handlers only store
/// here; the key loop reads and clears it.
let pendingSignal = Atomic<Int32>(0)

/// Signal handling for the dashboard: SIGINT/SIGTERM ask to quit, SIGTSTP to suspend,
/// SIGCONT to redraw; fatal signals restore the terminal, then re-raise to crash as usual.
enum SignalFlags {
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers. Call before opening the terminal, so ncurses keeps ours.
    static func install() {
        for sig in [SIGINT, SIGTERM, SIGTSTP, SIGCONT, SIGHUP] {
            signal(sig) { received in pendingSignal.store(received, ordering: .sequentiallyConsistent) }
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
        for sig in [SIGINT, SIGTERM, SIGTSTP, SIGCONT, SIGHUP] + fatal { kefu_signal_default(sig) }
    }

    /// Takes the pending signal, if any.
    static func take() -> Int32 { pendingSignal.exchange(0, ordering: .sequentiallyConsistent) }
}
