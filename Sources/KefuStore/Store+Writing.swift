import GRDB
import KefuCore

extension Store {
    /// Writes one file's records (or one batch of a feed) in one transaction: `body` adds them
    /// to the sink one at a time, as a parser reads them, under the natural-key rules of SPEC §2.
    ///
    /// The transaction commits when `body` returns, unless it called `sink.refuse()` (a bad row:
    /// a file is imported whole or not at all) or, with `.rejectAll`, the sink refused a refund
    /// above its order's amount; then it is rolled back, and the counts say so
    /// (`committed == false`, only `rejected` filled in). If `body` throws, the transaction is
    /// rolled back and the error rethrown. `feed`, when given, is saved in the same
    /// transaction, so the records and the position that produced them commit together.
    ///
    ///     let counts = try store.importFile(invalid: .rejectAll) { sink in
    ///         for item in parsed.records { try sink.add(item.record, line: item.line) }
    ///     }
    @discardableResult
    public func importFile(invalid policy: InvalidRecordPolicy = .rejectAll, feed: FeedPosition? = nil,
                           _ body: (RecordSink) throws -> Void) throws -> WriteCounts {
        var counts = WriteCounts()
        let memory = idMemory
        try whileNotBusy { try pool.writeWithoutTransaction { db in
            var committed = false
            defer { if committed { memory.committed() } else { memory.forgetUncommitted() } }
            try db.inTransaction(.immediate) {
                let sink = try RecordSink(db, ids: memory)
                try body(sink)
                if sink.isRefused || (policy == .rejectAll && !sink.counts.rejected.isEmpty) {
                    counts = WriteCounts(rejected: sink.counts.rejected, committed: false)
                    return .rollback
                }
                try sink.finish(db)
                if let feed { try Store.save(feed, db) }
                counts = sink.counts
                return .commit
            }
            committed = counts.committed
        } }
        return counts
    }

    /// Writes records in one transaction (see `importFile`); a rejection's `line` is the
    /// record's index in `records`.
    @discardableResult
    public func write(_ records: [KefuCore.Record], invalid policy: InvalidRecordPolicy = .skip,
                      feed: FeedPosition? = nil) throws -> WriteCounts {
        try importFile(invalid: policy, feed: feed) { sink in
            for (index, record) in records.enumerated() { try sink.add(record, line: index) }
        }
    }

    private static func save(_ p: FeedPosition, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO feed_position (feed, device, inode, offset, line) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (feed) DO UPDATE SET device = excluded.device, inode = excluded.inode,
                offset = excluded.offset, line = excluded.line
            """, arguments: [p.feed, Int64(bitPattern: p.device), Int64(bitPattern: p.inode), p.offset, p.line])
    }
}
