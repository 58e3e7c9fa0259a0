import GRDB
import KefuCore

extension Store {
    /// Deletes records older than `cutoff`: messages and ratings by `ts`, orders by
    /// `created_at` together with their refunds (and refunds of unknown orders by
    /// `refunded_at`), tickets by `opened_at`, shifts by their shop-local date and QA points by
    /// month (a month is kept while any of its days is kept). Buyer and agent numbers are kept
    /// (they are never reused).
    public func prune(before cutoff: Instant, zone: ShopTimeZone) throws -> PruneCounts {
        let day = zone.day(of: cutoff)
        var counts = PruneCounts()
        try pool.write { db in
            func delete(_ sql: String, _ args: StatementArguments) throws -> Int {
                try db.execute(sql: sql, arguments: args)
                return db.changesCount
            }
            // Through the (agent, ts) index: one range per agent.
            counts.messages = try delete("DELETE FROM messages WHERE agent IN (SELECT n FROM agent_ids) AND ts < ?", [cutoff])
            counts.ratings = try delete("DELETE FROM ratings WHERE ts < ?", [cutoff])
            counts.refunds = try delete("""
                DELETE FROM refunds WHERE order_id IN (SELECT id FROM orders WHERE created_at < ?)
                   OR (refunded_at < ? AND order_id NOT IN (SELECT id FROM orders))
                """, [cutoff, cutoff])
            counts.orders = try delete("DELETE FROM orders WHERE created_at < ?", [cutoff])
            counts.tickets = try delete("DELETE FROM tickets WHERE opened_at < ?", [cutoff])
            counts.shifts = try delete("DELETE FROM shifts WHERE date < ?", [day.description])
            counts.qa = try delete("DELETE FROM qa WHERE month < ?", [day.month.description])
        }
        return counts
    }
}
