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
        messages = try RawStatement(db, "SELECT \(RecordReader.messages.columns) FROM messages WHERE buyer = ? ORDER BY seq")
        orders = try RawStatement(db, "SELECT \(RecordReader.orders.columns) FROM orders WHERE buyer = ? ORDER BY rowid")
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
        messages.bind(1, n)
        defer { messages.reset() }
        while try messages.step() { try body(RecordReader.messages.decode(messages, names)) }
        orders.bind(1, n)
        defer { orders.reset() }
        while try orders.step() {
            let id = orders.text(0)
            try body(RecordReader.orders.decode(orders, names))
            refunds.bind(1, id)
            defer { refunds.reset() }
            while try refunds.step() { try body(RecordReader.refunds.decode(refunds, names)) }
        }
    }
}
