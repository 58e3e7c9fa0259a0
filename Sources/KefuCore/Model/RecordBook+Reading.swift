/// Reading the book: records by key and by buyer, whole-book walks, and records built back
/// from their packed rows.
extension RecordBook {
    /// Orders by id.
    public var orders: OrdersView { OrdersView(book: self) }

    /// Refunds by order id, each list in input order (orders with at least one refund).
    public var refundsByOrder: RefundsView { RefundsView(book: self) }

    /// Ratings, in input order.
    public var ratings: RatingsView { RatingsView(book: self) }

    /// Tickets by id.
    public var tickets: TicketsView { TicketsView(book: self) }

    /// Ticket ids in the order first stored.
    public var ticketOrder: [String] { ticketIDs.names }

    /// Agent ids that messages, ratings and tickets name, whether or not `agents.csv` lists them.
    public var namedAgents: Set<String> { Set(agentIDs.names) }

    /// Every buyer with messages or orders, each once, in no particular order.
    public var buyers: [String] {
        (0..<Int32(buyerIDCount)).filter { !messageStore.messages(of: $0).isEmpty || orderStore.hasOrders($0) }.map { buyerIDs[$0] }
    }

    /// Buyers with at least one message, each once, in no particular order.
    public var messagingBuyers: [String] {
        (0..<Int32(buyerIDCount)).filter { !messageStore.messages(of: $0).isEmpty }.map { buyerIDs[$0] }
    }

    /// A buyer's messages, in input order.
    public func messages(ofBuyer buyer: String) -> [SequencedMessage] {
        guard let b = buyerIDs.find(buyer) else { return [] }
        return messageStore.messages(of: b).map { unpack($0, buyer: buyer) }
    }

    /// A buyer's orders, in the order first stored.
    public func orders(ofBuyer buyer: String) -> [Order] {
        guard let b = buyerIDs.find(buyer) else { return [] }
        return orders(ofBuyerID: b, name: buyer)
    }

    /// Buyer `b`'s orders, in the order first stored.
    func orders(ofBuyerID b: Int32, name: String? = nil) -> [Order] {
        let buyer = name ?? buyerIDs[b]
        var out: [Order] = []
        orderStore.forEachOrder(ofBuyer: b) { o, row in out.append(order(o, row, buyer: buyer)) }
        return out.reversed()
    }

    /// Buyer `b`'s messages, packed, in input order (`seq`: their position): the engine's way in to them.
    func packedMessages(ofBuyerID b: Int32) -> BuyerMessages { messageStore.messages(of: b) }

    /// An order's refunds, in input order.
    public func refunds(ofOrder orderID: String) -> [Refund] {
        guard let o = orderStore.ids.find(orderID) else { return [] }
        return refunds(ofOrderID: o, id: orderID)
    }

    /// Calls `body` with every message: each buyer's in input order, buyers in no particular order.
    public func forEachMessage(_ body: (Message) -> Void) {
        for b in 0..<Int32(buyerIDCount) {
            let messages = messageStore.messages(of: b)
            guard !messages.isEmpty else { continue }
            let name = buyerIDs[b]
            for m in messages { body(unpack(m, buyer: name).message) }
        }
    }

    /// Calls `body` with every refund.
    public func forEachRefund(_ body: (Refund) -> Void) {
        for r in orderStore.refunds { body(Refund(orderID: orderStore.ids[r.order], refundedAt: r.refundedAt, amount: r.amount)) }
    }

    /// The book's integers of the buyers with at least one order, in ascending order.
    var buyersWithOrders: some Sequence<Int32> { (0..<Int32(buyerIDCount)).lazy.filter { orderStore.hasOrders($0) } }

    /// All messages, in time order; at the same instant by buyer id (UTF-8 bytes), then in
    /// input order. (The book keeps input order per buyer, which is all the figures need.)
    public var allMessages: [Message] {
        var all: [(ts: Instant, buyer: Int32, seq: UInt32)] = []
        all.reserveCapacity(messageCount)
        for b in 0..<Int32(buyerIDCount) {
            for m in messageStore.messages(of: b) { all.append((m.ts, b, m.seq)) }
        }
        all.sort { x, y in
            if x.ts != y.ts { return x.ts < y.ts }
            if x.buyer != y.buyer { return buyerIDs.less(x.buyer, y.buyer) }
            return x.seq < y.seq
        }
        var names: [Int32: String] = [:]
        return all.map { e in
            let name = names[e.buyer] ?? buyerIDs[e.buyer]
            names[e.buyer] = name
            return unpack(messageStore.messages(of: e.buyer)[Int(e.seq)], buyer: name).message
        }
    }

    /// The number of interned buyers (the range of buyer integers).
    var buyerIDCount: Int { buyerIDs.count }

    // MARK: building records back

    private func unpack(_ m: PackedMessage, buyer: String) -> SequencedMessage {
        SequencedMessage(message: Message(ts: m.ts, buyer: buyer, agent: agentIDs[m.agent], sender: m.sender, auto: m.isAuto),
                         seq: Int(m.seq))
    }

    func order(_ o: Int32, _ row: OrderRow, buyer: String? = nil) -> Order {
        Order(id: orderStore.ids[o], buyer: buyer ?? buyerIDs[row.buyer], createdAt: row.createdAt, paidAt: row.paid,
              amount: row.amount, items: orderStore.items(o))
    }

    func refunds(ofOrderID o: Int32, id: String) -> [Refund] {
        var out: [Refund] = []
        orderStore.forEachRefund(ofOrder: o) { out.append(Refund(orderID: id, refundedAt: $0.refundedAt, amount: $0.amount)) }
        return out.reversed()
    }

    func rating(_ row: RatingRow) -> Rating {
        Rating(ts: row.ts, buyer: buyerIDs[row.buyer], agent: agentIDs[row.agent], score: Int(row.score))
    }

    func ticket(_ n: Int32) -> Ticket {
        let row = ticketRows[Int(n)]
        return Ticket(id: ticketIDs[n], agent: agentIDs[row.agent], kind: row.kind, openedAt: row.openedAt,
                      closedAt: row.closed, status: row.status)
    }
}
