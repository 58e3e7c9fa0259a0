import KefuCore

/// The fields of one row or JSON line, by column. nil: the column or key is absent.
protocol FieldSource {
    func raw(_ column: Column) -> String?
    /// Calls `body` with a field's bytes as written, when the source has them (a CSV field
    /// without doubled quotes; empty when absent); nil otherwise.
    func withRawBytes<R>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R?
}

extension FieldSource {
    func withRawBytes<R>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? { nil }
}

/// Builds a `Record` of a given kind from its fields, under the value rules of SPEC §2.
enum RecordDecoder {
    static func decode<F: FieldSource>(_ kind: RecordKind, _ fields: F, zone: ShopTimeZone) throws(RowError) -> Record {
        let row = Row(fields: fields, zone: zone)
        switch kind {
        case .agent:
            return .agent(Agent(id: try row.required(.agentID), name: row.optional(.name), role: try ValueParsers.role(row.required(.role)),
                                group: row.optional(.group), grade: try row.optional(.grade).map { v throws(RowError) in try ValueParsers.positiveInt(v, column: .grade) },
                                hiredOn: try row.optional(.hiredOn).map { v throws(RowError) in try ValueParsers.date(v, column: .hiredOn) }))
        case .message:
            let ts = try row.instant(.ts)
            let buyer = try row.required(.buyerID)
            let agent = try row.required(.agentID)
            let sender = try ValueParsers.sender(row.required(.sender))
            let auto = sender == .agent ? try ValueParsers.auto(row.optional(.auto)) : false
            return .message(Message(ts: ts, buyer: buyer, agent: agent, sender: sender, auto: auto))
        case .order:
            let id = try row.required(.orderID)
            let buyer = try row.required(.buyerID)
            let created = try row.instant(.createdAt)
            let paid = try row.optionalInstant(.paidAt)
            let amount = try row.fen(.amount)
            let items = try ValueParsers.positiveInt(row.required(.items), column: .items)
            return .order(Order(id: id, buyer: buyer, createdAt: created, paidAt: paid, amount: amount, items: items))
        case .refund:
            let id = try row.required(.orderID)
            let at = try row.instant(.refundedAt)
            let amount = try row.fen(.amount)
            return .refund(Refund(orderID: id, refundedAt: at, amount: amount))
        case .rating:
            let ts = try row.instant(.ts)
            let buyer = try row.required(.buyerID)
            let agent = try row.required(.agentID)
            let score = try ValueParsers.score(row.required(.score))
            return .rating(Rating(ts: ts, buyer: buyer, agent: agent, score: score))
        case .ticket:
            let id = try row.required(.ticketID)
            let agent = try row.required(.agentID)
            let kind = try ValueParsers.ticketKind(row.required(.kind))
            let opened = try row.instant(.openedAt)
            let closed = try row.optionalInstant(.closedAt)
            let status = try ValueParsers.ticketStatus(row.required(.status))
            if let closed, closed < opened { throw RowError("closed_at is before opened_at") }
            return .ticket(Ticket(id: id, agent: agent, kind: kind, openedAt: opened, closedAt: closed, status: status))
        case .qa:
            let month = try ValueParsers.month(row.required(.month))
            let agent = try row.required(.agentID)
            let points = try ValueParsers.points(row.required(.points))
            return .qa(QAPoints(month: month, agent: agent, points: points))
        case .shift:
            let agent = try row.required(.agentID)
            let date = try ValueParsers.date(row.required(.date), column: .date)
            let start = try ValueParsers.clock(row.required(.start), column: .start)
            let end = try ValueParsers.clock(row.required(.end), column: .end)
            return .shift(Shift(agent: agent, date: date, start: start, end: end))
        }
    }

    /// Trimmed access to a row's fields.
    private struct Row<F: FieldSource> {
        let fields: F
        let zone: ShopTimeZone

        func optional(_ c: Column) -> String? {
            guard let raw = fields.raw(c) else { return nil }
            let v = trim(raw)
            return v.isEmpty ? nil : v
        }

        func required(_ c: Column) throws(RowError) -> String {
            guard let v = optional(c) else { throw RowError("missing value for \(c.rawValue)") }
            return v
        }

        // Instants and amounts are read from the field's bytes when they parse as written;
        // otherwise from the trimmed text, which gives the same value or the error to report.

        func instant(_ c: Column) throws(RowError) -> Instant {
            if let t = fields.withRawBytes(c, { Timestamp.parse(bytes: $0, zone: zone) }) ?? nil { return t }
            return try ValueParsers.instant(required(c), column: c, zone: zone)
        }

        func optionalInstant(_ c: Column) throws(RowError) -> Instant? {
            if let t = fields.withRawBytes(c, { Timestamp.parse(bytes: $0, zone: zone) }) ?? nil { return t }
            guard let v = optional(c) else { return nil }
            return try ValueParsers.instant(v, column: c, zone: zone)
        }

        func fen(_ c: Column) throws(RowError) -> Fen {
            if let f = fields.withRawBytes(c, { Yuan.fen(bytes: $0) }) ?? nil { return f }
            return try ValueParsers.fen(required(c), column: c)
        }
    }
}

/// The string without leading and trailing spaces, tabs and line breaks.
func trim(_ s: String) -> String {
    // Fast path: nothing to trim when neither end can start or end a blank.
    if let f = s.utf8.first, let l = s.utf8.last,
       f != 0x20, f != 0x09, f != 0x0D, f != 0x0A, f != 0xE3, l != 0x20, l != 0x09, l != 0x0D, l != 0x0A, l != 0x80 {
        return s
    }
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{3000}" }
    guard let first = s.firstIndex(where: { !isBlank($0) }) else { return "" }
    let last = s.lastIndex(where: { !isBlank($0) })!
    if first == s.startIndex, last == s.index(before: s.endIndex) { return s }
    return String(s[first...last])
}
