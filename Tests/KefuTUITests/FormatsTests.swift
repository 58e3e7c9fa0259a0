import KefuCore
import XCTest
@testable import KefuTUI

final class FormatsTests: XCTestCase {
    func testMoney() {
        XCTAssertEqual(Formats.money(0), "¥0")
        XCTAssertEqual(Formats.money(12_350), "¥124", "¥123.50 rounds half away from zero")
        XCTAssertEqual(Formats.money(876_549), "¥8,765")
        XCTAssertEqual(Formats.money(9_999_949), "¥99,999", "just under 10万 yuan stays in yuan")
        XCTAssertEqual(Formats.money(12_345_678), "¥12.3万", "¥123,456.78 = 12.3万")
        XCTAssertEqual(Formats.money(-50_000), "-¥500")
        XCTAssertEqual(Formats.exactMoney(12_850), "¥128.50")
        XCTAssertEqual(Formats.yuan(458_354), "¥4,583.54")
        XCTAssertEqual(Formats.yuan(123_456_705), "¥1,234,567.05", "the fen keep their leading zero")
        XCTAssertEqual(Formats.yuan(-5_000), "-¥50.00")
    }

    func testRatiosTimesAndNoData() {
        XCTAssertEqual(Formats.percent(0.3214), "32.1%")
        XCTAssertEqual(Formats.percent(nil), "—")
        XCTAssertEqual(Formats.seconds(8.46), "8.5s")
        XCTAssertEqual(Formats.seconds(42.4), "42s")
        XCTAssertEqual(Formats.seconds(200), "3m20s")
        XCTAssertEqual(Formats.seconds(783), "13m")
        XCTAssertEqual(Formats.seconds(nil), "—")
        XCTAssertEqual(Formats.count(1_234_567), "1,234,567")
    }

    /// `decimal` writes its own digits for the common case; they are printf's (`%.*f`, which
    /// rounds the exact binary value, ties to even) for values near and at ties, for random
    /// values, and for negative, huge and non-finite ones (which printf writes itself).
    func testDecimalIsPrintfs() {
        var values: [Double] = [0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.5, 3.5, 9.95, 99.5, 0.125, 1e9, 2e9, -0.0, -0.04, -3.25,
                                .infinity, -.infinity, .nan, 123_456.789, 0.9999999]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let base = Double(Int.random(in: 0..<100_000, using: &rng)) / 1000
            values.append(base + 0.0005)
            values.append(Double.random(in: 0..<2_000, using: &rng))
            values.append(Double(Int.random(in: 0..<10_000, using: &rng)) / 100 * 100 / 100)
        }
        for v in values {
            for places in 0...3 {
                XCTAssertEqual(Formats.decimal(v, places), String(format: "%.\(places)f", v), "\(v) to \(places) places")
            }
        }
        XCTAssertEqual(Formats.percent(0.0005), "0.1%")
        XCTAssertEqual(Formats.clock(Fixture.now - 14 * 3_600_000, zone: .shanghai), "00:05:12")
    }

    /// Ids sort as UTF-8 bytes: the in-place comparison agrees with the byte sequences'.
    func testIdsCompareAsUTF8Bytes() {
        let pieces = ["a", "b", "A", "旗舰店:", "小美", "小", "美", "_", "1", "é", "e\u{301}", ""]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let a = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let b = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(utf8Precedes(a, b), a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
        }
    }

    func testBuyerIdsAreMasked() {
        XCTAssertEqual(Formats.maskBuyer("tb_8812734523"), "tb_****23")
        XCTAssertEqual(Formats.maskBuyer("wx_buyer_0077"), "wx_****77")
        XCTAssertEqual(Formats.maskBuyer("jd5521987"), "jd****87")
        XCTAssertEqual(Formats.maskBuyer("abc12"), "****2", "short ids keep only their last character")
    }

    func testClockAndAge() {
        XCTAssertEqual(Formats.clock(Fixture.now, zone: .shanghai), "14:05:12")
        XCTAssertEqual(Formats.age(ms: 4_900), "4s")
        XCTAssertEqual(Formats.age(ms: 720_000), "12m")
        XCTAssertEqual(Formats.age(ms: 3 * 86_400_000), "3d")
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "C.UTF-8", "LANG": "en_US"]), .zh, "LC_ALL wins; C is not English")
        XCTAssertEqual(Language.fromEnvironment([:]), .zh)
    }

    func testSparklineAndBar() {
        // Scaled to the maximum 8: 0 → ▁, 4 → (4/8·7 = 3.5 → 4) ▅, 8 → █; nil is blank.
        XCTAssertEqual(Sparkline.text([0, 4, 8, nil]), "▁▅█ ")
        XCTAssertEqual(Bar.text(0.5, width: 4), "██  ")
        XCTAssertEqual(Bar.text(0.3, width: 2), "▋ ", "0.3 × 16 eighths = 4.8 → 5 eighths: ▋")
    }
}
