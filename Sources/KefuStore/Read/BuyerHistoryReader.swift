import GRDB
import KefuCore

/// Reads buyers' whole stored histories (messages, orders and the orders' refunds, each in
/// arrival order) through the buyer indexes, one buyer at a time.
struct BuyerHistoryReader {
    private let names: IDNames
    private let messages: RawStatement
    private let orders: RawStatement
    private let refunds: RawStatement
    private let number: RawStatement

    init(_ db: Database, names: IDNames) throws {
        self.names = names
        // The arrival column comes last, so the record's columns keep the indexes `decode`
        // reads; a buyer's few rows are put in arrival order here, without SQLite's sorter.
        messages = try RawStatement(db, "SELECT \(RecordReader.messages.columns), seq FROM messages WHERE buyer = ?")
        orders = try RawStatement(db, "SELECT \(RecordReader.orders.columns), rowid FROM orders WHERE buyer = ?")
        refunds = try RawStatement(db, "SELECT \(RecordReader.refunds.columns) FROM refunds WHERE order_id = ? ORDER BY seq")
        number = try RawStatement(db, "SELECT n FROM buyer_ids WHERE id = ?")
    }

    /// The store's number for a buyer id, nil when no record names it.
    func number(of buyer: String) throws -> Int64? {
        number.bind(1, buyer)
        return try number.firstInt64()
    }

    /// Hands on every message, order and refund of buyer `n`.
    func read(buyer n: Int64, _ body: (KefuCore.Record) throws -> Void) throws {
        for message in try rows(messages, RecordReader.messages, buyer: n) { try body(message) }
        for order in try rows(orders, RecordReader.orders, buyer: n) {
            try body(order)
            guard case .order(let o) = order else { continue }
            refunds.bind(1, o.id)
            defer { refunds.reset() }
            while try refunds.step() { try body(RecordReader.refunds.decode(refunds, names)) }
        }
    }

    /// A buyer's rows of one kind (the statement selects the kind's columns, then its arrival
    /// column), decoded, in arrival order.
    private func rows(_ statement: RawStatement, _ kind: RecordReader.Kind, buyer n: Int64) throws -> [KefuCore.Record] {
        let arrival = kind.columnCount
        statement.bind(1, n)
        defer { statement.reset() }
        var rows: [(arrival: Int64, record: KefuCore.Record)] = []
        while try statement.step() { rows.append((statement.int64(arrival), try kind.decode(statement, names))) }
        return rows.sorted { $0.arrival < $1.arrival }.map(\.record)
    }
}
