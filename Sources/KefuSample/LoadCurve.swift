import KefuCore

/// The shopping calendar: 双11 (11-11, with its eve 11-10 from 20:00), plus the smaller 618 and
/// 双12 days, and the after-sales wave that follows 双11.
enum SaleCalendar {
    static func isSaleDay(_ d: LocalDate) -> Bool {
        let c = d.civil
        return (c.month == 11 && (c.day == 10 || c.day == 11)) || (c.month == 6 && c.day == 18)
            || (c.month == 12 && c.day == 12)
    }

    /// Whether orders get the 满300减50 discount that day.
    static func hasDiscount(_ d: LocalDate) -> Bool { isSaleDay(d) }

    /// Share of buyer chats that are after-sales questions: higher in the days after 双11.
    static func aftersaleShare(_ d: LocalDate) -> Double {
        let c = d.civil
        return c.month == 11 && (12...20).contains(c.day) ? 0.30 : 0.15
    }
}

/// Buyer traffic by shop-local hour: peaks at 10–11, 14–16 and 20–23, quiet at night, and
/// the 双11 spikes (11-10 evening, then 11-11 from midnight on).
enum LoadCurve {
    /// Relative chat arrivals per hour of an ordinary day.
    static let ordinary: [Double] = [
        0.30, 0.15, 0.07, 0.04, 0.03, 0.04, 0.10, 0.30, 0.60, 0.95, 1.40, 1.35,
        0.85, 0.95, 1.25, 1.30, 1.20, 0.90, 0.85, 1.00, 1.30, 1.45, 1.35, 0.80,
    ]
    static let ordinaryTotal = ordinary.reduce(0, +)

    /// Relative arrivals per hour of `date`, on the scale where an ordinary day sums to 1.
    static func weights(on date: LocalDate) -> [Double] {
        let c = date.civil
        let weekday = date.weekday >= 5 ? 1.12 : (date.weekday == 0 ? 0.95 : 1.0)
        var w = ordinary.map { $0 * weekday / ordinaryTotal }
        switch (c.month, c.day) {
        case (11, 10): // 双11 eve: a busier day, then the evening rush before midnight.
            for h in 0..<24 { w[h] *= h >= 20 ? 2.6 : 1.15 }
        case (11, 11): // 双11: the midnight opening rush, then a day at about three times the usual.
            for h in 0..<24 { w[h] *= h < 2 ? 9.0 : (h < 3 ? 5.0 : 2.8) }
        case (11, 12): w = w.map { $0 * 1.3 }
        case (6, 18): for h in 0..<24 { w[h] *= h < 2 ? 5.0 : 1.8 }
        case (12, 12): for h in 0..<24 { w[h] *= h < 2 ? 4.0 : 1.6 }
        default: break
        }
        return w
    }

    /// Slows answers in rush hours: on 双11's midnight rush agents answer later.
    static func stress(on date: LocalDate, hour: Int) -> Double {
        let w = weights(on: date)[hour] * ordinaryTotal
        return w > 3 ? 2.0 : (w > 1.8 ? 1.4 : 1.0)
    }
}
