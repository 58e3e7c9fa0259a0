import KefuCore
import KefuSample
import XCTest
@testable import KefuTUI

/// The dashboard's incremental paths equal the plain batch computations after every slice of
/// records, late and odd ones included (`LiveScenario`): each tracker of the core on its own,
/// then whole snapshots against a cold build.
final class IncrementalFiguresTests: XCTestCase {
    let config = KefuConfig()
    var engine: ScoringEngine { ScoringEngine(config: config) }
    /// Slices: morning, noon (twice in one hour), afternoon, evening, the day's last second.
    let slices: [(Int, Int)] = [(9, 30), (12, 0), (12, 40), (15, 5), (19, 59), (23, 59)]

    /// Today, yesterday by the same time and the month, as `CutReport`s moved with the clock,
    /// equal `ScoringEngine.report(…, asOf: cut)` after every slice, under every rule.
    func testCutReportsEqualBatchReportsAsOfTheCut() {
        var s = LiveScenario()
        let t = s.today
        var watch = BookWatch(s.book)
        let start = s.at(8)
        let end = s.zone.startOfDay(t.adding(days: 1)) - 1
        var reports: [(CutReport, (Instant) -> Instant)] = []
        for rule in AttributionRule.allCases {
            for (period, lag) in [(Period(from: t, to: t.adding(days: 1)), Int64(0)),
                                  (Period(from: t.adding(days: -1), to: t), 86_400_000),
                                  (t.month.period, 0), (t.month.previous.period, 0)] {
                let cut = { (now: Instant) in now - lag }
                reports.append((CutReport(config: config, book: s.book, activity: watch.activity, period: period, rule: rule,
                                          cut: cut(start), horizon: end - lag), cut))
            }
        }
        for (h, m) in slices {
            let now = s.at(h, m)
            let fresh = s.advance(to: now)
            let changes = watch.changes(fresh, in: s.book)
            for i in reports.indices {
                reports[i].0.advance(s.book, changes: changes, to: reports[i].1(now))
                let r = reports[i].0
                let batch = engine.report(s.book, period: r.period, rule: r.rule, asOf: reports[i].1(now))
                XCTAssertEqual(reports[i].0.report(s.book), batch, "\(r.rule) \(r.period) at \(h):\(m)")
                XCTAssertEqual(reports[i].0.teamTally, batch.team.tally, "\(r.rule) \(r.period) team at \(h):\(m)")
            }
        }
        XCTAssertGreaterThan(s.book.messageCount, 1_000, "the scenario carried real traffic")
        XCTAssertEqual(s.oddSent, 1 + 2 + 42 + 2 + 1, "every kind of odd record found its target")
    }

    /// A report over only the buyers that can concern a period equals the whole book's.
    func testReportOverActiveBuyersEqualsTheWholeBook() {
        var s = LiveScenario()
        _ = s.advance(to: s.at(16))
        let activity = BookWatch(s.book).activity
        for rule in AttributionRule.allCases {
            for offset in [-6, -3, -1, 0] {
                let day = s.today.adding(days: offset)
                let period = Period(from: day, to: day.adding(days: 1))
                XCTAssertEqual(engine.report(s.book, period: period, rule: rule, activity: activity),
                               engine.report(s.book, period: period, rule: rule), "\(rule) \(day)")
            }
            XCTAssertEqual(engine.report(s.book, period: s.today.month.previous.period, rule: rule, activity: activity),
                           engine.report(s.book, period: s.today.month.previous.period, rule: rule))
        }
    }

