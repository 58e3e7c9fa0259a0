import GRDB
import KefuCore

/// Reads stored rows back as records, each with its change stamp.
///
/// Each query selects the stamp first, then the record's columns, and lists rows in arrival
/// order (for messages: the order they were written, which orders same-instant ties).
enum RecordReader {
    typealias Stamped = (seq: Int64, record: KefuCore.Record)

    /// One record kind: its table's query (without WHERE/ORDER) and how a row decodes.
    struct Kind: Sendable {
        let table: String
        /// The change stamp column.
        let stamp: String
        /// The column that keeps arrival order.
        let arrival: String
        let columns: String
        let decode: @Sendable (Row) throws -> KefuCore.Record
    }

    static let kinds: [Kind] = [
        Kind(table: "agents", stamp: "seq", arrival: "seq", columns: "id, name, role, grp, grade, hired_on") { row in
            let role: String? = row[2]
            let hired: String? = row[5]
            return .agent(Agent(id: row[0], name: row[1], role: role.flatMap(Role.init(rawValue:)), group: row[3],
                                grade: row[4], hiredOn: try hired.map { try date($0, table: "agents") }))
        },
        Kind(table: "messages", stamp: "seq", arrival: "seq", columns: "ts, buyer, agent, sender, auto") { row in
            let sender: Int = row[3]
            return .message(Message(ts: row[0], buyer: row[1], agent: row[2], sender: sender == 1 ? .agent : .buyer, auto: row[4]))
        },
        Kind(table: "orders", stamp: "change_seq", arrival: "rowid", columns: "id, buyer, created_at, paid_at, amount, items") { row in
            .order(Order(id: row[0], buyer: row[1], createdAt: row[2], paidAt: row[3], amount: row[4], items: row[5]))
        },
        Kind(table: "refunds", stamp: "seq", arrival: "seq", columns: "order_id, refunded_at, amount") { row in
            .refund(Refund(orderID: row[0], refundedAt: row[1], amount: row[2]))
        },
        Kind(table: "ratings", stamp: "seq", arrival: "seq", columns: "ts, buyer, agent, score") { row in
            .rating(Rating(ts: row[0], buyer: row[1], agent: row[2], score: row[3]))
        },
        Kind(table: "tickets", stamp: "change_seq", arrival: "rowid",
             columns: "id, agent, kind, opened_at, closed_at, status") { row in
            let kind: String = row[2]
            let status: String = row[5]
            guard let k = TicketKind(rawValue: kind), let s = TicketStatus(rawValue: status) else {
                throw StoreError.corruptRow(table: "tickets", reason: "unknown kind \(kind) or status \(status)")
            }
            return .ticket(Ticket(id: row[0], agent: row[1], kind: k, openedAt: row[3], closedAt: row[4], status: s))
        },
        Kind(table: "qa", stamp: "seq", arrival: "seq", columns: "month, agent, points") { row in
            let text: String = row[0]
            guard let month = Month(text) else { throw StoreError.corruptRow(table: "qa", reason: "bad month \(text)") }
            return .qa(QAPoints(month: month, agent: row[1], points: row[2]))
        },
        Kind(table: "shifts", stamp: "seq", arrival: "seq", columns: "agent, date, start, \"end\"") { row in
            .shift(Shift(agent: row[0], date: try date(row[1], table: "shifts"), start: row[2], end: row[3]))
        },
    ]

    private static func date(_ text: String, table: String) throws -> LocalDate {
        guard let d = LocalDate(text) else { throw StoreError.corruptRow(table: table, reason: "bad date \(text)") }
        return d
    }

    /// Every stored record, kind by kind, each kind in arrival order.
    static func all(_ db: Database, _ body: (KefuCore.Record) throws -> Void) throws {
        for kind in kinds {
            let rows = try Row.fetchCursor(db, sql: "SELECT \(kind.columns) FROM \(kind.table) ORDER BY \(kind.arrival)")
            while let row = try rows.next() { try body(kind.decode(row)) }
        }
    }

    /// Records inserted or updated with a stamp in `(since, upTo]`, in stamp order.
    static func changed(_ db: Database, since: Int64, upTo: Int64) throws -> [Stamped] {
        var out: [Stamped] = []
        for kind in kinds {
            // The stamp comes last, so the record's columns keep the indexes `decode` reads.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(kind.columns), \(kind.stamp) FROM \(kind.table)
                WHERE \(kind.stamp) > ? AND \(kind.stamp) <= ? ORDER BY \(kind.stamp)
                """, arguments: [since, upTo])
            while let row = try rows.next() {
                out.append((row[row.count - 1], try kind.decode(row)))
            }
        }
        out.sort { $0.seq < $1.seq }
        return out
    }
}
