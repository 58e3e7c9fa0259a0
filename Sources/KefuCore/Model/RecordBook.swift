/// The records of a shop, each stored once per natural key (SPEC §2), grouped the way the
/// scoring engine reads them: messages and orders by buyer, refunds by order.
///
/// Adding the same record twice changes nothing; a later order updates the stored one (but
/// never clears `paidAt`); a later ticket updates status and `closedAt`; otherwise the first
/// record of a key wins. The store keeps the same rules in SQL; this is the in-memory form
/// used by `--data`, by tests and by the live path.
///
/// The book is compact, so a large shop fits in memory: ids (agents, buyers, orders, tickets)
/// are interned into byte arenas (`IDTable`), a message is 12 bytes in one flat array grouped
/// by buyer (`MessageStore`), orders, refunds, ratings and tickets are rows of integers and
/// instants. `orders`, `refundsByOrder`, `tickets` and `ratings` are read-only views that
/// build each `Order`, `Refund`, `Ticket` or `Rating` when it is read.
public struct RecordBook: Sendable {
    public private(set) var agents: [String: Agent] = [:]
    /// Agent ids in the order `agents.csv` listed them.
    public private(set) var agentOrder: [String] = []
    public private(set) var qa: [QAKey: QAPoints] = [:]
    public private(set) var shifts: [ShiftKey: Shift] = [:]

    /// Agent ids named by messages, ratings and tickets, interned.
    private(set) var agentIDs = IDTable()
    /// Buyer ids of messages, orders and ratings, interned.
    private(set) var buyerIDs = IDTable()
    private(set) var messageStore = MessageStore()
    private(set) var orderStore = OrderStore()
    private(set) var ratingRows: [RatingRow] = []
    private var ratingKeys: Set<RatingRow.Key> = []
    private(set) var ticketIDs = IDTable()
    private(set) var ticketRows: [TicketRow] = []

    public init() {}

    /// What adding a record did.
    public enum Outcome: Sendable, Equatable {
        case stored
        case updated
        case duplicate
    }

    /// Distinct messages stored.
    public var messageCount: Int { messageStore.count }

    /// Adds a record under the natural-key rules of SPEC §2.
    @discardableResult
    public mutating func add(_ record: Record) -> Outcome {
        switch record {
        case .agent(let a): return add(a)
        case .message(let m): return add(m)
        case .order(let o): return add(o)
        case .refund(let r): return add(r)
        case .rating(let r): return add(r)
        case .ticket(let t): return add(t)
        case .qa(let q): return add(q)
        case .shift(let s): return add(s)
        }
    }

    @discardableResult
    public mutating func add(_ a: Agent) -> Outcome {
        if agents[a.id] != nil { return .duplicate }
        agents[a.id] = a
        agentOrder.append(a.id)
        return .stored
    }

    @discardableResult
    public mutating func add(_ m: Message) -> Outcome {
        addMessage(m).outcome
    }

    /// Adds a message; also returns its buyer's integer.
    mutating func addMessage(_ m: Message) -> (outcome: Outcome, buyer: Int32) {
        let bits = PackedMessage.bits(agent: agentIDs.intern(m.agent), sender: m.sender, auto: m.auto)
        let b = internBuyer(m.buyer)
        return (messageStore.add(ts: m.ts, bits: bits, buyer: b) ? .stored : .duplicate, b)
    }

    /// Adds a message given its ids' UTF-8 bytes, so a loader need not make strings of them.
    public mutating func addMessage(ts: Instant, buyerUTF8: UnsafeBufferPointer<UInt8>, agentUTF8: UnsafeBufferPointer<UInt8>,
                                    sender: Sender, auto: Bool) -> Outcome {
        let bits = PackedMessage.bits(agent: agentIDs.intern(agentUTF8), sender: sender, auto: auto)
        return messageStore.add(ts: ts, bits: bits, buyer: internBuyer(buyerUTF8)) ? .stored : .duplicate
    }

