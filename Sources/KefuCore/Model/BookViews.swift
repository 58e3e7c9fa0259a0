/// A book's orders by id, read like a dictionary: `book.orders["3200…"]`, `.keys`, `.values`,
/// `.count`. Each `Order` is built when read.
public struct OrdersView: Collection, Equatable, Sendable {
    let book: RecordBook

    public typealias Element = (key: String, value: Order)
    /// An order's integer in the book (only orders with a row are reached).
    public struct Index: Comparable, Sendable {
        let order: Int
        public static func < (a: Index, b: Index) -> Bool { a.order < b.order }
    }

    public var startIndex: Index { Index(order: firstRow(from: 0)) }
    public var endIndex: Index { Index(order: book.orderStore.rows.count) }
    public func index(after i: Index) -> Index { Index(order: firstRow(from: i.order + 1)) }
    public var count: Int { book.orderStore.orderCount }
    public var isEmpty: Bool { count == 0 }

    public subscript(position: Index) -> Element {
        let o = Int32(position.order)
        let order = book.order(o, book.orderStore.rows[position.order])
        return (order.id, order)
    }

    /// The order with this id, if one is stored.
    public subscript(id: String) -> Order? {
        guard let o = book.orderStore.ids.find(id), book.orderStore.hasRow(o) else { return nil }
        return book.order(o, book.orderStore.rows[Int(o)])
    }

    public var keys: LazyMapCollection<OrdersView, String> { lazy.map(\.key) }
    public var values: LazyMapCollection<OrdersView, Order> { lazy.map(\.value) }

    private func firstRow(from o: Int) -> Int {
        var o = o
        let store = book.orderStore
        while o < store.rows.count, !store.hasRow(Int32(o)) { o += 1 }
        return o
    }

    /// The same orders (ids and fields), whatever the order they were stored in.
    public static func == (a: OrdersView, b: OrdersView) -> Bool {
        a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
    }
}

/// A book's refunds by order id, read like a dictionary of lists in input order; only orders
/// with at least one refund are keys.
public struct RefundsView: Collection, Equatable, Sendable {
    let book: RecordBook

    public typealias Element = (key: String, value: [Refund])
    /// An order's integer in the book (only orders with refunds are reached).
    public struct Index: Comparable, Sendable {
        let order: Int
        public static func < (a: Index, b: Index) -> Bool { a.order < b.order }
    }

    public var startIndex: Index { Index(order: firstWithRefunds(from: 0)) }
    public var endIndex: Index { Index(order: book.orderStore.rows.count) }
    public func index(after i: Index) -> Index { Index(order: firstWithRefunds(from: i.order + 1)) }
    public var count: Int { book.orderStore.ordersWithRefunds }
    public var isEmpty: Bool { count == 0 }

    public subscript(position: Index) -> Element {
        let o = Int32(position.order)
        let id = book.orderStore.ids[o]
        return (id, book.refunds(ofOrderID: o, id: id))
    }

    /// The refunds of the order with this id, if it has any.
    public subscript(orderID: String) -> [Refund]? {
        guard let o = book.orderStore.ids.find(orderID), book.orderStore.hasRefunds(o) else { return nil }
        return book.refunds(ofOrderID: o, id: orderID)
    }

    public var keys: LazyMapCollection<RefundsView, String> { lazy.map(\.key) }
    public var values: LazyMapCollection<RefundsView, [Refund]> { lazy.map(\.value) }

    private func firstWithRefunds(from o: Int) -> Int {
        var o = o
        let store = book.orderStore
        while o < store.rows.count, !store.hasRefunds(Int32(o)) { o += 1 }
        return o
    }

    public static func == (a: RefundsView, b: RefundsView) -> Bool {
        a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
    }
}

/// A book's ratings, in input order.
public struct RatingsView: RandomAccessCollection, Equatable, Sendable {
    let book: RecordBook
    public var startIndex: Int { 0 }
    public var endIndex: Int { book.ratingRows.count }
    public subscript(i: Int) -> Rating { book.rating(book.ratingRows[i]) }

    public static func == (a: RatingsView, b: RatingsView) -> Bool { a.elementsEqual(b) }
}

/// A book's tickets by id, read like a dictionary.
public struct TicketsView: Collection, Equatable, Sendable {
    let book: RecordBook

    public typealias Element = (key: String, value: Ticket)
    public var startIndex: Int { 0 }
    public var endIndex: Int { book.ticketRows.count }
    public func index(after i: Int) -> Int { i + 1 }

    public subscript(position: Int) -> Element {
        let t = book.ticket(Int32(position))
        return (t.id, t)
    }

    /// The ticket with this id, if one is stored.
    public subscript(id: String) -> Ticket? {
        book.ticketIDs.find(id).map { book.ticket($0) }
    }

    public var keys: LazyMapCollection<TicketsView, String> { lazy.map(\.key) }
    public var values: LazyMapCollection<TicketsView, Ticket> { lazy.map(\.value) }

    public static func == (a: TicketsView, b: TicketsView) -> Bool {
        a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
    }
}
