/// The records of a shop, each stored once per natural key (SPEC §2), grouped the way the
/// scoring engine reads them: messages and orders by buyer, refunds by order.
///
/// Adding the same record twice changes nothing; a later order updates the stored one (but
/// never clears `paidAt`); a later ticket updates status and `closedAt`; otherwise the first
/// record of a key wins. The store keeps the same rules in SQL; this is the in-memory form
/// used by `--data`, by tests and by the live path.
public struct RecordBook: Sendable {
    public private(set) var agents: [String: Agent] = [:]
    /// Agent ids in the order `agents.csv` listed them.
    public private(set) var agentOrder: [String] = []
    public private(set) var orders: [String: Order] = [:]
    public private(set) var ratings: [Rating] = []
    public private(set) var tickets: [String: Ticket] = [:]
    public private(set) var ticketOrder: [String] = []
    public private(set) var qa: [QAKey: QAPoints] = [:]
    public private(set) var shifts: [ShiftKey: Shift] = [:]

    /// Agent ids named by messages, ratings and tickets, interned.
    private(set) var agentIDs = IDTable()
    /// Buyer ids of messages and orders, interned.
    private(set) var buyerIDs = IDTable()
    /// Messages by buyer integer, each list in input order.
    private var messagesOf: [[PackedMessage]] = []
    /// Order ids by buyer integer.
    private var orderIDsOf: [[String]] = []
    /// Natural keys of the messages of buyers with many, where a scan of the list would be slow.
    private var bigBuyerKeys: [Int32: Set<PackedMessage.Key>] = [:]
    /// Refunds by order id, each list in input order.
    public private(set) var refundsByOrder: [String: [Refund]] = [:]
    private var ratingKeys: Set<RatingKey> = []
    private var nextSeq: UInt32 = 0

    /// A buyer's list is scanned for duplicates up to this length; longer lists keep a set.
    private static let scanLimit = 64

    public init() {}

    /// What adding a record did.
    public enum Outcome: Sendable, Equatable {
        case stored
        case updated
        case duplicate
    }

