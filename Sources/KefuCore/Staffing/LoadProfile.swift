/// The load of one hour of a typical day: arrivals and handle time.
public struct HourlyLoad: Sendable, Equatable {
    /// Mean consults started in the hour, per day of the kind.
    public var arrivals: Double
    /// Mean duration (ms) of the valid conversations started in the hour; nil when there are none
    /// anywhere in the profile.
    public var handleTimeMs: Double?

    public init(arrivals: Double, handleTimeMs: Double?) { self.arrivals = arrivals; self.handleTimeMs = handleTimeMs }
}

/// 24 hours of load for one kind of day (or one weekday), averaged over the days of history it covers.
public struct DayLoad: Sendable, Equatable {
    /// Index 0–23: local hours.
    public var hours: [HourlyLoad]
    /// The days of history averaged over.
    public var days: Int

    public init(hours: [HourlyLoad], days: Int) { self.hours = hours; self.days = days }
}

/// The load history of SPEC §9: per weekday (0 = Monday … 6 = Sunday) and per kind of day
/// (weekday, weekend, promotion) × hour 0–23.
///
/// - **Arrivals** of an hour: consults (the buyer wrote) whose first message falls in that
///   local hour, summed over the days of the kind and divided by the number of those days.
/// - **Days of history**: the days on which at least one conversation exists. A day without any
///   conversation is taken as missing data (exports skip days), not as a day without buyers.
/// - **Handle time** of an hour: the mean duration of the valid conversations (receptions at
///   least `thresholds.validMs` long) started in that hour, pooled over the days. An hour
///   without any takes the mean over all the valid conversations of its profile.
/// - Promotion days feed the promotion profile only, never the weekday ones.
public struct LoadProfile: Sendable, Equatable {
    /// Ordinary (non-promotion) days by weekday, 0 = Monday; nil for a weekday never seen.
    public var byWeekday: [DayLoad?]
    /// By kind of day; a kind never seen is absent.
    public var byKind: [DayKind: DayLoad]

    /// Builds the profile from conversations (all of them; the filter is applied here).
    public static func build(conversations: [Conversation], zone: ShopTimeZone,
                             promotions: PromotionCalendar, thresholds: Thresholds) -> LoadProfile {
        var builder = Builder(zone: zone, promotions: promotions, thresholds: thresholds)
        for conv in conversations { builder.add(conv) }
        return builder.profile
    }

    /// Builds a profile one conversation at a time, so a long history never has to be held
    /// whole: `build(conversations:)` of the same conversations, in any order.
    public struct Builder: Sendable {
        private let zone: ShopTimeZone
        private let promotions: PromotionCalendar
        private let thresholds: Thresholds
        private var weekdays = (0..<7).map { _ in Accumulator() }
        private var kinds: [DayKind: Accumulator] = [:]

        public init(zone: ShopTimeZone, promotions: PromotionCalendar, thresholds: Thresholds) {
            self.zone = zone
            self.promotions = promotions
            self.thresholds = thresholds
        }

        /// Adds one conversation.
        public mutating func add(_ conv: Conversation) {
            let kind = promotions.kind(of: conv.day)
            let hour = zone.hour(of: conv.start)
            if kind != .promotion { weekdays[conv.day.weekday].add(conv, hour: hour, thresholds: thresholds) }
            kinds[kind, default: Accumulator()].add(conv, hour: hour, thresholds: thresholds)
        }

        /// The profile of the conversations added so far.
        public var profile: LoadProfile {
            LoadProfile(byWeekday: weekdays.map { $0.load }, byKind: kinds.compactMapValues { $0.load })
        }
    }

    /// The forecast for a day: the profile of its kind. A promotion day without promotion
    /// history takes the profile of its ordinary kind; a weekend without weekend history takes
    /// the weekday profile, and a weekday without weekday history the weekend one. Nil when
    /// there is no history at all.
    public func forecast(for day: LocalDate, promotions: PromotionCalendar) -> Forecast? {
        let kind = promotions.kind(of: day)
        let ordinary: DayKind = day.weekday >= 5 ? .weekend : .weekday
        let other: DayKind = ordinary == .weekend ? .weekday : .weekend
        let order: [DayKind] = kind == .promotion ? [.promotion, ordinary, other] : [ordinary, other]
        for used in order {
            if let load = byKind[used] { return Forecast(day: day, kind: kind, profileKind: used, load: load) }
        }
        return nil
    }
}

/// The expected load of one day.
public struct Forecast: Sendable, Equatable {
    public var day: LocalDate
    /// The day's own kind.
    public var kind: DayKind
    /// The kind whose profile was used (differs from `kind` after a fallback).
    public var profileKind: DayKind
    public var load: DayLoad

    public init(day: LocalDate, kind: DayKind, profileKind: DayKind, load: DayLoad) {
        self.day = day; self.kind = kind; self.profileKind = profileKind; self.load = load
    }
}

/// Running sums for one profile.
private struct Accumulator: Sendable {
    var days = Set<Int>()
    var arrivals = [Int](repeating: 0, count: 24)
    var validDurationMs = [Int64](repeating: 0, count: 24)
    var validCount = [Int](repeating: 0, count: 24)

    mutating func add(_ conv: Conversation, hour: Int, thresholds: Thresholds) {
        days.insert(conv.day.day)
        guard conv.isConsult else { return }
        arrivals[hour] += 1
        if conv.isReception, conv.durationMs >= thresholds.validMs {
            validDurationMs[hour] += conv.durationMs
            validCount[hour] += 1
        }
    }

    var load: DayLoad? {
        guard !days.isEmpty else { return nil }
        let totalCount = validCount.reduce(0, +)
        let overall: Double? = totalCount > 0 ? Double(validDurationMs.reduce(0, +)) / Double(totalCount) : nil
        let n = Double(days.count)
        let hours = (0..<24).map { h in
            HourlyLoad(arrivals: Double(arrivals[h]) / n,
                       handleTimeMs: validCount[h] > 0 ? Double(validDurationMs[h]) / Double(validCount[h]) : overall)
        }
        return DayLoad(hours: hours, days: days.count)
    }
}
