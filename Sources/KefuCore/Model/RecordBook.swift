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
    /// Messages per buyer, in input order; `seq` breaks ties at the same instant.
    public private(set) var messagesByBuyer: [String: [SequencedMessage]] = [:]
    public private(set) var orders: [String: Order] = [:]
    public private(set) var orderIDsByBuyer: [String: [String]] = [:]
    public private(set) var refundsByOrder: [String: [Refund]] = [:]
    public private(set) var ratings: [Rating] = []
    public private(set) var tickets: [String: Ticket] = [:]
    public private(set) var ticketOrder: [String] = []
    public private(set) var qa: [QAKey: QAPoints] = [:]
    public private(set) var shifts: [ShiftKey: Shift] = [:]
    /// Agent ids that records name, whether or not `agents.csv` lists them.
    public private(set) var namedAgents: Set<String> = []

    /// Message natural keys, packed: ids interned to integers, so the set holds no strings.
    private var messageKeys: Set<PackedMessageKey> = []
    /// Interned agent and buyer ids: every stored message shares one string per id.
    private var agentIndex: [String: Int32] = [:]
    private var agentNames: [String] = []
    private var buyerIndex: [String: Int32] = [:]
    private var buyerNames: [String] = []
    private var refundKeys: Set<RefundKey> = []
    private var ratingKeys: Set<RatingKey> = []
    private var nextSeq = 0

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
        let agent = RecordBook.intern(m.agent, index: &agentIndex, names: &agentNames)
        let buyer = RecordBook.intern(m.buyer, index: &buyerIndex, names: &buyerNames)
        let key = PackedMessageKey(ts: m.ts, buyer: buyer.id, agent: agent.id, sender: m.sender, auto: m.auto)
        guard messageKeys.insert(key).inserted else { return .duplicate }
        var stored = m
        stored.agent = agent.name
        stored.buyer = buyer.name
        messagesByBuyer[buyer.name, default: []].append(SequencedMessage(message: stored, seq: nextSeq))
        nextSeq += 1
        messageCount += 1
        namedAgents.insert(m.agent)
        return .stored
    }

    @discardableResult
    public mutating func add(_ o: Order) -> Outcome {
        if let old = orders[o.id] {
            var merged = o
            if merged.paidAt == nil { merged.paidAt = old.paidAt }
            if merged == old { return .duplicate }
            if merged.buyer != old.buyer {
                orderIDsByBuyer[old.buyer]?.removeAll { $0 == o.id }
                orderIDsByBuyer[merged.buyer, default: []].append(o.id)
            }
            orders[o.id] = merged
            return .updated
        }
        orders[o.id] = o
        orderIDsByBuyer[o.buyer, default: []].append(o.id)
        return .stored
    }

    @discardableResult
    public mutating func add(_ r: Refund) -> Outcome {
        guard refundKeys.insert(RefundKey(orderID: r.orderID, refundedAt: r.refundedAt)).inserted else { return .duplicate }
        refundsByOrder[r.orderID, default: []].append(r)
        return .stored
    }

    @discardableResult
    public mutating func add(_ r: Rating) -> Outcome {
        guard ratingKeys.insert(RatingKey(ts: r.ts, buyer: r.buyer, agent: r.agent)).inserted else { return .duplicate }
        ratings.append(r)
        namedAgents.insert(r.agent)
        return .stored
    }

    @discardableResult
    public mutating func add(_ t: Ticket) -> Outcome {
        namedAgents.insert(t.agent)
        if var old = tickets[t.id] {
            if old.status == t.status && old.closedAt == t.closedAt { return .duplicate }
            old.status = t.status
            old.closedAt = t.closedAt
            tickets[t.id] = old
            return .updated
        }
        tickets[t.id] = t
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

    /// The canonical instance and integer id of `s`, interning it on first sight. Static, so
    /// the tables passed `inout` stay uniquely referenced (no copy per call).
    private static func intern(_ s: String, index: inout [String: Int32], names: inout [String]) -> (id: Int32, name: String) {
        if let i = index[s] { return (i, names[Int(i)]) }
        let i = Int32(names.count)
        index[s] = i
        names.append(s)
        return (i, s)
    }

    /// Refunds stored for an order, plus `extra`, exceed its amount (a bad refund row).
    /// False when the order is unknown: it may arrive later.
    public func refundWouldExceedOrder(_ r: Refund) -> Bool {
        guard let order = orders[r.orderID] else { return false }
        if refundKeys.contains(RefundKey(orderID: r.orderID, refundedAt: r.refundedAt)) { return false }
        let sum = (refundsByOrder[r.orderID] ?? []).reduce(0) { $0 + $1.amount } + r.amount
        return sum > order.amount
    }

    /// Every buyer with messages or orders, each once, in no particular order.
    public var buyers: [String] { Array(Set(messagesByBuyer.keys).union(orderIDsByBuyer.keys)) }

    /// A buyer's messages, in input order.
    public func messages(ofBuyer buyer: String) -> [SequencedMessage] { messagesByBuyer[buyer] ?? [] }

    /// An order's refunds, in input order.
    public func refunds(ofOrder orderID: String) -> [Refund] { refundsByOrder[orderID] ?? [] }

    /// Calls `body` with every message: each buyer's in input order, buyers in no particular order.
    public func forEachMessage(_ body: (Message) -> Void) {
        for list in messagesByBuyer.values { for m in list { body(m.message) } }
    }

    /// Calls `body` with every refund.
    public func forEachRefund(_ body: (Refund) -> Void) {
        for list in refundsByOrder.values { for r in list { body(r) } }
    }

    /// Calls `body` with each buyer that has orders and the ids of its orders.
    public func forEachBuyerWithOrders(_ body: (String, [String]) -> Void) {
        for (buyer, ids) in orderIDsByBuyer { body(buyer, ids) }
    }

    /// Buyers with at least one message, each once, in no particular order.
    public var messagingBuyers: [String] { Array(messagesByBuyer.keys) }

    /// All messages, in input order.
    public var allMessages: [Message] {
        messagesByBuyer.values.flatMap { $0 }.sorted { $0.seq < $1.seq }.map(\.message)
    }
}

/// A message with its input position, which orders messages at the same instant.
public struct SequencedMessage: Sendable, Equatable {
    public var message: Message
    public var seq: Int
}

/// A message's natural key with interned ids: 16 bytes, no strings.
struct PackedMessageKey: Hashable, Sendable {
    var ts: Instant
    var rest: UInt64

    init(ts: Instant, buyer: Int32, agent: Int32, sender: Sender, auto: Bool) {
        self.ts = ts
        rest = UInt64(UInt32(bitPattern: buyer)) << 32 | UInt64(UInt32(bitPattern: agent)) << 2
            | (sender == .buyer ? 2 : 0) | (auto ? 1 : 0)
    }
}
public struct RefundKey: Hashable, Sendable { var orderID: String; var refundedAt: Instant }
public struct RatingKey: Hashable, Sendable { var ts: Instant; var buyer: String; var agent: String }
public struct QAKey: Hashable, Sendable {
    public var month: Month
    public var agent: String
    public init(month: Month, agent: String) { self.month = month; self.agent = agent }
}
public struct ShiftKey: Hashable, Sendable { public var agent: String; public var date: LocalDate; public var start: Int }