    /// Distinct messages stored.
    public private(set) var messageCount = 0

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
        let agent = agentIDs.intern(m.agent)
        let buyer = internBuyer(m.buyer)
        let packed = PackedMessage(ts: m.ts, seq: nextSeq, agent: agent, sender: m.sender, auto: m.auto)
        let b = Int(buyer)
        if messagesOf[b].count < RecordBook.scanLimit {
            if messagesOf[b].contains(where: { $0.sameKey(packed) }) { return .duplicate }
        } else {
            if bigBuyerKeys[buyer] == nil { bigBuyerKeys[buyer] = Set(messagesOf[b].map(\.key)) }
            guard bigBuyerKeys[buyer]!.insert(packed.key).inserted else { return .duplicate }
        }
        messagesOf[b].append(packed)
        nextSeq += 1
        messageCount += 1
        return .stored
    }

    private mutating func internBuyer(_ s: String) -> Int32 {
        let i = buyerIDs.intern(s)
        if Int(i) == messagesOf.count {
            messagesOf.append([])
            orderIDsOf.append([])
        }
        return i
    }

    @discardableResult
    public mutating func add(_ o: Order) -> Outcome {
        if let old = orders[o.id] {
            var merged = o
            if merged.paidAt == nil { merged.paidAt = old.paidAt }
            if merged == old { return .duplicate }
            if merged.buyer != old.buyer {
                if let b = buyerIDs.find(old.buyer) { orderIDsOf[Int(b)].removeAll { $0 == o.id } }
                let nb = internBuyer(merged.buyer)
                merged.buyer = buyerIDs[nb]
                orderIDsOf[Int(nb)].append(o.id)
            } else {
                merged.buyer = old.buyer
            }
            orders[o.id] = merged
            return .updated
        }
        var stored = o
        let b = internBuyer(o.buyer)
        stored.buyer = buyerIDs[b]
        orders[o.id] = stored
        orderIDsOf[Int(b)].append(o.id)
        return .stored
    }

    @discardableResult
    public mutating func add(_ r: Refund) -> Outcome {
        if let list = refundsByOrder[r.orderID], list.contains(where: { $0.refundedAt == r.refundedAt }) { return .duplicate }
        refundsByOrder[r.orderID, default: []].append(r)
        return .stored
    }

    @discardableResult
    public mutating func add(_ r: Rating) -> Outcome {
        var stored = r
        let agent = agentIDs.intern(r.agent)
        stored.agent = agentIDs[agent]
        guard ratingKeys.insert(RatingKey(ts: r.ts, buyer: r.buyer, agent: stored.agent)).inserted else { return .duplicate }
        ratings.append(stored)
        return .stored
    }

    @discardableResult
    public mutating func add(_ t: Ticket) -> Outcome {
        let n = agentIDs.intern(t.agent)
        let agent = agentIDs[n]
        if var old = tickets[t.id] {
            if old.status == t.status && old.closedAt == t.closedAt { return .duplicate }
            old.status = t.status
            old.closedAt = t.closedAt
            tickets[t.id] = old
            return .updated
        }
        var stored = t
        stored.agent = agent
        tickets[t.id] = stored
        ticketOrder.append(t.id)
        return .stored
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
        guard let order = orders[r.orderID] else { return nil }
        let stored = refunds(ofOrder: r.orderID)
        if stored.contains(where: { $0.refundedAt == r.refundedAt }) { return nil }
        return (stored.reduce(0) { $0 + $1.amount } + r.amount, order.amount)
    }

    // MARK: reading

    /// Agent ids that messages, ratings and tickets name, whether or not `agents.csv` lists them.
    public var namedAgents: Set<String> { Set(agentIDs.names) }

    /// Every buyer with messages or orders, each once, in no particular order.
    public var buyers: [String] {
        buyerIDs.names.indices.filter { !messagesOf[$0].isEmpty || !orderIDsOf[$0].isEmpty }.map { buyerIDs.names[$0] }
    }

    /// Buyers with at least one message, each once, in no particular order.
    public var messagingBuyers: [String] {
        buyerIDs.names.indices.filter { !messagesOf[$0].isEmpty }.map { buyerIDs.names[$0] }
    }

    /// A buyer's messages, in input order.
    public func messages(ofBuyer buyer: String) -> [SequencedMessage] {
        guard let b = buyerIDs.find(buyer) else { return [] }
        let name = buyerIDs[b]
        return messagesOf[Int(b)].map { unpack($0, buyer: name) }
    }

    /// A buyer's orders, in the order first stored.
    public func orders(ofBuyer buyer: String) -> [Order] {
        guard let b = buyerIDs.find(buyer) else { return [] }
        return orders(ofBuyerID: b)
    }

    func orders(ofBuyerID b: Int32) -> [Order] { orderIDsOf[Int(b)].map { orders[$0]! } }

    /// Buyer `b`'s messages, packed, in input order: the engine's way in to them.
    func packedMessages(ofBuyerID b: Int32) -> ArraySlice<PackedMessage> { messagesOf[Int(b)][...] }

    /// An order's refunds, in input order.
    public func refunds(ofOrder orderID: String) -> [Refund] { refundsByOrder[orderID] ?? [] }

    /// Calls `body` with every message: each buyer's in input order, buyers in no particular order.
    public func forEachMessage(_ body: (Message) -> Void) {
        for b in messagesOf.indices {
            let name = buyerIDs.names[b]
            for m in messagesOf[b] { body(unpack(m, buyer: name).message) }
        }
    }

    /// Calls `body` with every refund.
    public func forEachRefund(_ body: (Refund) -> Void) {
        for list in refundsByOrder.values { for r in list { body(r) } }
    }

    /// Calls `body` with each buyer that has orders and the ids of its orders.
    public func forEachBuyerWithOrders(_ body: (String, [String]) -> Void) {
        for b in orderIDsOf.indices where !orderIDsOf[b].isEmpty { body(buyerIDs.names[b], orderIDsOf[b]) }
    }

    /// All messages, in input order.
    public var allMessages: [Message] {
        var all: [(seq: UInt32, message: Message)] = []
        all.reserveCapacity(messageCount)
        for b in messagesOf.indices {
            let name = buyerIDs.names[b]
            for m in messagesOf[b] { all.append((m.seq, unpack(m, buyer: name).message)) }
        }
        return all.sorted { $0.seq < $1.seq }.map(\.message)
    }

    private func unpack(_ m: PackedMessage, buyer: String) -> SequencedMessage {
        SequencedMessage(message: Message(ts: m.ts, buyer: buyer, agent: agentIDs[m.agent], sender: m.sender, auto: m.isAuto),
                         seq: Int(m.seq))
    }

    /// The number of interned buyers (the range of buyer integers).
    var buyerIDCount: Int { buyerIDs.count }
}

/// A message with its input position, which orders messages at the same instant.
public struct SequencedMessage: Sendable, Equatable {
    public var message: Message
    public var seq: Int
}

public struct RatingKey: Hashable, Sendable { var ts: Instant; var buyer: String; var agent: String }
public struct QAKey: Hashable, Sendable {
    public var month: Month
    public var agent: String
    public init(month: Month, agent: String) { self.month = month; self.agent = agent }
}
public struct ShiftKey: Hashable, Sendable { public var agent: String; public var date: LocalDate; public var start: Int }
