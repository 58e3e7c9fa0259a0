import Foundation

/// The shop's time zone (default `Asia/Shanghai`): maps instants to shop-local days and hours.
///
/// Offsets are precomputed as a table of transitions at creation, so a lookup is a binary
/// search (or nothing, for a zone without transitions in the table), never a Foundation call.
public struct ShopTimeZone: Sendable, Equatable {
    public let identifier: String
    /// Transition instants (ms, ascending) and the offset (ms) in force from each one on.
    private let starts: [Instant]
    private let offsets: [Int64]
    /// The last transition and the offset in force since (for most instants, the answer).
    private let lastStart: Instant
    private let lastOffset: Int64

    public static let shanghai = ShopTimeZone(identifier: "Asia/Shanghai")!

    /// nil when the identifier names no known time zone.
    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        var starts: [Instant] = [Int64.min]
        var offsets: [Int64] = [Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: -2_208_988_800))) * 1000]
        var cursor = Date(timeIntervalSince1970: -2_208_988_800) // 1900
        let end = Date(timeIntervalSince1970: 4_102_444_800) // 2100
        while let next = tz.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let off = Int64(tz.secondsFromGMT(for: next)) * 1000
            if off != offsets.last! {
                starts.append(Int64((next.timeIntervalSince1970 * 1000).rounded()))
                offsets.append(off)
            }
            cursor = next
        }
        // Zones whose offset changed without a DST transition: sample the present offset too.
        let now = Int64(tz.secondsFromGMT(for: end)) * 1000
        if now != offsets.last! { starts.append(4_102_444_800_000); offsets.append(now) }
        self.starts = starts
        self.offsets = offsets
        lastStart = starts.last!
        lastOffset = offsets.last!
    }

    /// A fixed offset from UTC, in seconds (used by tests and for `Z`-only data).
    public init(fixedOffsetSeconds: Int) {
        identifier = "UTC\(fixedOffsetSeconds >= 0 ? "+" : "-")\(abs(fixedOffsetSeconds) / 3600)"
        starts = [Int64.min]
        offsets = [Int64(fixedOffsetSeconds) * 1000]
        lastStart = Int64.min
        lastOffset = offsets[0]
    }

    /// Offset from UTC in ms at an instant.
    @inline(__always) public func offset(at t: Instant) -> Int64 {
        if t >= lastStart { return lastOffset }
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        return offsets[lo]
    }

    /// Shop-local milliseconds since local 1970-01-01 00:00.
    @inline(__always) public func local(_ t: Instant) -> Int64 { t + offset(at: t) }

    /// The shop-local day of an instant.
    @inline(__always) public func day(of t: Instant) -> LocalDate { LocalDate(day: dayNumber(of: t)) }

    /// The shop-local day number (days since 1970-01-01) of an instant.
    @inline(__always) public func dayNumber(of t: Instant) -> Int {
        Int(floorDiv(local(t), 86_400_000))
    }

    /// The shop-local day number of `t` and a span of instants around it, `[start, end)`,
    /// all on that day: the whole day where the offset is constant, else just `t`. A walk
    /// through instants in time order needs a division only when one leaves the span.
    @inline(__always) public func dayRange(of t: Instant) -> (day: Int, start: Instant, end: Instant) {
        let day = dayNumber(of: t)
        guard t >= lastStart else { return (day, t, t + 1) }
        let start = max(Int64(day) * 86_400_000 - lastOffset, lastStart)
        return (day, start, Int64(day + 1) * 86_400_000 - lastOffset)
    }

    /// The shop-local hour (0–23) of an instant.
    @inline(__always) public func hour(of t: Instant) -> Int {
        Int(floorMod(local(t), 86_400_000) / 3_600_000)
    }

    /// The instant at which a shop-local wall-clock time (ms since local epoch) occurs.
    public func instant(fromLocal wall: Int64) -> Instant {
        let guess = wall - offset(at: wall)
        return wall - offset(at: guess)
    }

    /// The instant at which a shop-local day begins (local midnight).
    public func startOfDay(_ d: LocalDate) -> Instant { instant(fromLocal: Int64(d.day) * 86_400_000) }

    public static func == (a: ShopTimeZone, b: ShopTimeZone) -> Bool { a.identifier == b.identifier }
}

@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

@inline(__always) func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return r < 0 ? r + b : r
}