    /// Conversations, heatmap, activity, order lists and load profile of `DashboardNow` equal
    /// their batch forms after every slice.
    func testDashboardNowEqualsItsBatchForms() {
        var s = LiveScenario()
        var watch = BookWatch(s.book)
        let rule = AttributionRule.orderFirst
        var current = DashboardNow(config: config, book: s.book, activity: watch.activity, now: s.at(8), rule: rule,
                                   promotions: .standard)
        let midnight = s.zone.startOfDay(s.today)
        let history = engine.conversations(s.book, asOf: midnight - 1).filter { $0.day < s.today }
        XCTAssertEqual(current.loadProfile, LoadProfile.build(conversations: history, zone: s.zone, promotions: .standard,
                                                              thresholds: config.thresholds))
        for (h, m) in slices {
            let now = s.at(h, m)
            let fresh = s.advance(to: now)
            current.advance(s.book, changes: watch.changes(fresh, in: s.book), to: now)
            let all = engine.conversations(s.book, asOf: now)
            let today = all.filter { $0.day == s.today }
            let when = "at \(h):\(m)"
            XCTAssertEqual(current.consultsByHour, Batch.consultsByHour(today, zone: s.zone), when)
            XCTAssertEqual(current.slowestTurns, Batch.slowestTurns(today), when)
            XCTAssertFalse(current.slowestTurns.isEmpty, when)
            let days = Period(from: s.today.adding(days: -13), to: s.today.adding(days: 1))
            var messages: [Message] = []
            s.book.forEachMessage { if $0.ts <= now { messages.append($0) } }
            for metric in HeatmapMetric.allCases {
                for byWeekday in [false, true] {
                    let batch = Heatmap.build(conversations: all, messages: messages, shifts: s.book.shifts.values, zone: s.zone,
                                              days: days, metric: metric, byWeekday: byWeekday, thresholds: config.thresholds)
                    XCTAssertEqual(current.heatmap.grid(metric, byWeekday: byWeekday), batch, "\(metric) \(byWeekday) \(when)")
                }
            }
            XCTAssertEqual(current.lastActivity, Batch.lastActivity(s.book, now: now), when)
            XCTAssertEqual(current.newestRecord, Batch.newest(s.book, now: now), when)
            XCTAssertEqual(current.monthOrders, engine.ordersByAgent(in: s.book, period: s.today.month.period, rule: rule, asOf: now), when)
            XCTAssertEqual(current.todayOrders,
                           engine.ordersByAgent(in: s.book, period: Period(from: s.today, to: s.today.adding(days: 1)), rule: rule, asOf: now),
                           when)
        }
        current.switchOrders(to: .payment, s.book, activity: watch.activity)
        XCTAssertEqual(current.monthOrders, engine.ordersByAgent(in: s.book, period: s.today.month.period, rule: .payment, asOf: current.now))
    }

    /// With `historyFrom` (what `kefu dash` passes: the first day its window of the store holds
    /// whole), the load profile learns from the days before today from that day on only.
    func testLoadProfileLearnsOnlyFromTheWholeDays() {
        let s = LiveScenario()
        let historyFrom = s.today.adding(days: -3)
        let watch = BookWatch(s.book)
        let current = DashboardNow(config: config, book: s.book, activity: watch.activity, now: s.at(8), rule: .orderFirst,
                                   promotions: .standard, historyFrom: historyFrom)
        let midnight = s.zone.startOfDay(s.today)
        let all = engine.conversations(s.book, asOf: midnight - 1).filter { $0.day < s.today }
        let window = all.filter { $0.day >= historyFrom }
        XCTAssertLessThan(window.count, all.count, "the scenario has history before the window")
        XCTAssertEqual(current.loadProfile, LoadProfile.build(conversations: window, zone: s.zone, promotions: .standard,
                                                              thresholds: config.thresholds))
        XCTAssertNotEqual(current.loadProfile, LoadProfile.build(conversations: all, zone: s.zone, promotions: .standard,
                                                                 thresholds: config.thresholds))
    }

    /// Whole snapshots: the builder fed slice by slice (switching rule half way) equals a new
    /// builder's cold snapshot of the same book at the same clock, in every figure but the
    /// hourly bars; those equal the batch report at each hour's end as the book stood when the
    /// hour ended.
    func testFedSnapshotsEqualColdSnapshots() {
        var s = LiveScenario()
        let builder = SnapshotBuilder(config: config, shop: "店")
        var rule = AttributionRule.orderFirst
        _ = builder.build(s.book, fresh: [], now: s.at(8), rule: rule)
        var hourEnds: [AttributionRule: [Int: Tally]] = [:]
        let midnight = s.zone.startOfDay(s.today)
        let period = Period(from: s.today, to: s.today.adding(days: 1))
        var previous = Instant.min
        func takeHourEnds(through now: Instant) {
            for r in AttributionRule.allCases {
                for hour in 0..<24 {
                    let end = midnight + Int64(hour + 1) * 3_600_000 - 1
                    if end > previous && end <= now {
                        hourEnds[r, default: [:]][hour] = engine.report(s.book, period: period, rule: r, asOf: end).team.tally
                    }
                }
            }
            previous = now
        }
        takeHourEnds(through: s.at(8))
        for (k, (h, m)) in slices.enumerated() {
            if k == 3 { rule = .payment }
            let now = s.at(h, m)
            let fresh = s.advance(to: now)
            takeHourEnds(through: now)
            let fed = builder.build(s.book, fresh: fresh, now: now, rule: rule)
            let cold = SnapshotBuilder(config: config, shop: "店").build(s.book, now: now, rule: rule)
            var a = fed, b = cold
            a.hourlyToday = []; b.hourlyToday = []
            XCTAssertEqual(a, b, "at \(h):\(m)")
            if a != b { Self.explain(a, b) }
            // Hourly bars: differences of cumulative figures; hours ended since 8:00 as taken then.
            let current = engine.report(s.book, period: period, rule: rule, asOf: now).team.tally
            var cumulative = Tally()
            for hour in 0..<24 {
                guard midnight + Int64(hour) * 3_600_000 <= now else {
                    XCTAssertEqual(fed.hourlyToday[hour], Tally()); continue
                }
                let end = midnight + Int64(hour + 1) * 3_600_000 - 1
                let next = end <= now ? hourEnds[rule]![hour]! : current
                var bar = next
                bar -= cumulative
                XCTAssertEqual(fed.hourlyToday[hour], bar, "hour \(hour) at \(h):\(m)")
                cumulative = next
            }
        }
    }

