import GRDB
import KefuCore

/// Reads stored rows back as records, streaming: each row becomes a record and is handed on
/// before the next is read, so no table is ever held whole in memory.
///
/// Each kind lists its rows in arrival order (for messages: the order they were written,
/// which orders same-instant ties).
enum RecordReader {
    typealias Stamped = (seq: Int64, record: KefuCore.Record)

    /// One record kind: its table, its columns and how a row decodes.
    struct Kind: Sendable {
        let table: String
        /// The change stamp column.
        let stamp: String
        /// The column that keeps arrival order.
        let arrival: String
        let columns: String
        let decode: @Sendable (RawStatement, IDNames) throws -> KefuCore.Record

        /// How many columns `columns` lists: the index of a column selected after them.
        var columnCount: Int32 { Int32(columns.split(separator: ",").count) }
    }

    static let agents = Kind(table: "agents", stamp: "seq", arrival: "seq", columns: "id, name, role, grp, grade, hired_on") { row, _ in
        .agent(Agent(id: row.text(0), name: row.optionalText(1), role: row.optionalText(2).flatMap(Role.init(rawValue:)),
                     group: row.optionalText(3), grade: row.optionalInt(4),
                     hiredOn: try row.optionalText(5).map { try date($0, table: "agents") }))
    }
    static let messages = Kind(table: "messages", stamp: "seq", arrival: "seq", columns: "ts, buyer, agent, sender, auto") { row, names in
        .message(Message(ts: row.int64(0), buyer: try names.buyer(row.int64(1)), agent: try names.agent(row.int64(2)),
                         sender: row.int64(3) == 1 ? .agent : .buyer, auto: row.int64(4) == 1))
    }
    static let orders = Kind(table: "orders", stamp: "change_seq", arrival: "rowid",
                             columns: "id, buyer, created_at, paid_at, amount, items") { row, names in
        .order(Order(id: row.text(0), buyer: try names.buyer(row.int64(1)), createdAt: row.int64(2), paidAt: row.optionalInt64(3),
                     amount: row.int64(4), items: row.int(5)))
    }
    static let refunds = Kind(table: "refunds", stamp: "seq", arrival: "seq", columns: "order_id, refunded_at, amount") { row, _ in
        .refund(Refund(orderID: row.text(0), refundedAt: row.int64(1), amount: row.int64(2)))
    }
    static let ratings = Kind(table: "ratings", stamp: "seq", arrival: "seq", columns: "ts, buyer, agent, score") { row, names in
        .rating(Rating(ts: row.int64(0), buyer: try names.buyer(row.int64(1)), agent: try names.agent(row.int64(2)), score: row.int(3)))
    }
    static let tickets = Kind(table: "tickets", stamp: "change_seq", arrival: "rowid",
                              columns: "id, agent, kind, opened_at, closed_at, status") { row, _ in
        let kind = row.text(2), status = row.text(5)
        guard let k = TicketKind(rawValue: kind), let s = TicketStatus(rawValue: status) else {
            throw StoreError.corruptRow(table: "tickets", reason: "unknown kind \(kind) or status \(status)")
        }
        return .ticket(Ticket(id: row.text(0), agent: row.text(1), kind: k, openedAt: row.int64(3), closedAt: row.optionalInt64(4), status: s))
    }
    static let qa = Kind(table: "qa", stamp: "seq", arrival: "seq", columns: "month, agent, points") { row, _ in
        let text = row.text(0)
        guard let month = Month(text) else { throw StoreError.corruptRow(table: "qa", reason: "bad month \(text)") }
        return .qa(QAPoints(month: month, agent: row.text(1), points: row.double(2)))
    }
    static let shifts = Kind(table: "shifts", stamp: "seq", arrival: "seq", columns: "agent, date, start, \"end\"") { row, _ in
        .shift(Shift(agent: row.text(0), date: try date(row.text(1), table: "shifts"), start: row.int(2), end: row.int(3)))
    }

    /// Every kind, in the order a book is loaded (agents first, orders before their refunds).
    static let kinds = [agents, messages, orders, refunds, ratings, tickets, qa, shifts]

    private static func date(_ text: String, table: String) throws -> LocalDate {
        guard let d = LocalDate(text) else { throw StoreError.corruptRow(table: table, reason: "bad date \(text)") }
        return d
    }

    /// Runs `SELECT <kind's columns> FROM <table> <rest>`, binding `bind`, and hands on each
    /// row's record.
    static func read(_ kind: Kind, _ db: Database, names: IDNames, _ rest: String, bind: (RawStatement) -> Void = { _ in },
                     _ body: (KefuCore.Record) throws -> Void) throws {
        let rows = try RawStatement(db, "SELECT \(kind.columns) FROM \(kind.table) \(rest)")
        bind(rows)
        while try rows.step() { try body(kind.decode(rows, names)) }
    }

    /// Records inserted or updated with a stamp in `(since, upTo]`, in stamp order.
    static func changed(_ db: Database, names: IDNames, since: Int64, upTo: Int64) throws -> [Stamped] {
        var out: [Stamped] = []
        for kind in kinds {
            // The stamp comes last, so the record's columns keep the indexes `decode` reads.
            let rows = try RawStatement(db, """
                SELECT \(kind.columns), \(kind.stamp) FROM \(kind.table)
                WHERE \(kind.stamp) > ? AND \(kind.stamp) <= ? ORDER BY \(kind.stamp)
                """)
            rows.bind(1, since)
            rows.bind(2, upTo)
            let stampColumn = kind.columnCount
            while try rows.step() { out.append((rows.int64(stampColumn), try kind.decode(rows, names))) }
        }
        out.sort { $0.seq < $1.seq }
        return out
    }
}
