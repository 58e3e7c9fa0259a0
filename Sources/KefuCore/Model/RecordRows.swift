/// A rating as stored: buyer and agent are integers of the book's tables.
struct RatingRow: Sendable {
    var ts: Instant
    var buyer: Int32
    var agent: Int32
    var score: Int32

    /// The natural key: ts + buyer + agent.
    struct Key: Hashable, Sendable { var ts: Instant; var buyer: Int32; var agent: Int32 }
    var key: Key { Key(ts: ts, buyer: buyer, agent: agent) }
}

/// A ticket as stored: its agent is an integer of the book's table.
struct TicketRow: Sendable {
    var openedAt: Instant
    /// `TicketRow.open` when not closed.
    var closedAt: Instant
    var agent: Int32
    var kind: TicketKind
    var status: TicketStatus

    static let open = Instant.min
    var closed: Instant? { closedAt == TicketRow.open ? nil : closedAt }
}
