import ArgumentParser
import Foundation
import KefuCore
import KefuStore
import KefuTUI

/// `kefu dash`: the dashboard over the store that `kefu ingest` fills.
struct DashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "The live dashboard over the kefu store.",
        discussion: """
        Reads the store (--db) once, then folds in the records another process (kefu ingest, \
        kefu import) commits, within a second of their commit. Figures are today's, in the \
        shop's time zone, as of now.

        Keys: Tab or 1–5 switch screens, Enter opens an agent (w: what-if panel), Esc goes back, \
        o the heatmap's staffing overlay, / filters, s/S \
        sort, r switches the attribution rule, t the theme, L 中文/English, ? help, q quits.

        Example:
          kefu ingest --follow feed.jsonl &
          kefu dash --theme light
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The shop's name for the header.")
    var shop: String = "kefu"

    @OptionGroup var display: DashboardOptions

    func run() throws {
        let settings = try store.settings()
        let db = try store.open()
        // Reading a large store takes seconds: say so before the screen is taken over.
        printError("kefu dash: reading \(db.path) (this month and last, with their buyers' history)…")
        let source = try StoreSource(store: db, config: settings)
        let builder = SnapshotBuilder(config: settings, shop: shop, historyFrom: source.historyFrom)
        let clock: @Sendable () -> Instant = { Int64(Date().timeIntervalSince1970 * 1000) }
        let feed = SnapshotFeed(rule: settings.defaultRule, interval: 0.5, clock: clock) { rule, force in
            let now = clock()
            guard let (book, fresh) = source.poll(now: now, force: force) else { return nil }
            return builder.build(book, fresh: fresh, now: now, rule: rule)
        }
        try display.run(feed: feed, rule: settings.defaultRule)
    }
}
