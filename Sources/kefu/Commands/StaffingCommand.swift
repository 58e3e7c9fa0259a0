import ArgumentParser
import Foundation
import KefuCore

/// `kefu staffing`: hour-by-hour staffing advice for one day (SPEC §9).
struct StaffingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staffing",
        abstract: "Hour-by-hour staffing advice for one day, by Erlang C, against shifts.csv.",
        discussion: """
        The load of the day is forecast from the data set's history: mean consults started per \
        hour and mean valid conversation duration, over past days of the same kind (promotion \
        day, weekend, weekday). Each hour is sized for the target share of first responses \
        within the given seconds, with the occupancy cap, chat concurrency and shrinkage, and \
        compared with the agents shifts.csv puts on.

        Example: kefu staffing --data ./shop --day 2026-11-11 --promo 11-10..11-11 --format csv
        """)

    @OptionGroup var source: SourceOptions

    @Option(help: "The shop-local day to plan (YYYY-MM-DD).")
    var day: String

    @Option(help: "Target share of first responses within --within seconds.")
    var target: Double = 0.8

    @Option(help: "Seconds the target is about.")
    var within: Double = 30

    @Option(help: "Chats one agent carries at once.")
    var concurrency: Int = 3

    @Option(help: "Share of scheduled time not available for chats.")
    var shrinkage: Double = 0.3

    @Option(name: .customLong("occupancy-cap"), help: "Highest acceptable occupancy.")
    var occupancyCap: Double = 0.85

    @Option(help: "Promotion days: MM-DD or YYYY-MM-DD, comma-separated; ranges as A..B.")
    var promo: String = "06-18,11-11"

    @Option(help: "Output: table, csv or json.")
    var format: PlanFormat = .table

    func run() throws {
        try reportingFailures {
            let planDay = try parseDay(day, option: "--day")
            let promotions: PromotionCalendar
            do { promotions = try PromotionCalendar(parsing: promo) } catch { throw UserFacingError("--\(error)") }
            var options = StaffingOptions()
            options.targetServiceLevel = target
            options.withinMs = Int64((within * 1000).rounded())
            options.concurrency = concurrency
            options.shrinkage = shrinkage
            options.occupancyCap = occupancyCap
            do { try options.validate() } catch { throw UserFacingError("--\(error)") }

            let config = try source.loadConfig()
            let book = try source.load(config: config)
            var history = LoadProfile.Builder(zone: config.zone, promotions: promotions, thresholds: config.thresholds)
            ScoringEngine(config: config).forEachConversation(book) { history.add($0) }
            let profile = history.profile
            guard let forecast = profile.forecast(for: planDay, promotions: promotions) else {
                throw UserFacingError("the data set has no conversations to forecast from")
            }
            let plan = StaffingPlan(forecast: forecast, shifts: book.shifts.values, options: options)
            print(format.render(plan), terminator: "")
        }
    }
}

/// How `kefu staffing` prints a plan.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    func render(_ plan: StaffingPlan) -> String {
        switch self {
        case .table: return PlanText.table(plan)
        case .csv: return PlanText.csv(plan)
        case .json: return PlanText.json(plan)
        }
    }
}

/// Text renderings of a staffing plan. Numbers are rounded for display only.
enum PlanText {
    static let columns = ["hour", "arrivals", "aht_s", "needed", "scheduled_needed", "scheduled", "gap", "service_level", "status"]

    static func table(_ plan: StaffingPlan) -> String {
        let f = plan.forecast
        var out = "Staffing for \(plan.day) (\(f.kind.rawValue) day; forecast from \(f.profileKind.rawValue) history, \(f.load.days) day\(f.load.days == 1 ? "" : "s"))\n"
        let o = plan.options
        out += "Target \(percent(o.targetServiceLevel)) within \(fixed(Double(o.withinMs) / 1000, 0)) s, concurrency \(o.concurrency), "
            + "shrinkage \(percent(o.shrinkage)), occupancy cap \(percent(o.occupancyCap))\n\n"
        let header = ["hour", "arrivals", "AHT s", "need", "sched need", "on shift", "gap", "SL", "status"]
        var rows = [header]
        for h in plan.hours {
            rows.append([pad2(h.hour) + ":00", fixed(h.arrivals, 1), h.handleTimeMs.map { fixed($0 / 1000, 0) } ?? "-",
                         h.needed.map(String.init) ?? "-", h.scheduledNeeded.map(String.init) ?? "-",
                         fixed(h.scheduled, 1), h.gap.map { signed($0) } ?? "-",
                         h.serviceLevel.map(percent) ?? "-", h.status.rawValue])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max()! }
        for row in rows {
            let cells = row.indices.map { c in
                c == 0 || c == row.count - 1 ? row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces + "\n"
        }
        return out
    }

    static func csv(_ plan: StaffingPlan) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for h in plan.hours {
            out += [String(h.hour), number(h.arrivals), h.handleTimeMs.map { number($0 / 1000) } ?? "",
                    h.needed.map(String.init) ?? "", h.scheduledNeeded.map(String.init) ?? "",
                    number(h.scheduled), h.gap.map(number) ?? "", h.serviceLevel.map(number) ?? "",
                    h.status.rawValue].joined(separator: ",") + "\n"
        }
        return out
    }

    static func json(_ plan: StaffingPlan) -> String {
        let f = plan.forecast
        let o = plan.options
        var hours: [String] = []
        for h in plan.hours {
            let fields: [(String, String)] = [
                ("hour", String(h.hour)), ("arrivals", number(h.arrivals)),
                ("aht_s", h.handleTimeMs.map { number($0 / 1000) } ?? "null"),
                ("needed", h.needed.map(String.init) ?? "null"),
                ("scheduled_needed", h.scheduledNeeded.map(String.init) ?? "null"),
                ("scheduled", number(h.scheduled)), ("gap", h.gap.map(number) ?? "null"),
                ("service_level", h.serviceLevel.map(number) ?? "null"),
                ("occupancy", h.occupancy.map(number) ?? "null"),
                ("status", "\"\(h.status.rawValue)\""),
            ]
            hours.append("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
        }
        let top: [(String, String)] = [
            ("day", "\"\(plan.day)\""), ("kind", "\"\(f.kind.rawValue)\""),
            ("profile_kind", "\"\(f.profileKind.rawValue)\""), ("profile_days", String(f.load.days)),
            ("target", number(o.targetServiceLevel)), ("within_s", number(Double(o.withinMs) / 1000)),
            ("concurrency", String(o.concurrency)), ("shrinkage", number(o.shrinkage)),
            ("occupancy_cap", number(o.occupancyCap)),
            ("hours", "[\n  " + hours.joined(separator: ",\n  ") + "\n]"),
        ]
        return "{" + top.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }

    /// A JSON/CSV number: up to 4 decimals, no trailing zeros.
    static func number(_ x: Double) -> String {
        var s = String(format: "%.4f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    static func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + fixed(x, 1) }
    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