    /// A buyer or agent id interned in this book, for loaders that name the same ids over and
    /// over (a store's numbered rows): look each id up once, then add messages by handle.
    public struct IDHandle: Sendable, Equatable {
        fileprivate let n: Int32
    }

    /// The handle of a buyer id given as UTF-8 bytes, interning it.
    public mutating func buyerHandle(utf8: UnsafeBufferPointer<UInt8>) -> IDHandle { IDHandle(n: internBuyer(utf8)) }

    /// The handle of an agent id, interning it.
    public mutating func agentHandle(_ id: String) -> IDHandle { IDHandle(n: agentIDs.intern(id)) }

    /// Counts `count` messages a bulk load will add for a buyer (see `expectMessage`).
    public mutating func expectMessages(ofBuyer buyer: IDHandle, count: Int) { messageStore.expect(buyer: buyer.n, count: count) }

    /// Adds a message by its buyer's and agent's handles (natural-key rules as `add`).
    @discardableResult
    public mutating func addMessage(ts: Instant, buyer: IDHandle, agent: IDHandle, sender: Sender, auto: Bool) -> Outcome {
        let bits = PackedMessage.bits(agent: agent.n, sender: sender, auto: sender == .buyer ? false : auto)
        return messageStore.add(ts: ts, bits: bits, buyer: buyer.n) ? .stored : .duplicate
    }

    private mutating func internBuyer(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { internBuyer($0) }
    }

