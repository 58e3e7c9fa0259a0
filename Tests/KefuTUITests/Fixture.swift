@testable import KefuCore
@testable import KefuTUI

/// A hand-built dashboard snapshot: a shop on 2026-11-23 (a Monday) at 14:05:12 +08:00 with
/// Chinese and Latin agent names, figures chosen by hand (not computed), so every screen can be
/// rendered without the scoring engine.
enum Fixture {
    static let zone = ShopTimeZone.shanghai
    static let day = LocalDate(year: 2026, month: 11, day: 23)!
    /// 2026-11-23T14:05:12+08:00.
    static let now: Instant = zone.startOfDay(day) + (14 * 3600 + 5 * 60 + 12) * 1000

    static func tally(consults: Int, receptions: Int, inquiries: Int, paid: Int, salesFen: Fen, buyers: Int,
                      frtS: Int, slow: Int, turns: Int, good: Int = 9, ratings: Int = 10) -> Tally {
        var t = Tally()
        t.consults = consults; t.receptions = receptions; t.inquiries = inquiries; t.inquiriesPaid = paid
        t.inquiriesOrdered = paid; t.salesFen = salesFen; t.paidBuyers = buyers; t.paidOrders = buyers; t.items = buyers * 2
        t.frtSumMs = Int64(frtS * 1000 * consults); t.frtCount = consults
        t.artSumMs = Int64(frtS * 1200 * turns); t.artCount = turns; t.slowTurns = slow; t.turns = turns; t.fastTurns = turns - slow * 2
        t.ratings = ratings; t.goodRatings = good; t.ratingSum = good * 5 + (ratings - good) * 2
        t.buyerMessages = turns * 2; t.agentMessages = turns * 2
        return t
    }

    static func agent(_ id: String, _ name: String?, _ role: Role?, group: String, _ t: Tally, score: Double?, rank: Int?,
                      warning: Bool = false, top: Bool = false) -> AgentMetrics {
        var a = AgentMetrics(agentID: id, name: name, role: role, group: group, grade: 2, tally: t)
        a.score = score; a.rank = rank; a.warning = warning; a.topShare = top
        if score != nil {
            // Points lost on conversion and FRT explain a low score; the rest sit on target.
            let lostConversion = max(0, (100 - (score ?? 100)) * 0.6), lostFRT = max(0, (100 - (score ?? 100)) * 0.4)
            a.scorecard = [
                ScoreLine(metric: .frt, weight: 15, actual: t.frtSeconds, baseline: 24, achievement: (15 - lostFRT) / 15,
                          points: 15 - lostFRT, service: true),
                ScoreLine(metric: .replyRate, weight: 10, actual: t.replyRate, baseline: 0.95, achievement: 1, points: 10, service: true),
                ScoreLine(metric: .satisfaction, weight: 10, actual: t.satisfaction, baseline: 0.9, achievement: 1, points: 10, service: true),
                ScoreLine(metric: .conversion, weight: 30, actual: t.conversion, baseline: 0.32, achievement: (30 - lostConversion) / 30,
                          points: 30 - lostConversion, service: false),
                ScoreLine(metric: .aov, weight: 35, actual: t.aovFen.map(Double.init), baseline: 21_000, achievement: 1, points: 35, service: false),
            ]
        }
        return a
    }

    static func agents(_ rule: AttributionRule) -> [AgentMetrics] {
        // Under `payment` 李佳怡 loses one order (¥399.00) to Emma Li: the Rules screen shows it.
        let shift: Fen = rule == .payment ? 39_900 : 0
        return [
            agent("qin.zx", "秦子轩", .presale, group: "A组", tally(consults: 48, receptions: 47, inquiries: 40, paid: 16, salesFen: 462_350, buyers: 16, frtS: 18, slow: 3, turns: 96),
                  score: 112.4, rank: 1, top: true),
            agent("li.jy", "李佳怡", .presale, group: "A组", tally(consults: 41, receptions: 40, inquiries: 35, paid: 11, salesFen: 301_200 - shift, buyers: 11, frtS: 22, slow: 5, turns: 80),
                  score: 101.3, rank: 2),
            agent("emma", "Emma Li", .presale, group: "B组", tally(consults: 37, receptions: 37, inquiries: 30, paid: 9, salesFen: 188_800 + shift, buyers: 9, frtS: 25, slow: 6, turns: 70),
                  score: 96.0, rank: 3),
            agent("wang.xm", "王小明", .presale, group: "B组", tally(consults: 30, receptions: 26, inquiries: 28, paid: 4, salesFen: 75_600, buyers: 4, frtS: 41, slow: 14, turns: 61),
                  score: 78.5, rank: 4, warning: true),
            agent("ouyang", "欧阳娜娜", .aftersale, group: "售后", tally(consults: 25, receptions: 25, inquiries: 0, paid: 0, salesFen: 0, buyers: 0, frtS: 30, slow: 4, turns: 50),
                  score: 104.0, rank: 1),
            agent("zhao", "赵磊", .aftersale, group: "售后", tally(consults: 19, receptions: 17, inquiries: 0, paid: 0, salesFen: 0, buyers: 0, frtS: 52, slow: 9, turns: 38),
                  score: 88.2, rank: 2, warning: true),
            agent("vip01", "Alexander Hamilton-Smith", .vip, group: "VIP", tally(consults: 8, receptions: 8, inquiries: 7, paid: 5, salesFen: 1_285_000, buyers: 5, frtS: 12, slow: 0, turns: 16),
                  score: nil, rank: nil),
            agent("temp9", nil, nil, group: "", Tally(), score: nil, rank: nil),
        ]
    }

