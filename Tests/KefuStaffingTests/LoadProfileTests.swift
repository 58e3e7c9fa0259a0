import XCTest
import KefuCore

final class LoadProfileTests: XCTestCase {
    /// History (11-02 and 11-09 are Mondays, 11-07 a Saturday, 11-10 a Tuesday):
    /// - 11-02: 10:05 reception 60 s; 10:40 reception 20 s (not valid, < 30 s); 14:00 outreach.
    /// - 11-09: 10:10 reception 120 s.
    /// - 11-07: 10:00 consult without an answer (not a reception).
    /// - 11-10 and 11-11 are a promotion window ("11-10..11-11"): 11-10 has three 300 s
    ///   receptions at 10:00.
    private var history: [Conversation] {
        [
            conversation("2026-11-02", 10, 5, seconds: 60),
            conversation("2026-11-02", 10, 40, seconds: 20),
            conversation("2026-11-02", 14, 0, seconds: 90, buyerMessages: 0),
            conversation("2026-11-09", 10, 10, seconds: 120),
            conversation("2026-11-07", 10, 0, seconds: 0, agentMessages: 0),
            conversation("2026-11-10", 10, 0, seconds: 300),
            conversation("2026-11-10", 10, 0, seconds: 300),
            conversation("2026-11-10", 10, 0, seconds: 300),
        ]
    }

    func testProfilesByKind() throws {
        let promos = try PromotionCalendar(parsing: "11-10..11-11")
        let p = LoadProfile.build(conversations: history, zone: zone, promotions: promos, thresholds: Thresholds())
        // Weekday: 2 days (11-02, 11-09). 10 h: 3 consults / 2 days = 1.5; handle time = mean of
        // the valid ones, (60 + 120) / 2 = 90 s. 14 h: outreach is no consult → 0 arrivals, and
        // its handle time falls back to the profile-wide 90 s.
        let weekday = try XCTUnwrap(p.byKind[.weekday])
        XCTAssertEqual(weekday.days, 2)
        XCTAssertEqual(weekday.hours[10], HourlyLoad(arrivals: 1.5, handleTimeMs: 90_000))
        XCTAssertEqual(weekday.hours[14], HourlyLoad(arrivals: 0, handleTimeMs: 90_000))
        // Weekend: 1 day, 1 arrival at 10 h, no valid conversation anywhere → no handle time.
        let weekend = try XCTUnwrap(p.byKind[.weekend])
        XCTAssertEqual(weekend.days, 1)
        XCTAssertEqual(weekend.hours[10], HourlyLoad(arrivals: 1, handleTimeMs: nil))
        // Promotion: 11-10 only, 3 arrivals, 300 s.
        let promo = try XCTUnwrap(p.byKind[.promotion])
        XCTAssertEqual(promo.days, 1)
        XCTAssertEqual(promo.hours[10], HourlyLoad(arrivals: 3, handleTimeMs: 300_000))
        // By weekday: Monday = the weekday profile; Tuesday's only day was a promotion → none.
        XCTAssertEqual(p.byWeekday[0], weekday)
        XCTAssertNil(p.byWeekday[1])
        XCTAssertEqual(p.byWeekday[5], weekend)
    }

    func testForecastKindsAndFallbacks() throws {
        let window = try PromotionCalendar(parsing: "11-10..11-11")
        let p = LoadProfile.build(conversations: history, zone: zone, promotions: window, thresholds: Thresholds())
        // 11-11 (Wednesday) is in the window → the promotion profile.
        let promo = try XCTUnwrap(p.forecast(for: date("2026-11-11"), promotions: window))
        XCTAssertEqual(promo.kind, .promotion)
        XCTAssertEqual(promo.profileKind, .promotion)
        XCTAssertEqual(promo.load.hours[10].arrivals, 3)
        XCTAssertEqual(p.forecast(for: date("2026-11-16"), promotions: window)?.profileKind, .weekday)
        XCTAssertEqual(p.forecast(for: date("2026-11-14"), promotions: window)?.profileKind, .weekend)

        // With the standard calendar (06-18, 11-11), 11-10 is an ordinary Tuesday and there is
        // no promotion history: 11-11 falls back to the weekday profile, now 3 days (11-02,
        // 11-09, 11-10) with 6 consults at 10 h = 2 per day.
        let plain = LoadProfile.build(conversations: history, zone: zone, promotions: .standard, thresholds: Thresholds())
        let f = try XCTUnwrap(plain.forecast(for: date("2026-11-11"), promotions: .standard))
        XCTAssertEqual(f.kind, .promotion)
        XCTAssertEqual(f.profileKind, .weekday)
        XCTAssertEqual(f.load.hours[10].arrivals, 2)

        // Only weekend history: a Monday uses the weekend profile; no history at all: no forecast.
        let weekendOnly = LoadProfile.build(conversations: [conversation("2026-11-07", 9, 0, seconds: 40)], zone: zone,
                                            promotions: .standard, thresholds: Thresholds())
        XCTAssertEqual(weekendOnly.forecast(for: date("2026-11-16"), promotions: .standard)?.profileKind, .weekend)
        let empty = LoadProfile.build(conversations: [], zone: zone, promotions: .standard, thresholds: Thresholds())
        XCTAssertNil(empty.forecast(for: date("2026-11-16"), promotions: .standard))
    }

    /// The builder takes conversations one at a time, in any order: after each one its profile
    /// equals `build` over those added so far.
    func testBuilderEqualsBuildInAnyOrder() throws {
        let promos = try PromotionCalendar(parsing: "11-10..11-11")
        for order in [history, history.reversed(), [history[5], history[0], history[4], history[2], history[7], history[1], history[6], history[3]]] {
            var builder = LoadProfile.Builder(zone: zone, promotions: promos, thresholds: Thresholds())
            for (i, c) in order.enumerated() {
                builder.add(c)
                XCTAssertEqual(builder.profile, LoadProfile.build(conversations: Array(order[...i]), zone: zone, promotions: promos,
                                                                  thresholds: Thresholds()))
            }
            XCTAssertEqual(builder.profile, LoadProfile.build(conversations: history, zone: zone, promotions: promos, thresholds: Thresholds()))
        }
    }

    func testPromotionCalendarParsing() throws {
        let c = try PromotionCalendar(parsing: "06-18, 12-31..01-01, 2026-03-08, 2026-05-01..2026-05-02")
        XCTAssertTrue(c.isPromotion(date("2027-06-18")))
        XCTAssertTrue(c.isPromotion(date("2026-12-31")))
        XCTAssertTrue(c.isPromotion(date("2027-01-01")))
        XCTAssertFalse(c.isPromotion(date("2027-01-02")))
        XCTAssertTrue(c.isPromotion(date("2026-03-08")))
        XCTAssertFalse(c.isPromotion(date("2027-03-08")))
        XCTAssertTrue(c.isPromotion(date("2026-05-02")))
        XCTAssertThrowsError(try PromotionCalendar(parsing: "11-31"))
        XCTAssertThrowsError(try PromotionCalendar(parsing: "2026-05-02..2026-05-01"))
        XCTAssertEqual(PromotionCalendar.standard.kind(of: date("2026-11-11")), .promotion)
        XCTAssertEqual(PromotionCalendar.standard.kind(of: date("2026-11-15")), .weekend)
        XCTAssertEqual(PromotionCalendar.standard.kind(of: date("2026-11-13")), .weekday)
    }
}
