/// A conversation (接待会话, SPEC §3): one agent and one buyer on one shop-local day, with the
/// cross-midnight rule applied. Built by `ConversationBuilder`; read by the metrics, the
/// heatmap and staffing.
public struct Conversation: Sendable, Equatable {
    public var agent: String
    public var buyer: String
    /// The conversation's shop-local day.
    public var day: LocalDate
    /// First and last message (any sender, auto replies included).
    public var start: Instant
    public var end: Instant
    /// First buyer message (t1 of SPEC §5), if the buyer wrote.
    public var firstBuyerMessage: Instant?
    public var buyerMessages: Int
    /// Agent messages that are not auto replies.
    public var agentMessages: Int
    /// The turns opened in this conversation, in time order.
    public var turns: [Turn]

    public init(agent: String, buyer: String, day: LocalDate, start: Instant, end: Instant,
                firstBuyerMessage: Instant?, buyerMessages: Int, agentMessages: Int, turns: [Turn]) {
        self.agent = agent; self.buyer = buyer; self.day = day; self.start = start; self.end = end
        self.firstBuyerMessage = firstBuyerMessage; self.buyerMessages = buyerMessages
        self.agentMessages = agentMessages; self.turns = turns
    }

    /// 咨询: the buyer wrote.
    public var isConsult: Bool { buyerMessages > 0 }
    /// 接待: a consult in which the agent wrote a non-auto message.
    public var isReception: Bool { buyerMessages > 0 && agentMessages > 0 }
    /// 主动跟进: the agent wrote (non-auto) and the buyer did not.
    public var isOutreach: Bool { buyerMessages == 0 && agentMessages > 0 }
    /// Last message − first message, in ms.
    public var durationMs: Int64 { end - start }
}

/// A turn: opened by a buyer message when no turn is open, answered by the next non-auto agent
/// message. `answeredAt == nil` is an unanswered turn.
public struct Turn: Sendable, Equatable {
    public var openedAt: Instant
    public var answeredAt: Instant?

    public init(openedAt: Instant, answeredAt: Instant?) { self.openedAt = openedAt; self.answeredAt = answeredAt }

    /// Response time in ms; nil when unanswered.
    public var responseMs: Int64? { answeredAt.map { $0 - openedAt } }
}
