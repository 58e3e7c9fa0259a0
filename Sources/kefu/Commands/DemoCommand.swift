import ArgumentParser
import Foundation
import KefuCore
import KefuSample
import KefuTUI
import Synchronization

/// `kefu demo`: the dashboard over a built-in live simulation of a shop.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The dashboard over a simulated shop: 14 days of history and today, live.",
        discussion: """
        Generates a seeded shop (the `kefu sample` data) in memory and replays today at --speed \
        times real time from --start, so the screens move within seconds. Nothing is written.

        Keys: Tab or 1–5 switch screens, Enter opens an agent (w: what-if panel), Esc goes back, \
        o the heatmap's staffing overlay, / filters, s/S \
        sort, r switches the attribution rule, t the theme, L 中文/English, ? help, q quits.

        Example:
          kefu demo --speed 30 --agents 16 --lang en
        """)

    @Option(help: "How many times faster than real time today advances.")
    var speed: Double = 10

    @Option(help: "Number of agents in the simulated shop.")
    var agents: Int = 12

    @Option(help: ArgumentHelp("Shop-local time of day the simulated clock starts at.", valueName: "HH:MM"))
    var start: String = "10:00"

    @Option(help: "Random seed of the simulated shop.")
    var seed: UInt64 = 1

    @OptionGroup var display: DashboardOptions

    func validate() throws {
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be between 0 and 100000, not \(speed)") }
        guard (1...500).contains(agents) else { throw ValidationError("--agents must be between 1 and 500, not \(agents)") }
        guard DemoCommand.minutes(start) != nil else { throw ValidationError("--start must be HH:MM, not \(start)") }
    }

    static func minutes(_ text: String) -> Int? {
        let p = text.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    func run() throws {
        let config = KefuConfig()
        let zone = config.zone
        let wallStart = Int64(Date().timeIntervalSince1970 * 1000)
        let today = zone.day(of: wallStart)
        let simStart = zone.startOfDay(today) + Int64(DemoCommand.minutes(start)!) * 60_000
        let speed = self.speed
        let clock: @Sendable () -> Instant = {
            simStart + Int64(Double(Int64(Date().timeIntervalSince1970 * 1000) - wallStart) * speed)
        }
        let source = DemoSource(simulation: LiveSimulation(agents: agents, seed: seed, day: today, historyDays: 14, zone: zone))
        let builder = SnapshotBuilder(config: config, shop: display.language.pick("演示旗舰店", "Demo Flagship Store"))
        let feed = SnapshotFeed(rule: config.defaultRule, interval: 1, clock: clock) { rule, force in
            let now = clock()
            guard let (book, fresh) = source.advance(to: now, force: force) else { return nil }
            return builder.build(book, fresh: fresh, now: now, rule: rule)
        }
        try display.run(feed: feed, rule: config.defaultRule)
    }
}

/// The simulated shop's records so far, advanced by the feed thread.
final class DemoSource: Sendable {
    private struct State {
        var simulation: LiveSimulation
        var book = RecordBook()
        var builtOnce = false
    }
    private let state: Mutex<State>

    init(simulation: LiveSimulation) {
        var s = State(simulation: simulation)
        for record in s.simulation.history() { s.book.add(record) }
        state = Mutex(s)
    }

    /// Folds in the records up to `now`; the book and the records new since the last book
    /// returned, when there is something new to show (or `force`), else nil.
    func advance(to now: Instant, force: Bool) -> (RecordBook, [Record])? {
        state.withLock { s in
            let records = s.simulation.advance(to: now)
            for r in records { s.book.add(r) }
            guard force || !records.isEmpty || !s.builtOnce else { return nil }
            s.builtOnce = true
            return (s.book, records)
        }
    }
}

/// Display options shared by `kefu demo` and `kefu dash`.
struct DashboardOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Screen language: zh or en (default from LANG/LC_ALL; zh unless it starts with en).", valueName: "zh|en"))
    var lang: String?

    @Option(help: ArgumentHelp("A theme name in Themes/ (dark, light, high-contrast, monochrome) or a theme file.", valueName: "name|path"))
    var theme: String = "dark"

    var language: Language {
        lang.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not \(lang)") }
    }

    /// Loads the themes and runs the dashboard until the user quits.
    func run(feed: SnapshotFeed, rule: AttributionRule) throws {
        let env = ProcessInfo.processInfo.environment
        let paths = ThemeFile.defaultSearchPaths(environment: env, executable: CommandLine.arguments[0])
        let chosen: Theme
        do { chosen = try ThemeFile.load(theme, searchPaths: paths) } catch { throw ValidationError("\(error)") }
        var themes = ThemeFile.all(searchPaths: paths)
        if let i = themes.firstIndex(where: { $0.name == chosen.name }) { themes[i] = chosen } else { themes.insert(chosen, at: 0) }
        let index = themes.firstIndex { $0.name == chosen.name }!
        do {
            try Dashboard.run(feed: feed, language: language, rule: rule, themes: themes, themeIndex: index, environment: env)
        } catch let error as TerminalError {
            throw ValidationError(error.description)
        }
    }
}
