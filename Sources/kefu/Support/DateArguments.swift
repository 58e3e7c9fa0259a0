import ArgumentParser
import KefuCore

extension AttributionRule: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Parses `YYYY-MM-DD`, or fails naming the option.
func parseDay(_ text: String, option: String) throws -> LocalDate {
    guard let d = LocalDate(text) else { throw UserFacingError("\(option): \"\(text)\" is not a date (YYYY-MM-DD)") }
    return d
}

/// Parses a timestamp in the shop's zone, or fails naming the option.
func parseInstant(_ text: String, option: String, zone: ShopTimeZone) throws -> Instant {
    if let t = Timestamp.parse(text, zone: zone) { return t }
    if let d = LocalDate(text) { return zone.startOfDay(d) }
    throw UserFacingError("\(option): \"\(text)\" is not a timestamp (YYYY-MM-DD[ HH:MM[:SS]][+08:00])")
}

/// The period from optional `--from`/`--to`, defaulting to the data's span.
func resolvePeriod(from: String?, to: String?, book: RecordBook, zone: ShopTimeZone) throws -> Period {
    let span = book.span(zone: zone)
    let start = try from.map { try parseDay($0, option: "--from") } ?? span?.from
    let end = try to.map { try parseDay($0, option: "--to") } ?? span?.to
    guard let start, let end else { throw UserFacingError("the data set is empty: give --from and --to") }
    guard start < end else { throw UserFacingError("--from \(start) must be before --to \(end) (--to is exclusive)") }
    return Period(from: start, to: end)
}