    /// Past midnight the builder starts the new day from the book: its figures are the new
    /// day's, equal to a cold build's, hourly bars included (all taken from the book then).
    func testMidnightStartsANewDay() {
        var s = LiveScenario()
        let builder = SnapshotBuilder(config: config, shop: "店")
        let evening = s.advance(to: s.at(23, 50))
        _ = builder.build(s.book, fresh: evening, now: s.at(23, 50), rule: .orderFirst)
        let now = s.at(0, 3, day: 1)
        let night = s.advance(to: now)
        let fed = builder.build(s.book, fresh: night, now: now, rule: .orderFirst)
        XCTAssertEqual(fed.todayReport.period.from, s.today.adding(days: 1))
        XCTAssertEqual(fed, SnapshotBuilder(config: config, shop: "店").build(s.book, now: now, rule: .orderFirst))
        XCTAssertGreaterThan(fed.yesterdaySoFar.team.tally.consults, 0, "yesterday is the day just ended")
    }

    /// Names the first differing field of two snapshots, for a failing comparison.
    private static func explain(_ a: DashboardSnapshot, _ b: DashboardSnapshot) {
        let fields: [(String, Bool)] = [
            ("today", a.today == b.today), ("yesterday", a.yesterdaySoFar == b.yesterdaySoFar), ("month", a.month == b.month),
            ("consults", a.hourlyConsults == b.hourlyConsults), ("activity", a.lastActivity == b.lastActivity),
            ("slowest", a.slowestTurns == b.slowestTurns), ("heatmaps", a.heatmaps == b.heatmaps), ("pay", a.monthPay == b.monthPay),
            ("points", a.monthKPIPoints == b.monthKPIPoints), ("today orders", a.todayOrders == b.todayOrders),
            ("month orders", a.monthOrders == b.monthOrders), ("review", a.eliminationReview == b.eliminationReview),
            ("staffing", a.staffing == b.staffing), ("newest", a.newestRecord == b.newestRecord)]
        for (name, same) in fields where !same { XCTFail("snapshots differ in \(name)") }
    }
}

/// The batch forms the dashboard's figures are defined by, written plainly.
enum Batch {
    static func consultsByHour(_ conversations: [Conversation], zone: ShopTimeZone) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for c in conversations where c.isConsult {
            out[c.agent, default: Array(repeating: 0, count: 24)][zone.hour(of: c.start)] += 1
        }
        return out
    }

    /// Each agent's five slowest answered turns (outliers included), in conversation order
    /// before a stable sort by response time.
    static func slowestTurns(_ conversations: [Conversation]) -> [String: [SlowTurn]] {
        var out: [String: [SlowTurn]] = [:]
        for c in conversations {
            for t in c.turns { if let ms = t.responseMs { out[c.agent, default: []].append(SlowTurn(buyer: c.buyer, openedAt: t.openedAt, responseMs: ms)) } }
        }
        return out.mapValues { Array($0.sorted { $0.responseMs > $1.responseMs }.prefix(5)) }
    }

    static func lastActivity(_ book: RecordBook, now: Instant) -> [String: Instant] {
        var out: [String: Instant] = [:]
        book.forEachMessage { m in if m.ts <= now && m.ts > (out[m.agent] ?? .min) { out[m.agent] = m.ts } }
        return out
    }

    static func newest(_ book: RecordBook, now: Instant) -> Instant? {
        var newest: Instant?
        func see(_ t: Instant) { if t <= now, t > (newest ?? .min) { newest = t } }
        book.forEachMessage { see($0.ts) }
        for o in book.orders.values { see(o.createdAt); if let p = o.paidAt { see(p) } }
        book.forEachRefund { see($0.refundedAt) }
        for r in book.ratings { see(r.ts) }
        for t in book.tickets.values { see(t.openedAt) }
        return newest
    }
}
