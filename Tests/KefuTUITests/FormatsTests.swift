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
