import Foundation
import GRDB
import KefuCore

extension Store {
    /// Deletes records older than `cutoff`: messages and ratings by `ts`, orders by
    /// `created_at` together with their refunds (and refunds of unknown orders by
    /// `refunded_at`), tickets by `opened_at`, shifts by their shop-local date and QA points by
    /// month (a month is kept while any of its days is kept). Buyer and agent numbers are kept
    /// (they are never reused).
    ///
    /// A shop-local day at a time, from the oldest record's day on (days without records are
    /// skipped), each in a transaction of its own with a pause after it, so a writer beside it
    /// (`kefu ingest --follow`) waits for one day's deletion at most, even when a first prune
    /// drops months of history. Stopped half-way, the store is pruned up to a day: running it
    /// again finishes.
    public func prune(before cutoff: Instant, zone: ShopTimeZone) throws -> PruneCounts {
        var counts = PruneCounts()
        var end = Instant.min
        while true {
            let more = try whileNotBusy { try pool.write { db -> Bool in
                guard let first = try Store.oldestPrunable(db) else { return false }
                // Never back to a day done (an ingest beside it may add an old record meanwhile).
                let next = zone.startOfDay(zone.day(of: max(first, end)).adding(days: 1))
                guard next < cutoff else { return false }
                end = next
                try Store.deleteRecords(before: end, db, into: &counts)
                return true
            } }
            if !more { break }
            // SQLite's busy handler retries a waiting writer at most every 100 ms: a longer
            // pause lets it in before the next day is taken.
            Thread.sleep(forTimeInterval: Store.pruneYield)
        }
        let day = zone.day(of: cutoff)
        try whileNotBusy { try pool.write { db in
            try Store.deleteRecords(before: cutoff, db, into: &counts)
            counts.shifts = try Store.delete("DELETE FROM shifts WHERE date < ?", [day.description], db)
            counts.qa = try Store.delete("DELETE FROM qa WHERE month < ?", [day.month.description], db)
        } }
        return counts
    }

    /// The pause between two days of a prune.
    static let pruneYield: TimeInterval = 0.12

    /// Deletes the timestamped records before `end`, adding what it deleted to `counts`.
    private static func deleteRecords(before end: Instant, _ db: Database, into counts: inout PruneCounts) throws {
        // Through the (agent, ts) index: one range per agent.
        counts.messages += try delete("DELETE FROM messages WHERE agent IN (SELECT n FROM agent_ids) AND ts < ?", [end], db)
        counts.ratings += try delete("DELETE FROM ratings WHERE ts < ?", [end], db)
        counts.refunds += try delete("""
            DELETE FROM refunds WHERE order_id IN (SELECT id FROM orders WHERE created_at < ?)
               OR (refunded_at < ? AND order_id NOT IN (SELECT id FROM orders))
            """, [end, end], db)
        counts.orders += try delete("DELETE FROM orders WHERE created_at < ?", [end], db)
        counts.tickets += try delete("DELETE FROM tickets WHERE opened_at < ?", [end], db)
    }

    private static func delete(_ sql: String, _ args: StatementArguments, _ db: Database) throws -> Int {
        try db.execute(sql: sql, arguments: args)
        return db.changesCount
    }

    /// The earliest instant a record is pruned by (nil: none), each found through its time
    /// index: so each day of a prune deletes something, and days without records are skipped.
    /// (Refunds of orders never stored go with the day that reaches them, or the last.)
    private static func oldestPrunable(_ db: Database) throws -> Instant? {
        try earliest(of: ["SELECT MIN(ts) FROM ratings", "SELECT MIN(created_at) FROM orders", "SELECT MIN(opened_at) FROM tickets"], db)
    }
}