    private mutating func internBuyer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let b = buyerIDs.intern(bytes)
        if Int(b) == messageStore.buyerCount {
            messageStore.addBuyer()
            orderStore.addBuyer()
        }
        return b
    }

    @discardableResult
    public mutating func add(_ o: Order) -> Outcome {
        addOrder(o).outcome
    }

    /// Adds an order; also returns its buyer's integer and, when the order moved to another
    /// buyer, the one it had.
    mutating func addOrder(_ o: Order) -> (outcome: Outcome, buyer: Int32, previousBuyer: Int32?) {
        let id = orderStore.intern(o.id)
        let b = internBuyer(o.buyer)
        let (outcome, previous) = orderStore.put(id, createdAt: o.createdAt, paidAt: o.paidAt, amount: o.amount, items: o.items, buyer: b)
        return (outcome, b, previous)
    }

    @discardableResult
    public mutating func add(_ r: Refund) -> Outcome {
        addRefund(r).outcome
    }

    /// Adds a refund; also returns its order's buyer, when the order is stored.
    mutating func addRefund(_ r: Refund) -> (outcome: Outcome, buyer: Int32?) {
        let o = orderStore.intern(r.orderID)
        let outcome = orderStore.addRefund(order: o, refundedAt: r.refundedAt, amount: r.amount)
        return (outcome, orderStore.hasRow(o) ? orderStore.rows[Int(o)].buyer : nil)
    }

    @discardableResult
    public mutating func add(_ r: Rating) -> Outcome {
        addRating(r).outcome
    }

    /// Adds a rating; also returns it as stored.
    mutating func addRating(_ r: Rating) -> (outcome: Outcome, row: RatingRow) {
        let row = RatingRow(ts: r.ts, buyer: internBuyer(r.buyer), agent: agentIDs.intern(r.agent), score: Int32(r.score))
        guard ratingKeys.insert(row.key).inserted else { return (.duplicate, row) }
        ratingRows.append(row)
        return (.stored, row)
    }

    @discardableResult
    public mutating func add(_ t: Ticket) -> Outcome {
        addTicket(t).outcome
    }

    /// Adds a ticket; also returns it as stored before (when it was) and after.
    mutating func addTicket(_ t: Ticket) -> (outcome: Outcome, before: TicketRow?, after: TicketRow) {
        let agent = agentIDs.intern(t.agent)
        let n = ticketIDs.intern(t.id)
        guard Int(n) == ticketRows.count else {
            let old = ticketRows[Int(n)]
            var new = old
            new.status = t.status
            new.closedAt = t.closedAt ?? TicketRow.open
            if old.status == new.status && old.closedAt == new.closedAt { return (.duplicate, old, old) }
            ticketRows[Int(n)] = new
            return (.updated, old, new)
        }
        let row = TicketRow(openedAt: t.openedAt, closedAt: t.closedAt ?? TicketRow.open, agent: agent, kind: t.kind, status: t.status)
        ticketRows.append(row)
        return (.stored, nil, row)
    }

    @discardableResult
    public mutating func add(_ q: QAPoints) -> Outcome {
        let key = QAKey(month: q.month, agent: q.agent)
        if qa[key] != nil { return .duplicate }
        qa[key] = q
        return .stored
    }

    @discardableResult
    public mutating func add(_ s: Shift) -> Outcome {
        let key = ShiftKey(agent: s.agent, date: s.date, start: s.start)
        if shifts[key] != nil { return .duplicate }
        shifts[key] = s
        return .stored
    }

    /// Refunds stored for an order, plus `r`, exceed its amount (a bad refund row).
    /// False when the order is unknown: it may arrive later.
    public func refundWouldExceedOrder(_ r: Refund) -> Bool {
        guard let check = refundTotal(adding: r) else { return false }
        return check.total > check.amount
    }

    /// The total of an order's refunds once `r` is added, and the order's amount; nil when
    /// the order is unknown (it may arrive later) or `r` is already stored (adding it changes nothing).
    public func refundTotal(adding r: Refund) -> (total: Fen, amount: Fen)? {
        guard let o = orderStore.ids.find(r.orderID), orderStore.hasRow(o) else { return nil }
        var total = r.amount
        var repeated = false
        orderStore.forEachRefund(ofOrder: o) { stored in
            total += stored.amount
            if stored.refundedAt == r.refundedAt { repeated = true }
        }
        return repeated ? nil : (total, orderStore.rows[Int(o)].amount)
    }

    // MARK: bulk loading

    /// Counts a message that a bulk load will add for this buyer, in a first pass over the
    /// files (the buyer need not be known yet). `reserveExpectedMessages` then lays out each
    /// buyer's messages at once at their final size, so the load never moves them and the
    /// book holds them in the memory they need (12 bytes each); without it, a buyer's
    /// messages move as they grow and take up to twice that for a while.
    public mutating func expectMessage(buyerUTF8: UnsafeBufferPointer<UInt8>) {
        messageStore.expect(buyer: internBuyer(buyerUTF8))
    }

    /// Counts `count` messages that a bulk load will add for `buyer` (see `expectMessage`).
    public mutating func expectMessages(ofBuyer buyer: String, count: Int = 1) {
        messageStore.expect(buyer: internBuyer(buyer), count: count)
    }

    /// Makes room for the messages counted by `expectMessage` (see there).
    public mutating func reserveExpectedMessages() { messageStore.reserveExpected() }

    /// After a bulk load: gives back room reserved for messages that did not come (duplicates,
    /// bad rows) when it adds up.
    public mutating func releaseUnusedMessageRoom() { messageStore.releaseUnusedRoom() }

    // MARK: reading

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

    /// Calls `body` with each buyer that has orders and the ids of its orders.
    public func forEachBuyerWithOrders(_ body: (String, [String]) -> Void) {
        for b in 0..<Int32(buyerIDCount) where orderStore.hasOrders(b) {
            var ids: [String] = []
            orderStore.forEachOrder(ofBuyer: b) { o, _ in ids.append(orderStore.ids[o]) }
            body(buyerIDs[b], ids.reversed())
        }
    }

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

/// A message with its input position, which orders messages at the same instant.
public struct SequencedMessage: Sendable, Equatable {
    public var message: Message
    public var seq: Int
}

public struct QAKey: Hashable, Sendable {
    public var month: Month
    public var agent: String
    public init(month: Month, agent: String) { self.month = month; self.agent = agent }
}
public struct ShiftKey: Hashable, Sendable { public var agent: String; public var date: LocalDate; public var start: Int }
