import ArgumentParser
import KefuStore

/// `kefu ingest`: a live JSON Lines feed into the store.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store a JSON Lines feed (a file, followed, or standard input) as it arrives.",
        discussion: """
        One record a line, with a "type" key (message, order, refund, rating, ticket, agent, \
        qa, shift) and the English keys of SPEC §2. Records are committed in batches of \
        --batch-size, and at most 100 ms after they were read, so a reader (kefu report --db, \
        the dashboard) sees them within a fraction of a second. A bad line is logged to \
        standard error as FILE:LINE: reason and skipped.

        With --follow, the file is followed like tail -F: new lines are read as they are \
        appended, a partial last line waits for its newline, a truncated file is read again \
        from the start and a rotated one is finished before the new file is read. Each commit \
        saves the position reached, so after a crash (even kill -9) a restart resumes exactly \
        there. SIGINT or SIGTERM commit what was read and exit 0.

        Example:
          kefu ingest --follow /var/log/shop/feed.jsonl --db shop.sqlite
          shop-exporter | kefu ingest - --db shop.sqlite
        """)

    @Argument(help: ArgumentHelp("A JSON Lines file, or - for standard input.", valueName: "file"))
    var feed: String

    @Flag(help: "Keep reading the file as it grows (until SIGINT or SIGTERM).")
    var follow = false

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("batch-size"), help: "Commit once this many records are pending.")
    var batchSize = 1_000

    func validate() throws {
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let db = try store.open()
            let stop = StopFlag()
            let watcher = SignalWatcher(raising: stop)
            let options = IngestOptions(zone: try store.shopZone(), follow: follow, batchSize: batchSize)
            let ingester = FeedIngester(store: db, source: feed == "-" ? .standardInput : .file(feed),
                                        options: options, stop: stop, log: printError)
            let summary = try withExtendedLifetime(watcher) { try ingester.run() }
            try db.close()
            let c = summary.counts
            print("\(feed == "-" ? "stdin" : feed): \(summary.lines) lines: \(c.stored) stored, \(c.updated) updated, "
                  + "\(c.duplicates) skipped (already stored), \(summary.badLines + c.rejected.count) rejected")
        }
    }
}
