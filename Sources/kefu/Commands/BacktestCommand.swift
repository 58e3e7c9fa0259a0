import ArgumentParser
import KefuCore
import KefuOutput

/// `kefu backtest`: an old and a new scheme over every month of history.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Compare two pay schemes over stored history (新方案测算), with pilots and a budget.",
        discussion: """
        Computes both schemes' pay runs for every month from --from to --to (both included; \
        default: every month of the data), and shows per agent and month old, new and the \
        difference; per agent mean, max and min; promotion months (618 and 双11 by default) \
        marked; the pool per month and in total against --budget; and, with --pilot, what paying \
        the piloted agents the higher of old and new would cost.

        Example:
          kefu backtest --data shop/ --old schemes/2025.toml --new schemes/2026-draft.toml --pilot auto --budget 500000
        """)

    @OptionGroup var source: SourceOptions
    @OptionGroup var export: ExportOptions

    @Option(help: ArgumentHelp("The scheme paid today (TOML).", valueName: "file"))
    var old: String

    @Option(help: ArgumentHelp("The draft scheme (TOML).", valueName: "file"))
    var new: String

    @Option(help: "First month (YYYY-MM, included).")
    var from: String?

    @Option(help: "Last month (YYYY-MM, included).")
    var to: String?

    @Option(help: ArgumentHelp("Promotion days, comma-separated YYYY-MM-DD or MM-DD (default: 06-18 and 11-11 of each year).", valueName: "days"))
    var promo: String?

    @Option(help: ArgumentHelp("Agents paid the higher of old and new: ids, comma-separated, or `auto` (top, middle, bottom by old pay).", valueName: "agents"))
    var pilot: String?

    @Option(help: ArgumentHelp("The budget for the whole period, in yuan.", valueName: "yuan"))
    var budget: String?

    @Option(name: .customLong("plan"), help: ArgumentHelp("A sales plan to forecast the pool for: CSV of month (YYYY-MM) and planned sales in yuan.", valueName: "file"))
    var salesPlan: String?

    func run() throws {
        try reportingFailures {
            let oldConfig = try loadScheme(old), newConfig = try loadScheme(new)
            let book = try source.load(config: oldConfig)
            guard let span = book.span(zone: oldConfig.zone) else { throw UserFacingError("the data set is empty") }
            let first = try from.map { try month($0, "--from") } ?? span.from.month
            let last = try to.map { try month($0, "--to") } ?? span.to.adding(days: -1).month
            guard first <= last else { throw UserFacingError("--from \(first) is after --to \(last)") }
            var months: [Month] = []
            var m = first
            while m <= last { months.append(m); m = m.next }
            let promoDays = try promotionDays(years: Set(months.map(\.year)))
            let oldScheme = SchemeEvaluator(config: oldConfig), newScheme = SchemeEvaluator(config: newConfig)
            for (name, s) in [("--old", oldScheme), ("--new", newScheme)] where s.plan == nil {
                throw UserFacingError("\(name): the scheme has no pay plan \"default\"")
            }
            let pilots: [String]
            if pilot == "auto" {
                pilots = Backtest.autoPilot(book: book, old: oldScheme, months: months)
            } else {
                pilots = pilot.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            }
            let budgetFen = try budget.map { text -> Fen in
                guard let f = Yuan.fen(text) else { throw UserFacingError("--budget: \"\(text)\" is not an amount in yuan") }
                return f
            }
            let bt = Backtest(book: book, old: oldScheme, new: newScheme, months: months, promotionDays: promoDays, pilot: pilots)
            let checks = SchemeChecks(runs: bt.newRuns)
            var sheets = ExportSheets.backtest(bt) + [ExportSheets.checks(checks)]
            if let salesPlan {
                let planned = try readSalesPlan(salesPlan)
                let promoMonths = Set(try promotionDays(years: Set(planned.map(\.0.year) + months.map(\.year))).map(\.month))
                sheets.append(ExportSheets.forecast(
                    old: PoolForecast(book: book, scheme: oldScheme, plan: planned, history: months, promotionMonths: promoMonths),
                    new: PoolForecast(book: book, scheme: newScheme, plan: planned, history: months, promotionMonths: promoMonths)))
            }
            if export.format == .table {
                try export.emit(sheets.map { "\($0.name)\n" + SheetText.table($0) }.joined(separator: "\n") + summary(bt, budgetFen: budgetFen))
                return
            }
            try export.emit(sheets) {
                var extra = [("from", first.description), ("to", last.description),
                             ("old_total_fen", String(bt.oldTotalFen)), ("new_total_fen", String(bt.newTotalFen)),
                             ("pilot_cost_fen", String(bt.pilotCostFen))]
                if let b = budgetFen { extra.append(("budget_fen", String(b))) }
                return SheetText.json(sheets, extra: extra)
            }
        }
    }

    func summary(_ bt: Backtest, budgetFen: Fen?) -> String {
        var s = "\nold pool ¥\(Yuan.format(bt.oldTotalFen)), new pool ¥\(Yuan.format(bt.newTotalFen)), difference ¥\(Yuan.format(bt.newTotalFen - bt.oldTotalFen))\n"
        let promo = bt.pools.filter(\.promotion)
        if !promo.isEmpty {
            s += "promotion months (\(promo.map { $0.month.description }.joined(separator: ", "))): old ¥\(Yuan.format(promo.reduce(0) { $0 + $1.oldFen })), new ¥\(Yuan.format(promo.reduce(0) { $0 + $1.newFen }))\n"
        }
        let (gainers, losers) = bt.extremes(3)
        if !gainers.isEmpty { s += "gain most: " + gainers.map { "\($0.name ?? $0.agentID) +¥\(Yuan.format($0.newTotalFen - $0.oldTotalFen))" }.joined(separator: ", ") + "\n" }
        if !losers.isEmpty { s += "lose most: " + losers.map { "\($0.name ?? $0.agentID) −¥\(Yuan.format($0.oldTotalFen - $0.newTotalFen))" }.joined(separator: ", ") + "\n" }
        if !bt.pilot.isEmpty { s += "pilot \(bt.pilot.joined(separator: ", ")): costs ¥\(Yuan.format(bt.pilotCostFen)) over the old scheme\n" }
        if let b = budgetFen {
            let verdict = bt.newTotalFen <= b ? "within" : "OVER"
            s += "budget ¥\(Yuan.format(b)): new scheme \(verdict) budget by ¥\(Yuan.format(abs(b - bt.newTotalFen)))\n"
        }
        return s
    }

    /// Reads `month,sales` rows (a header row is allowed), sales in yuan.
    func readSalesPlan(_ path: String) throws -> [(Month, Fen)] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UserFacingError("\(path): cannot be read") }
        var rows: [(Month, Fen)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let cells = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if i == 0, cells.first.flatMap({ Month($0) }) == nil { continue } // header
            guard cells.count >= 2, let m = Month(cells[0]), let fen = Yuan.fen(cells[1]) else {
                throw UserFacingError("\(path):\(i + 1): expected month (YYYY-MM), planned sales in yuan")
            }
            rows.append((m, fen))
        }
        guard !rows.isEmpty else { throw UserFacingError("\(path): no months planned") }
        return rows
    }

    func month(_ text: String, _ option: String) throws -> Month {
        guard let m = Month(text) else { throw UserFacingError("\(option): \"\(text)\" is not a month (YYYY-MM)") }
        return m
    }

    func promotionDays(years: Set<Int>) throws -> [LocalDate] {
        guard let promo else {
            return years.sorted().flatMap { [LocalDate(year: $0, month: 6, day: 18)!, LocalDate(year: $0, month: 11, day: 11)!] }
        }
        return try promo.split(separator: ",").flatMap { part -> [LocalDate] in
            let p = part.trimmingCharacters(in: .whitespaces)
            if let d = LocalDate(p) { return [d] }
            let md = p.split(separator: "-")
            if md.count == 2, let mo = Int(md[0]), let d = Int(md[1]) {
                let days = years.sorted().compactMap { LocalDate(year: $0, month: mo, day: d) }
                if !days.isEmpty { return days }
            }
            throw UserFacingError("--promo: \"\(p)\" is not a day (YYYY-MM-DD or MM-DD)")
        }
    }
}
