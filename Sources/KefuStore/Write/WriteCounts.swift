import KefuCore

/// What one write did, record by record, under the natural-key rules of SPEC §2.
public struct WriteCounts: Sendable, Equatable {
    /// Records stored for the first time.
    public var stored = 0
    /// Stored orders or tickets that a later record changed.
    public var updated = 0
    /// Records already stored (or changing nothing), skipped.
    public var duplicates = 0
    /// Records refused as invalid, in the order they were added.
    public var rejected: [Rejection] = []
    /// False when the write was rolled back because a record was invalid and the policy was
    /// `.rejectAll`: then nothing of it is stored, and `stored`, `updated` and `duplicates` are 0.
    public var committed = true

    public init(stored: Int = 0, updated: Int = 0, duplicates: Int = 0, rejected: [Rejection] = [], committed: Bool = true) {
        self.stored = stored; self.updated = updated; self.duplicates = duplicates
        self.rejected = rejected; self.committed = committed
    }

    public static func += (a: inout WriteCounts, b: WriteCounts) {
        a.stored += b.stored; a.updated += b.updated; a.duplicates += b.duplicates
        a.rejected += b.rejected; a.committed = a.committed && b.committed
    }
}

/// A record the store refused, with why.
public struct Rejection: Sendable, Equatable {
    /// Where the record came from: the line given with it to `RecordSink.add` (`Store.write`
    /// gives each record's index in its array).
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) { self.line = line; self.reason = reason }
}

/// What a write does when a record is invalid (a refund above its order's amount).
public enum InvalidRecordPolicy: Sendable {
    /// Roll the whole write back: a file is imported whole or not at all.
    case rejectAll
    /// Store the valid records and report the invalid ones (`--skip-bad-rows`, the live feed).
    case skip
}
