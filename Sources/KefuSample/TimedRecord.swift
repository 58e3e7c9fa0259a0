import KefuCore

/// A generated record with the instant it first happens and its generation sequence number,
/// which orders records at the same instant.
struct TimedRecord: Sendable {
    var time: Instant
    var seq: Int
    var record: Record

    static func inOrder(_ a: TimedRecord, _ b: TimedRecord) -> Bool {
        a.time != b.time ? a.time < b.time : a.seq < b.seq
    }
}
