import Foundation

/// The kind of day a load profile is kept for.
public enum DayKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Monday to Friday, not a promotion day.
    case weekday
    /// Saturday or Sunday, not a promotion day.
    case weekend
    /// A promotion day (大促: 618, 双11, ...), whatever its weekday.
    case promotion
}

/// The promotion days (大促日) kept apart from ordinary days in load profiles.
///
/// Days recur every year (`11-11`) or name one date (`2026-11-10`). Default: 06-18 and 11-11.
public struct PromotionCalendar: Sendable, Equatable {
    /// (month, day) pairs that are promotion days every year.
    public var yearly: Set<MonthDay>
    /// Single promotion dates.
    public var dates: Set<LocalDate>

    public static let standard = PromotionCalendar(yearly: [MonthDay(month: 6, day: 18), MonthDay(month: 11, day: 11)], dates: [])

    public init(yearly: Set<MonthDay>, dates: Set<LocalDate>) { self.yearly = yearly; self.dates = dates }

    /// Parses a comma-separated list of `MM-DD`, `YYYY-MM-DD`, or inclusive ranges of either
    /// written `A..B` (`11-10..11-11`; a yearly range may wrap past 12-31). Throws naming the bad item.
    public init(parsing text: String) throws {
        var yearly = Set<MonthDay>()
        var dates = Set<LocalDate>()
        for raw in text.split(separator: ",") {
            let item = raw.trimmingSpaces
            guard !item.isEmpty else { continue }
            let ends = item.components(separatedBy: "..")
            guard ends.count <= 2 else { throw ConfigError(key: "promo", reason: "'\(item)' is not a day or a range A..B") }
            let first = ends[0].trimmingSpaces, last = ends[ends.count - 1].trimmingSpaces
            if let a = MonthDay(first), let b = MonthDay(last) {
                var d = a
                yearly.insert(d)
                var guardDays = 0
                while d != b, guardDays < 366 { d = d.next; yearly.insert(d); guardDays += 1 }
            } else if let a = LocalDate(first), let b = LocalDate(last), a <= b {
                for n in a.day...b.day { dates.insert(LocalDate(day: n)) }
            } else {
                throw ConfigError(key: "promo", reason: "'\(item)' is not MM-DD, YYYY-MM-DD or an ascending range of them")
            }
        }
        self.init(yearly: yearly, dates: dates)
    }

    public func isPromotion(_ day: LocalDate) -> Bool {
        if dates.contains(day) { return true }
        let c = day.civil
        return yearly.contains(MonthDay(month: c.month, day: c.day))
    }

    /// The kind of a day: promotion first, then Saturday/Sunday as weekend.
    public func kind(of day: LocalDate) -> DayKind {
        if isPromotion(day) { return .promotion }
        return day.weekday >= 5 ? .weekend : .weekday
    }
}

/// A day of the year without a year (`11-11`).
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) { self.month = month; self.day = day }

    /// Parses `MM-DD`; 02-29 is allowed.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m),
              d >= 1, d <= LocalDate.daysIn(year: 2024, month: m) else { return nil }
        self.init(month: m, day: d)
    }

    /// The following day of the year (12-31 is followed by 01-01).
    var next: MonthDay {
        if day < LocalDate.daysIn(year: 2024, month: month) { return MonthDay(month: month, day: day + 1) }
        return MonthDay(month: month == 12 ? 1 : month + 1, day: 1)
    }

    public var description: String { "\(pad2(month))-\(pad2(day))" }
    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
