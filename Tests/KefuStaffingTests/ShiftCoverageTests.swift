import XCTest
import KefuCore

final class ShiftCoverageTests: XCTestCase {
    /// Day 2026-11-11:
    /// - Kiki 11-10 20:00–02:00 crosses midnight: 00 h and 01 h on 11-11, nothing at 02 h.
    /// - 乐乐 08:30–17:30: 0.5 at 08 h, 1 from 09 h to 16 h, 0.5 at 17 h.
    /// - 小美 09:00–12:00 and 11:00–13:00 overlap: counted once, 1 from 09 h to 12 h.
    /// - Lily 22:00–06:00 on 11-11: 22 h and 23 h only (the rest is 11-12's).
    /// - A shift on 11-09 and one on 11-12 never reach 11-11.
    func testAgentsPerHour() {
        let shifts = [
            shift("Kiki", "2026-11-10", "20:00", "02:00"),
            shift("乐乐", "2026-11-11", "08:30", "17:30"),
            shift("小美", "2026-11-11", "09:00", "12:00"),
            shift("小美", "2026-11-11", "11:00", "13:00"),
            shift("Lily", "2026-11-11", "22:00", "06:00"),
            shift("Old", "2026-11-09", "22:00", "06:00"),
            shift("Next", "2026-11-12", "00:00", "08:00"),
        ]
        let c = ShiftCoverage(day: date("2026-11-11"), shifts: shifts)
        var expected = [Double](repeating: 0, count: 24)
        expected[0] = 1; expected[1] = 1          // Kiki
        expected[8] = 0.5; expected[17] = 0.5     // 乐乐's half hours
        for h in 9...16 { expected[h] += 1 }      // 乐乐
        for h in 9...12 { expected[h] += 1 }      // 小美, once
        expected[22] = 1; expected[23] = 1        // Lily
        XCTAssertEqual(c.agentsPerHour, expected)
        XCTAssertEqual(c.agentsTouching(hour: 8), ["乐乐"])
        XCTAssertEqual(c.agentsTouching(hour: 2), [])
        XCTAssertEqual(c.minutesByAgent["小美"]?[12], 60)
        XCTAssertNil(c.minutesByAgent["Old"])
    }

    /// A shift that ends where it starts lasts 24 h: 10:00–10:00 covers 10 h–23 h of its day
    /// and 00 h–09 h of the next.
    func testFullDayShiftWrapsIntoNextDay() {
        let s = [shift("x", "2026-11-10", "10:00", "10:00")]
        let first = ShiftCoverage(day: date("2026-11-10"), shifts: s)
        let second = ShiftCoverage(day: date("2026-11-11"), shifts: s)
        XCTAssertEqual(first.agentsPerHour, (0..<24).map { $0 >= 10 ? 1 : 0 })
        XCTAssertEqual(second.agentsPerHour, (0..<24).map { $0 < 10 ? 1 : 0 })
    }
}
