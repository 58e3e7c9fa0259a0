/// Who an order is credited to, and who assisted, under a rule (SPEC §4). `AgentID` is the
/// agent's id (`String`) or, inside the engine, its interned integer.
public struct OrderCredit<AgentID: Equatable & Sendable>: Sendable, Equatable {
    /// The agent credited with the order; nil: no one (a silent order/sale).
    public var credited: AgentID?
    /// The payment agent when it chased payment and is not the credited agent.
    public var assist: AgentID?
    /// A_o: the agent whose latest non-auto message lies in `[c − W, c]`.
    public var orderAgent: AgentID?
    /// A_p: the agent whose latest non-auto message lies in `[c − W, p]` (paid orders).
    public var paymentAgent: AgentID?
    /// A_p's latest message lies in `(c, p]`.
    public var chased: Bool
}

/// The non-auto agent messages to one buyer, in time order, for attribution look-ups.
public struct AgentMessageTimeline<AgentID: Equatable & Sendable>: Sendable {
    /// (ts, agent), sorted by ts then agent id (UTF-8 bytes), so the first of the latest
    /// instant is the tie winner.
    private var entries: [(ts: Instant, agent: AgentID)]

    /// `entries` must already be sorted by ts, then by agent id as UTF-8 bytes.
    init(sorted entries: [(ts: Instant, agent: AgentID)]) { self.entries = entries }

    /// The latest message in `[from, to]`: its agent (ties to the smaller id) and time.
    public func latest(from: Instant, to: Instant) -> (agent: AgentID, ts: Instant)? {
        // Last index with ts <= to.
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].ts <= to { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let ts = entries[lo - 1].ts
        guard ts >= from else { return nil }
        // First entry at that instant: the smallest agent id.
        var i = lo - 1
        while i > 0, entries[i - 1].ts == ts { i -= 1 }
        return (entries[i].agent, ts)
    }

    /// Attribution of an order under `rule`; `paidAt` already as of the report's instant.
    public func credit(createdAt c: Instant, paidAt p: Instant?, windowMs w: Int64, rule: AttributionRule) -> OrderCredit<AgentID> {
        let ao = latest(from: c - w, to: c)?.agent
        var ap: AgentID? = nil
        var chased = false
        if let p {
            if let hit = latest(from: c - w, to: p) {
                ap = hit.agent
                chased = hit.ts > c
            }
        }
        let credited: AgentID?
        switch rule {
        case .order: credited = ao
        case .payment: credited = ap
        case .orderFirst: credited = ao ?? ap
        }
        let assist = (rule != .payment && chased && ap != credited) ? ap : nil
        return OrderCredit(credited: credited, assist: assist, orderAgent: ao, paymentAgent: ap, chased: chased)
    }
}

extension AgentMessageTimeline where AgentID == String {
    /// Builds the timeline from a buyer's messages as of `asOf`.
    public init(messages: [SequencedMessage], asOf: Instant?) {
        var e: [(ts: Instant, agent: String)] = []
        e.reserveCapacity(messages.count / 2)
        for sm in messages {
            let m = sm.message
            guard m.sender == .agent, !m.auto else { continue }
            if let t = asOf, m.ts > t { continue }
            e.append((m.ts, m.agent))
        }
        e.sort { $0.ts != $1.ts ? $0.ts < $1.ts : utf8Less($0.agent, $1.agent) }
        self.init(sorted: e)
    }
}
