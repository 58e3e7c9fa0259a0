@testable import KefuCore
import XCTest

/// A buyer's contribution packs into bytes and back unchanged, negative values and large fen
/// sums included (the live path subtracts contributions, so tallies can hold any integer).
final class PackedContributionTests: XCTestCase {
    func testRoundTrip() {
        var rng = SystemRandomNumberGenerator()
        func value() -> Int { [0, 0, 0, 1, -1, 127, 128, -129, Int.max, Int.min, Int.random(in: -1_000_000...1_000_000, using: &rng)].randomElement(using: &rng)! }
        for _ in 0..<2_000 {
            var c = BuyerContribution()
            c.teamPaidBuyer = value(); c.silentSalesFen = Int64(value()); c.silentOrders = value()
            for a in 0..<Int.random(in: 0..<4, using: &rng) {
                var t = Tally()
                t.consults = value(); t.salesFen = Int64(value()); t.frtSumMs = Int64(value()); t.handleCount = value()
                t.refundFen = Int64(value()); t.turns = value(); t.ratingSum = value(); t.assistFen = Int64(value())
                c.agents.append((Int32(a * 1_000 + Int.random(in: 0..<999, using: &rng)), t))
            }
            let packed = PackedContribution(c)
            XCTAssertEqual(packed.contribution, c)
            XCTAssertEqual(PackedContribution(packed.contribution), packed, "packing is deterministic")
        }
    }
}
