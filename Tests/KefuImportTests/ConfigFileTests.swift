import KefuCore
@testable import KefuImport
import XCTest

final class ConfigFileTests: XCTestCase {
    func parse(_ toml: String) throws -> KefuConfig { try ConfigFile.parse(toml, source: "kefu.toml") }

    func assertError(_ toml: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(toml), file: file, line: line) { error in
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
    }

    func testTheDefaultFileGivesExactlyTheDefaults() throws {
        XCTAssertEqual(try parse(ConfigFile.defaultTOML), KefuConfig())
        XCTAssertEqual(try parse(""), KefuConfig())
    }

    func testEveryKeyOfTheDefaultFileIsCommented() {
        // Each `key = value` line (and each [[scorecard]] item's block) follows a comment line,
        // or sits in a block whose first key follows one.
        var lastWasCommentOrKey = false
        for line in ConfigFile.defaultTOML.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#") { lastWasCommentOrKey = true; continue }
            if t.isEmpty { lastWasCommentOrKey = false; continue }
            if t.hasPrefix("[[scorecard.") { lastWasCommentOrKey = true; continue } // keys explained in the header comment
            if t.hasPrefix("[") && !t.hasPrefix("[[") { lastWasCommentOrKey = false; continue }
            if t.hasPrefix("{") || t.hasPrefix("]") { continue }
            XCTAssertTrue(lastWasCommentOrKey, "uncommented key: \(t)")
        }
    }

    func testAChangedThresholdAndRuleAreRead() throws {
        let config = try parse("""
        [shop]
        time_zone = "Asia/Tokyo"
        [thresholds]
        slow_response_s = 45
        valid_reception_s = 12.5
        attribution_window_h = 48
        [attribution]
        default_rule = "payment"
        [ranking]
        warning_share = 0.1
        """)
        var expected = KefuConfig()
        expected.zone = ShopTimeZone(identifier: "Asia/Tokyo")!
        expected.thresholds.slowMs = 45_000
        expected.thresholds.validMs = 12_500
        expected.thresholds.attributionWindowMs = 48 * 3_600_000
        expected.defaultRule = .payment
        expected.warningShare = 0.1
        XCTAssertEqual(try parse("[thresholds]\nslow_response_s = 45\n").thresholds.slowMs, 45_000)
        XCTAssertEqual(config, expected)
    }

    func testScorecardWeightsMustSumTo100() {
        assertError("""
        [[scorecard.presale]]
        metric = "frt_s"
        weight = 45
        [[scorecard.presale]]
        metric = "conversion"
        weight = 50
        """, "kefu.toml: scorecard.presale: weights sum to 95, not 100")
    }

    func testAScorecardReplacesOnlyItsRole() throws {
        let config = try parse("""
        [[scorecard.aftersale]]
        metric = "resolution_rate"
        weight = 60
        baseline = 0.9
        [[scorecard.aftersale]]
        metric = "art_s"
        weight = 40
        cap = 1.5
        service = true
        """)
        XCTAssertEqual(config.scorecards[.aftersale], Scorecard(role: .aftersale, items: [
            ScorecardItem(metric: .resolutionRate, weight: 60, baseline: .fixed(0.9)),
            ScorecardItem(metric: .art, weight: 40, lowerIsBetter: true, cap: 1.5, service: true),
        ]))
        XCTAssertEqual(config.scorecards[.presale], Scorecard.defaults[.presale])
    }

    func testKeysAndValuesAreChecked() {
        assertError("[thresholds]\nslow_respons_s = 45\n", "kefu.toml: thresholds.slow_respons_s: unknown key")
        assertError("[thresholds]\nslow_response_s = \"fast\"\n", "kefu.toml: thresholds.slow_response_s: must be a number")
        assertError("[thresholds]\nslow_response_s = -1\n", "kefu.toml: thresholds.slow_response_s: must not be negative")
        assertError("[shop]\ntime_zone = \"Mars/Olympus\"\n", "kefu.toml: shop.time_zone: unknown time zone \"Mars/Olympus\"")
        assertError("[attribution]\ndefault_rule = \"last-touch\"\n",
                    "kefu.toml: attribution.default_rule: unknown rule \"last-touch\" (expected order, payment or order-first)")
        assertError("[rankings]\ntop_share = 0.2\n", "kefu.toml: rankings: unknown key")
        assertError("[ranking]\ntop_share = 1.5\n", "kefu.toml: ranking.top_share: must be between 0 and 1, not 1.5")
        assertError("[[scorecard.presale]]\nmetric = \"frt\"\nweight = 100\n",
                    "kefu.toml: scorecard.presale[1].metric: unknown metric \"frt\" (expected "
                    + ScoreMetric.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        assertError("[[scorecard.manager]]\nmetric = \"frt_s\"\nweight = 100\n",
                    "kefu.toml: scorecard.manager: unknown role (expected presale, aftersale, vip)")
        assertError("[pay.default]\nkpi_point_yuan = 5.125\n", "kefu.toml: pay.default.kpi_point_yuan: 5.125 has more than 2 decimals")
        XCTAssertThrowsError(try parse("[thresholds\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("kefu.toml: line 1, column 12: "), "\(error)")
        }
    }

    func testPayPlansConvertYuanAndRatesExactly() throws {
        let config = try parse("""
        [pay.senior]
        grade_base_yuan = { 1 = 4000.5, 3 = "5000.10" }
        per_order_yuan = 0.29
        sales_tiers = [ { from_yuan = 0, rate = 0 }, { from_yuan = 20000, rate = 0.015 } ]
        score_share_rate = 0.005
        satisfaction_gate = false
        team_lead_bonus = { base_yuan = 2000, baseline_conversion = 0.35 }
        """)
        // 0.29 yuan is 29 fen (0.29 × 100 in binary is 28.999999999999996: rounded, then checked);
        // 1.5% is 15 000 ppm, 0.5% is 5 000 ppm.
        var expected = PayPlan.standard
        expected.gradeBaseFen = [1: 400_050, 3: 500_010]
        expected.perOrderFen = 29
        expected.salesTiers = [SalesTier(fromFen: 0, ratePPM: 0), SalesTier(fromFen: 2_000_000, ratePPM: 15_000)]
        expected.scoreSharePPM = 5_000
        expected.satisfactionGate = nil
        expected.teamLeadBonus = TeamLeadBonus(baseFen: 200_000, baselineConversion: 0.35)
        XCTAssertEqual(config.payPlans["senior"], expected)
        XCTAssertEqual(config.payPlans["default"], .standard)
        assertError("[pay.default]\nsales_tiers = [ { from_yuan = 100, rate = 0.01 } ]\n",
                    "kefu.toml: pay.default.sales_tiers[1]: the first bracket must start at from_yuan = 0")
    }

    func testLoadNamesTheFile() throws {
        let dir = try TempDir()
        let path = try dir.write("shop.toml", "[thresholds]\nfast_answer_s = 180\n")
        XCTAssertEqual(try ConfigFile.load(path: path).thresholds.fastMs, 180_000)
        try dir.write("bad.toml", "[thresholds]\nfast = 1\n")
        XCTAssertThrowsError(try ConfigFile.load(path: dir.path("bad.toml"))) { error in
            XCTAssertEqual("\(error)", "\(dir.path("bad.toml")): thresholds.fast: unknown key")
        }
    }
}
