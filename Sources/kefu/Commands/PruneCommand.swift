import ArgumentParser
import Foundation
import KefuCore
import KefuStore

/// `kefu prune`: deletes records older than the retention.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete stored records older than the retention (default 400 days).",
        discussion: """
        Deletes, before the shop-local start of the day --retention-days ago: messages and \
        ratings by time, orders by creation time (with their refunds), tickets by opening \
        time, shifts by date, and QA points of months that ended before it. 400 days keep a \
        year of history for backtests and pay disputes. It works a day at a time, oldest \
        first, pausing between days, so a running `kefu ingest --follow` keeps writing; \
        stopped half-way, running it again finishes.

        Example:
          kefu prune --db shop.sqlite --retention-days 400
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("retention-days"), help: "Keep this many days of records, counting today.")
    var retentionDays = 400

    func validate() throws {
        guard retentionDays >= 1 else { throw ValidationError("--retention-days must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let zone = try store.shopZone()
            let db = try store.open()
            let now = Instant(Date().timeIntervalSince1970 * 1000)
            let firstKept = zone.day(of: now).adding(days: -(retentionDays - 1))
            let c = try db.prune(before: zone.startOfDay(firstKept), zone: zone)
            try db.close()
            print("kept \(firstKept) on (\(retentionDays) days); deleted \(c.total) records: \(c.messages) messages, "
                  + "\(c.orders) orders, \(c.refunds) refunds, \(c.ratings) ratings, \(c.tickets) tickets, "
                  + "\(c.shifts) shifts, \(c.qa) QA points")
        }
    }
}
