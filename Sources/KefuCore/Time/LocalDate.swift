/// A shop-local calendar date, held as days since 1970-01-01.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (may be negative).
    public var day: Int

    public init(day: Int) { self.day = day }

    /// A date from its year, month (1–12) and day (1–31); nil when no such date exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: year, month: month) else { return nil }
        self.day = LocalDate.daysFromCivil(year, month, day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var civil: (year: Int, month: Int, day: Int) { LocalDate.civilFromDays(day) }
    public var month: Month { let c = civil; return Month(year: c.year, month: c.month)! }
    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((day % 7) + 7 + 3) % 7 }
    public func adding(days n: Int) -> LocalDate { LocalDate(day: day + n) }

    public var description: String {
        let c = civil
        return "\(pad4(c.year))-\(pad2(c.month))-\(pad2(c.day))"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.day < b.day }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Howard Hinnant's civil_from_days.
    public static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// A calendar month (`2026-11`).
public struct Month: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }
    public var previous: Month { month == 1 ? Month(year: year - 1, month: 12)! : Month(year: year, month: month - 1)! }
    /// The month as a period `[first day, first day of next month)`.
    public var period: Period { Period(from: firstDay, to: next.firstDay) }
    public var description: String { "\(pad4(year))-\(pad2(month))" }
    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// A half-open period of shop-local days, `[from, to)`.
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    public var from: LocalDate
    public var to: LocalDate

    public init(from: LocalDate, to: LocalDate) { self.from = from; self.to = to }

    @inline(__always) public func contains(_ d: LocalDate) -> Bool { d.day >= from.day && d.day < to.day }
    @inline(__always) public func contains(day: Int) -> Bool { day >= from.day && day < to.day }
    public var days: Int { to.day - from.day }
    public var description: String { "[\(from), \(to))" }
}

@inline(__always) func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
@inline(__always) func pad4(_ n: Int) -> String {
    let s = String(n); return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
}
