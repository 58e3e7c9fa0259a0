@testable import KefuCore
import XCTest

/// The cut feed's queue hands out every instant once, earliest first, whether it came at the
/// start (sorted once) or was pushed later (the heap), with pops at cuts in between.
final class StampQueueTests: XCTestCase {
    func testPopsEveryEntryOnceInTimeOrder() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let initial = (0..<Int.random(in: 0..<200, using: &rng)).map { i -> (Instant, StampTarget) in
                (Instant.random(in: 0..<1_000, using: &rng), i % 3 == 0 ? .ticket("t\(i % 7)") : i % 3 == 1 ? .rating(i) : .buyer(Int32(i)))
            }
            var queue = StampQueue(initial)
            var expected = initial
            var popped: [(Instant, StampTarget)] = []
            var cut: Instant = 0
            while cut < 1_200 {
                for _ in 0..<(cut < 1_000 ? Int.random(in: 0..<5, using: &rng) : 0) {
                    let e = (Instant.random(in: cut..<1_100, using: &rng), StampTarget.buyer(Int32.random(in: 0..<9, using: &rng)))
                    queue.push(e.0, e.1)
                    expected.append(e)
                }
                cut += Instant.random(in: 1..<80, using: &rng)
                var last = Instant.min
                queue.pop(through: cut) { stamp, target in
                    XCTAssertLessThanOrEqual(stamp, cut)
                    XCTAssertGreaterThanOrEqual(stamp, last, "earliest first")
                    last = stamp
                    popped.append((stamp, target))
                }
            }
            XCTAssertTrue(queue.isEmpty, "round \(round)")
            func key(_ e: (Instant, StampTarget)) -> String { "\(e.0) \(e.1)" }
            XCTAssertEqual(popped.map(key).sorted(), expected.map(key).sorted(), "round \(round): each entry once")
        }
    }
}
