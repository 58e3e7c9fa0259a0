import Glibc
import XCTest
@testable import KefuTUI

/// The dashboard's signal handlers keep every signal until the loop takes them.
final class SignalFlagsTests: XCTestCase {
    override func tearDown() {
        SignalFlags.uninstall()
        _ = SignalFlags.take()
    }

    /// A hang-up delivers SIGHUP and then SIGCONT before the loop wakes: the quit survives the
    /// SIGCONT that follows it (with a single slot, SIGCONT overwrote it and the dashboard
    /// went on drawing to a dead terminal).
    func testSIGHUPThenSIGCONTStillAsksToQuit() {
        SignalFlags.install()
        raise(SIGHUP)
        raise(SIGCONT)
        let taken = SignalFlags.take()
        XCTAssertTrue(taken.asksToQuit)
        XCTAssertTrue(taken.contains(SIGCONT))
        XCTAssertFalse(SignalFlags.take().asksToQuit, "taking clears them")
    }

    /// A redraw signal alone does not quit; SIGINT and SIGTERM do.
    func testOnlyTheQuitSignalsAskToQuit() {
        SignalFlags.install()
        raise(SIGCONT)
        XCTAssertFalse(SignalFlags.take().asksToQuit)
        for sig in [SIGINT, SIGTERM] {
            raise(sig)
            XCTAssertTrue(SignalFlags.take().asksToQuit, "signal \(sig)")
        }
    }
}
