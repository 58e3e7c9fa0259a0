import XCTest
@testable import KefuCore

/// Timestamps and amounts parse from bytes; the fixed-width fast path reads exactly what the
/// general parser reads.
final class TimeParsingTests: XCTestCase {
    func parse(_ s: String, zone: ShopTimeZone = .shanghai) -> Instant? { Timestamp.parse(s, zone: zone) }

    func testHandWorkedInstants() {
        // 2026-11-11 00:00:03 in Shanghai (+08:00) is 2026-11-10T16:00:03Z = 1_794_326_403 s after 1970.
        let t: Instant = 1_794_326_403_000
        XCTAssertEqual(parse("2026-11-11T00:00:03+08:00"), t)
        XCTAssertEqual(parse("2026-11-11 00:00:03"), t, "no offset: the shop's zone")
        XCTAssertEqual(parse("2026-11-10T16:00:03Z"), t)
        XCTAssertEqual(parse("2026-11-10T16:00:03z"), t)
        XCTAssertEqual(parse("2026-11-10T11:00:03-05:00"), t)
        XCTAssertEqual(parse("2026-11-11t00:00:03+08:00"), t, "a lower-case t goes the long way")
        XCTAssertEqual(parse(" 2026-11-11 00:00:03 "), t)
        XCTAssertEqual(parse("2026-11-11 00:00:03.5"), t + 500)
        XCTAssertEqual(parse("2026-11-11 24:00:00"), parse("2026-11-12 00:00:00"), "24:00 ends the day")
        XCTAssertEqual(parse("2026-11-11 00:00:03", zone: ShopTimeZone(fixedOffsetSeconds: 0)), t + 8 * 3_600_000)
        for bad in ["2026-13-11 00:00:03", "2026-02-29 00:00:00", "2026-11-11 24:00:01", "2026-11-11 00:60:00",
                    "2026-11-11T00:00:03+19:00", "2026-11-11T00:00:03+08:60", "2026-11-11 0a:00:03", "2026-11-11T00:00:03X"] {
            XCTAssertNil(parse(bad), bad)
        }
    }

    /// Texts in the fixed-width forms, valid or not (digits swapped for letters, out-of-range
    /// fields, odd separators): whenever the fast path reads one, the general parser reads the same.
    func testFixedWidthFormsReadAsTheGeneralParserReadsThem() {
        var rng = SplitMix(7)
        let zones = [ShopTimeZone.shanghai, ShopTimeZone(identifier: "America/New_York")!, ShopTimeZone(fixedOffsetSeconds: -3600)]
        let digits = Array("0123456789")
        var fastReads = 0
        for _ in 0..<20_000 {
            func two(_ hi: Int) -> String { String(format: "%02d", rng.next(hi)) }
            var s = "\(1900 + rng.next(300))-\(two(14))-\(two(33)) \(two(26)):\(two(62)):\(two(62))"
            s = String(s.map { c in c == " " ? (rng.next(2) == 0 ? "T" : " ") : c })
            switch rng.next(4) {
            case 0: s += "Z"
            case 1: s += "\(rng.next(2) == 0 ? "+" : "-")\(two(20)):\(two(61))"
            default: break
            }
            if rng.next(20) == 0 { // a stray letter somewhere
                var chars = Array(s)
                let i = rng.next(chars.count)
                if chars[i].isNumber { chars[i] = "x" } else { chars[i] = digits[rng.next(10)] }
                s = String(chars)
            }
            let zone = zones[rng.next(zones.count)]
            var text = s
            text.withUTF8 { b in
                let general = Timestamp.parseAnyForm(b, zone: zone)
                if let fast = Timestamp.parseFixedWidth(b, zone: zone) {
                    fastReads += 1
                    XCTAssertEqual(fast, general, s)
                }
                XCTAssertEqual(Timestamp.parse(bytes: b, zone: zone), general, s)
            }
        }
        XCTAssertGreaterThan(fastReads, 5_000, "the fast path is exercised")
    }

    func testAmounts() {
        XCTAssertEqual(Yuan.fen("299"), 29_900)
        XCTAssertEqual(Yuan.fen(" +1,299.9 "), 129_990)
        XCTAssertEqual(Yuan.fen("0.05"), 5)
        XCTAssertEqual(Yuan.fen(".5"), 50)
        for bad in ["", " ", "1.234", "-3", "1.2.3", "1,2.3,4", "１２", "3元", "+"] { XCTAssertNil(Yuan.fen(bad), bad) }
    }
}

/// `dayRange` spans only instants of its day, in zones with and without transitions.
final class DayRangeTests: XCTestCase {
    func testEveryInstantOfTheRangeIsOnItsDay() {
        var rng = SplitMix(11)
        let zones = [ShopTimeZone.shanghai, ShopTimeZone(identifier: "America/New_York")!, ShopTimeZone(identifier: "Europe/London")!,
                     ShopTimeZone(fixedOffsetSeconds: 5 * 3600 + 1800)]
        for _ in 0..<2_000 {
            let zone = zones[rng.next(zones.count)]
            // 1980 to 2040, where New York and London change offset twice a year.
            let t = Instant(315_532_800_000) + Instant(rng.next(1_893_456_000)) * 1000 + Instant(rng.next(1000))
            let r = zone.dayRange(of: t)
            XCTAssertEqual(r.day, zone.dayNumber(of: t))
            XCTAssertTrue(r.start <= t && t < r.end)
            for probe in [r.start, r.end - 1, r.start + (r.end - r.start) / 2] {
                XCTAssertEqual(zone.dayNumber(of: probe), r.day, "\(zone.identifier) \(t) \(probe)")
            }
            if zone.identifier == "Asia/Shanghai", r.start > 694_224_000_000 { // 1992-01-01: no transitions since 1991
                XCTAssertEqual(r.end - r.start, 86_400_000, "whole days")
            }
        }
    }
}