    static func report(_ rule: AttributionRule, period: Period, agents list: [AgentMetrics]) -> Report {
        var team = TeamMetrics()
        for a in list { team.tally += a.tally }
        team.silentSalesFen = rule == .order ? 12_900 : 0
        team.silentOrders = rule == .order ? 1 : 0
        return Report(period: period, rule: rule, asOf: now, agents: list, team: team)
    }

    static let todayPeriod = Period(from: day, to: day.adding(days: 1))

    static func snapshot(rule: AttributionRule = .orderFirst) -> DashboardSnapshot {
        let reports = RuleReports(order: report(.order, period: todayPeriod, agents: agents(.order)),
                                  payment: report(.payment, period: todayPeriod, agents: agents(.payment)),
                                  orderFirst: report(.orderFirst, period: todayPeriod, agents: agents(.orderFirst)))
        // Yesterday by this time: fewer consults and a slower FRT.
        let yesterdayAgents = agents(rule).map { a -> AgentMetrics in
            var b = a; b.tally.consults = a.tally.consults * 9 / 10; b.tally.frtSumMs = a.tally.frtSumMs * 11 / 10; return b
        }
        var month = agents(rule)
        for i in month.indices { month[i].tally.consults *= 20; month[i].tally.salesFen *= 19 }
        month[3].warning = false; month[2].warning = true; month[2].score = 84.0
        // 赵磊 is below 70 this month (and, by `eliminationReview`, last month too).
        month[5].score = 66.0
        let monthReport = report(rule, period: day.month.period, agents: month)
        // Hour h of today: a morning ramp to 14:00 (the current hour, half done).
        let loads = [0, 0, 0, 0, 0, 0, 0, 0, 2, 6, 9, 12, 10, 11, 5]
        let hourly: [Tally] = (0..<24).map { (h: Int) -> Tally in
            guard h < loads.count else { return Tally() }
            let load: Int = loads[h]
            let sales: Fen = Fen(load) * 25_000
            return tally(consults: load * 2, receptions: load * 2, inquiries: load, paid: load / 3, salesFen: sales,
                         buyers: load / 3, frtS: 15 + h, slow: h % 3, turns: load * 4)
        }
        let heatDays = (0..<14).map { LocalDate(day: day.day - 13 + $0) }
        // Nights are empty (0); daytime values follow a simple pattern so every shade appears.
        func dayCell(_ i: Int, _ h: Int) -> Double? { h < 8 ? 0 : Double((h * 7 + i * 5) % 40) }
        func weekdayCell(_ w: Int, _ h: Int) -> Double? { h < 8 ? 0 : Double((h * 3 + w * 11) % 25) + 0.5 }
        let dayCells: [[Double?]] = (0..<14).map { i in (0..<24).map { h in dayCell(i, h) } }
        let weekdayCells: [[Double?]] = (0..<7).map { w in (0..<24).map { h in weekdayCell(w, h) } }
        let grid = HeatmapGrid(metric: .consults, rows: heatDays.map { HeatmapRow.day($0) }, cells: dayCells)
        let weekdays = HeatmapGrid(metric: .consults, rows: (0..<7).map { HeatmapRow.weekday($0) }, cells: weekdayCells)
        return DashboardSnapshot(
            shop: "秦记旗舰店", zone: zone, now: now, newestRecord: now - 3_000, rule: rule, today: reports,
            yesterdaySoFar: report(rule, period: Period(from: day.adding(days: -1), to: day), agents: yesterdayAgents),
            month: monthReport,
            hourlyToday: hourly,
            hourlyConsults: ["qin.zx": [0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 7, 9, 4] + Array(repeating: 0, count: 9),
                             "wang.xm": [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 5, 6, 3, 8, 6] + Array(repeating: 0, count: 9)],
            lastActivity: ["qin.zx": now - 30_000, "li.jy": now - 400_000, "emma": now - 60_000, "wang.xm": now - 3_000_000,
                           "ouyang": now - 10_000, "zhao": now - 700_000, "vip01": now - 90_000],
            slowestTurns: ["wang.xm": [SlowTurn(buyer: "tb_8812734523", openedAt: now - 3_600_000, responseMs: 412_000),
                                       SlowTurn(buyer: "wx_buyer_0077", openedAt: now - 5_000_000, responseMs: 188_000)],
                           "qin.zx": [SlowTurn(buyer: "tb_8812734523", openedAt: now - 3_600_000, responseMs: 200_000),
                                      SlowTurn(buyer: "jd_5521", openedAt: now - 7_200_000, responseMs: 95_000)]],
            heatmaps: [HeatmapKey(.consults, byWeekday: false): grid, HeatmapKey(.consults, byWeekday: true): weekdays],
            monthPay: pay(monthReport), payPlan: .standard, monthKPIPoints: ["wang.xm": 80],
            todayOrders: ["wang.xm": orders.filter { zone.day(of: $0.order.paidAt!) == day }], monthOrders: ["wang.xm": orders],
            eliminationReview: ["zhao"], staffing: staffing)
    }

