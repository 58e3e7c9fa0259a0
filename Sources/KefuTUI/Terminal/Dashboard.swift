import CNcurses
import Foundation
import KefuCore

/// Runs the dashboard in the terminal until the user quits: reads events, applies `update`,
/// renders and draws changed cells. Redraws only on a key, new data, a resize or a new clock
/// second; otherwise it sleeps in the key poll, so an idle dashboard costs nothing.
public enum Dashboard {
    public static func run(feed: SnapshotFeed, language: Language, rule: AttributionRule, themes: [Theme],
                           themeIndex: Int, environment: [String: String]) throws {
        SignalFlags.install()
        defer { SignalFlags.uninstall() }
        let term = try TerminalScreen(environment: environment)
        defer { term.close() }
        feed.start()
        defer { feed.stop() }

        var state = AppState(language: language, rule: rule, themeCount: themes.count)
        state.themeIndex = themeIndex
        var size = term.size
        _ = update(&state, .resize(width: size.width, height: size.height))
        var dirty = true
        var version = -1
        var shownSecond: Int64 = -1
        var lastDrawnTheme = -1

        while !state.quitting {
            let signals = SignalFlags.take()
            if signals.asksToQuit { state.quitting = true; continue }
            if signals.contains(SIGTSTP) {
                term.suspend()
                kefu_signal_default(SIGTSTP)
                raise(SIGTSTP)
                // Execution resumes here after SIGCONT.
                SignalFlags.install()
                term.resume()
                dirty = true
            } else if signals.contains(SIGCONT) {
                term.resume(); dirty = true
            }
            if let (v, snap) = feed.latest(), v != version {
                version = v
                _ = update(&state, .data(snap)); dirty = true
            }
            let now = feed.clock()
            if now / 1000 != shownSecond {
                shownSecond = now / 1000
                _ = update(&state, .tick(now)); dirty = true
            }
            if dirty {
                let theme = ColorMode.forbidden(environment) || term.colorMode == .none ? Theme.monochrome : themes[state.themeIndex]
                if state.themeIndex != lastDrawnTheme { term.invalidate(); lastDrawnTheme = state.themeIndex }
                term.draw(render(state, size: size, theme: theme))
                dirty = false
            }
            guard let event = term.read(timeoutMs: 200) else {
                // The terminal went away (an SSH session dropped): nobody is watching.
                if term.inputHungUp { state.quitting = true }
                continue
            }
            if case .resize(let w, let h) = event { size = Size(width: w, height: h); term.invalidate() }
            for effect in update(&state, event) {
                switch effect {
                case .quit: state.quitting = true
                case .switchRule(let r): feed.request(rule: r)
                }
            }
            dirty = true
        }
    }
}
