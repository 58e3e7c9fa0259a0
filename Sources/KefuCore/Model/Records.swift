/// Money in integer fen (分). Never held as binary floating point.
public typealias Fen = Int64

/// An instant: milliseconds since 1970-01-01T00:00:00Z.
public typealias Instant = Int64

/// An agent's role (岗位). Agents missing from `agents.csv` have no role.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    /// 售前
    case presale
    /// 售后
    case aftersale
    /// VIP
    case vip

    public static func < (a: Role, b: Role) -> Bool { a.order < b.order }
    private var order: Int { Role.allCases.firstIndex(of: self)! }
}

/// Who wrote a message (发送方).
public enum Sender: String, Sendable, Codable {
    case buyer
    case agent
}

/// A ticket's kind (类型).
public enum TicketKind: String, Sendable, CaseIterable, Codable {
    case logistics, `return`, exchange, review, callback, other
}

/// A ticket's status (状态).
public enum TicketStatus: String, Sendable, CaseIterable, Codable {
    case resolved, unresolved, error
}

/// A row of `agents.csv` (客服).
public struct Agent: Sendable, Equatable, Codable {
    public var id: String
    public var name: String?
    public var role: Role?
    public var group: String?
    public var grade: Int?
    public var hiredOn: LocalDate?

    public init(id: String, name: String? = nil, role: Role? = nil, group: String? = nil,
                grade: Int? = nil, hiredOn: LocalDate? = nil) {
        self.id = id; self.name = name; self.role = role; self.group = group
        self.grade = grade; self.hiredOn = hiredOn
    }
}

/// A chat message. Natural key: `ts + buyer + agent + sender + auto`. Its text is never stored.
public struct Message: Sendable, Equatable, Codable {
    public var ts: Instant
    public var buyer: String
    public var agent: String
    public var sender: Sender
    /// An automatic reply (自动回复). Always false on buyer messages.
    public var auto: Bool

    public init(ts: Instant, buyer: String, agent: String, sender: Sender, auto: Bool = false) {
        self.ts = ts; self.buyer = buyer; self.agent = agent; self.sender = sender
        self.auto = sender == .buyer ? false : auto
    }
}

/// An order (订单). Natural key: `id`; a later record updates it, but never clears `paidAt`.
public struct Order: Sendable, Equatable, Codable {
    public var id: String
    public var buyer: String
    public var createdAt: Instant
    /// nil: unpaid.
    public var paidAt: Instant?
    public var amount: Fen
    public var items: Int

    public init(id: String, buyer: String, createdAt: Instant, paidAt: Instant?, amount: Fen, items: Int) {
        self.id = id; self.buyer = buyer; self.createdAt = createdAt; self.paidAt = paidAt
        self.amount = amount; self.items = items
    }
}

/// A refund (退款) on an order. Natural key: `orderID + refundedAt`.
public struct Refund: Sendable, Equatable, Codable {
    public var orderID: String
    public var refundedAt: Instant
    public var amount: Fen

    public init(orderID: String, refundedAt: Instant, amount: Fen) {
        self.orderID = orderID; self.refundedAt = refundedAt; self.amount = amount
    }
}

/// A buyer's rating (评价) of an agent, 1 (很不满) to 5 (很满意). Natural key: `ts + buyer + agent`.
public struct Rating: Sendable, Equatable, Codable {
    public var ts: Instant
    public var buyer: String
    public var agent: String
    public var score: Int

    public init(ts: Instant, buyer: String, agent: String, score: Int) {
        self.ts = ts; self.buyer = buyer; self.agent = agent; self.score = score
    }
}

/// A service ticket (工单). Natural key: `id`; a later record updates status and `closedAt`.
public struct Ticket: Sendable, Equatable, Codable {
    public var id: String
    public var agent: String
    public var kind: TicketKind
    public var openedAt: Instant
    public var closedAt: Instant?
    public var status: TicketStatus

    public init(id: String, agent: String, kind: TicketKind, openedAt: Instant, closedAt: Instant?, status: TicketStatus) {
        self.id = id; self.agent = agent; self.kind = kind; self.openedAt = openedAt
        self.closedAt = closedAt; self.status = status
    }
}

/// A supervisor's general KPI points (通用KPI分) for an agent and month. Natural key: `month + agent`.
public struct QAPoints: Sendable, Equatable, Codable {
    public var month: Month
    public var agent: String
    public var points: Double

    public init(month: Month, agent: String, points: Double) {
        self.month = month; self.agent = agent; self.points = points
    }
}

/// A scheduled shift (班次) in shop-local time. `end <= start` ends on the next day.
/// Natural key: `agent + date + start`.
public struct Shift: Sendable, Equatable, Codable {
    public var agent: String
    public var date: LocalDate
    /// Minutes after local midnight.
    public var start: Int
    /// Minutes after local midnight.
    public var end: Int

    public init(agent: String, date: LocalDate, start: Int, end: Int) {
        self.agent = agent; self.date = date; self.start = start; self.end = end
    }

    /// Length in minutes, crossing midnight when `end <= start`.
    public var minutes: Int { end > start ? end - start : end + 1440 - start }
}

/// Any one input record, as read from a file or a live feed.
public enum Record: Sendable, Equatable {
    case agent(Agent)
    case message(Message)
    case order(Order)
    case refund(Refund)
    case rating(Rating)
    case ticket(Ticket)
    case qa(QAPoints)
    case shift(Shift)
}