    /// 王小明's month pay, chosen by hand: base ¥3,000.00; position 78.5/100 × ¥1,500 = ¥1,177.50;
    /// commission (¥20.00 per order + ¥75.60 tiered) × gate 0.9 = ¥86.04; general KPI
    /// 80 × ¥4 = ¥320.00; total ¥4,583.54. The other agents keep the standard plan's lines.
    static func pay(_ month: Report) -> PayRun {
        var run = PayRun(report: month, month: day.month, kpiPoints: [:], plan: .standard)
        let i = run.lines.firstIndex { $0.agent.agentID == "wang.xm" }!
        run.lines[i].pay = PayBreakdown(agentID: "wang.xm", baseFen: 300_000, positionFen: 117_750, perOrderFen: 2_000, tieredFen: 7_560,
                                        relativeBonusFen: 0, scoreShareFen: 0, gateFactor: 0.9, kpiFen: 32_000, explanation: [])
        return run
    }

    /// 王小明's orders this month, oldest first: two on earlier days, three today (one credited
    /// and chased, one assisted, one credited with a ¥50.00 refund).
    static let orders: [AgentOrder] = {
        func order(_ id: String, _ buyer: String, paid: Instant, _ amount: Fen, _ credit: AgentOrder.Credit, refund: Fen = 0, chased: Bool = false) -> AgentOrder {
            AgentOrder(order: Order(id: id, buyer: buyer, createdAt: paid - 600_000, paidAt: paid, amount: amount, items: 1),
                       credit: credit, refundFen: refund, chased: chased)
        }
        return [order("TB261102001", "tb_1200998877", paid: now - 20 * 86_400_000, 25_900, .credited),
                order("TB261120007", "wx_buyer_0077", paid: now - 3 * 86_400_000 - 3_600_000, 9_900, .assisted),
                order("TB261123011", "tb_8812734523", paid: now - 4 * 3_600_000, 18_900, .credited, chased: true),
                order("TB261123015", "jd_5521", paid: now - 2 * 3_600_000, 39_900, .assisted),
                order("TB261123020", "tb_77001234", paid: now - 1_800_000, 16_800, .credited, refund: 5_000)]
    }()

    /// Today's staffing: a hand-made forecast (a day ramp from 9 h, 150 s handle time) against
    /// two shifts (秦子轩 9–18 h, 王小明 12–21 h); the core sizes every hour.
    static let staffing: StaffingPlan = {
        let arrivals: [Double] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 40, 60, 50, 45, 70, 60, 40, 30, 20, 15, 10, 5, 0, 0]
        let load = DayLoad(hours: arrivals.map { HourlyLoad(arrivals: $0, handleTimeMs: 150_000) }, days: 10)
        let forecast = Forecast(day: day, kind: .weekday, profileKind: .weekday, load: load)
        return StaffingPlan(forecast: forecast, shifts: [Shift(agent: "qin.zx", date: day, start: 9 * 60, end: 18 * 60),
                                                         Shift(agent: "wang.xm", date: day, start: 12 * 60, end: 21 * 60)],
                            options: StaffingOptions())
    }()

    /// A state showing the fixture at a size.
    static func state(_ screen: Screen = .team, language: Language = .zh, width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(language: language, rule: .orderFirst, themeCount: 4, snapshot: snapshot())
        _ = update(&s, .resize(width: width, height: height))
        s.screen = screen
        if screen == .agent { s.agentID = "wang.xm" }
        return s
    }
}
