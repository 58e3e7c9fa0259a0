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

    /// Makes room for `count` more messages of a buyer, which a bulk load then adds together
    /// (`addMessage`): its segment is laid out once at that size.
    public mutating func makeRoom(forMessages count: Int, ofBuyer buyer: IDHandle) { messageStore.makeRoom(buyer: buyer.n, for: count) }

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

    /// Makes room for `buyers` more buyers, whose ids take `idBytes` bytes in all, `messages`
    /// more messages and `orders` more orders: a bulk load that knows its size up front then
    /// grows no table on the way (no rehash, no array copied at twice its size).
    public mutating func reserve(buyers: Int, idBytes: Int, messages: Int, orders: Int) {
        buyerIDs.reserveCapacity(buyers, bytes: idBytes)
        messageStore.reserveBuyers(buyers)
        messageStore.reserveMessages(messages)
        orderStore.reserveBuyers(buyers)
        orderStore.reserve(orders)
    }

    /// Makes room for the messages counted by `expectMessage` (see there).
    public mutating func reserveExpectedMessages() { messageStore.reserveExpected() }

    /// After a bulk load: gives back room reserved for messages that did not come (duplicates,
    /// bad rows) when it adds up.
    public mutating func releaseUnusedMessageRoom() { messageStore.releaseUnusedRoom() }
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
