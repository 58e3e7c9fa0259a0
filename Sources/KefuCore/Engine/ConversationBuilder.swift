/// Builds the conversations and turns of SPEC §3 from one buyer's messages.
///
/// Messages between one agent and one buyer are walked in time order (same instant: buyer
/// first, then input order). A turn opens at a buyer message when none is open and is closed
/// by the next non-auto agent message. A conversation is one local day of the pair, except
/// that a turn answered within the outlier cap keeps every message from its opening to its
/// answer in the conversation of its opening day.
public struct ConversationBuilder: Sendable {
    public let zone: ShopTimeZone
    public let outlierMs: Int64

    public init(zone: ShopTimeZone, outlierMs: Int64) { self.zone = zone; self.outlierMs = outlierMs }

    /// The conversations of one buyer, every agent, as of `asOf` (messages after it are ignored).
    /// Ordered by agent (first seen), then day.
    public func conversations(buyer: String, messages: [SequencedMessage], asOf: Instant?) -> [Conversation] {
        var out: [Conversation] = []
        forEachAgentTimeline(messages: messages, asOf: asOf) { agent, timeline in
            build(agent: agent, buyer: buyer, timeline: timeline, into: &out)
        }
        return out
    }

    /// Calls `body` with each agent's messages to this buyer, sorted as SPEC §3 walks them.
    func forEachAgentTimeline(messages: [SequencedMessage], asOf: Instant?, _ body: (String, [SequencedMessage]) -> Void) {
        var agents: [String] = []
        var groups: [[SequencedMessage]] = []
        for sm in messages {
            if let t = asOf, sm.message.ts > t { continue }
            if let i = agents.firstIndex(of: sm.message.agent) {
                groups[i].append(sm)
            } else {
                agents.append(sm.message.agent)
                groups.append([sm])
            }
        }
        for i in agents.indices {
            let sorted = groups[i].sorted(by: walkOrder)
            body(agents[i], sorted)
        }
    }

    private func build(agent: String, buyer: String, timeline: [SequencedMessage], into out: inout [Conversation]) {
        let n = timeline.count
        guard n > 0 else { return }
        // Turns as (opening index, answering index).
        var turnOpen: [Int] = []
        var turnAnswer: [Int?] = []
        var open: Int? = nil
        for i in 0..<n {
            let m = timeline[i].message
            if m.sender == .buyer {
                if open == nil { open = i }
            } else if !m.auto, let o = open {
                turnOpen.append(o); turnAnswer.append(i); open = nil
            }
        }
        if let o = open { turnOpen.append(o); turnAnswer.append(nil) }

        // Local day of every message, with answered-within-cap turns pulled back to their opening day.
        var day = [Int](repeating: 0, count: n)
        for i in 0..<n { day[i] = zone.dayNumber(of: timeline[i].message.ts) }
        for k in turnOpen.indices {
            guard let a = turnAnswer[k] else { continue }
            let o = turnOpen[k]
            guard day[a] != day[o], timeline[a].message.ts - timeline[o].message.ts <= outlierMs else { continue }
            for i in o...a { day[i] = day[o] }
        }

        // Runs of equal day are the conversations (days never decrease along the timeline).
        var turnCursor = 0
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, day[end + 1] == day[start] { end += 1 }
            var buyerMessages = 0, agentMessages = 0
            var firstBuyer: Instant? = nil
            for i in start...end {
                let m = timeline[i].message
                if m.sender == .buyer {
                    buyerMessages += 1
                    if firstBuyer == nil { firstBuyer = m.ts }
                } else if !m.auto {
                    agentMessages += 1
                }
            }
            var turns: [Turn] = []
            while turnCursor < turnOpen.count, turnOpen[turnCursor] <= end {
                let o = turnOpen[turnCursor]
                turns.append(Turn(openedAt: timeline[o].message.ts, answeredAt: turnAnswer[turnCursor].map { timeline[$0].message.ts }))
                turnCursor += 1
            }
            out.append(Conversation(agent: agent, buyer: buyer, day: LocalDate(day: day[start]),
                                    start: timeline[start].message.ts, end: timeline[end].message.ts,
                                    firstBuyerMessage: firstBuyer, buyerMessages: buyerMessages,
                                    agentMessages: agentMessages, turns: turns))
            start = end + 1
        }
    }
}

/// SPEC §3's walk order: time, then buyer before agent at the same instant, then input order.
@inline(__always) func walkOrder(_ a: SequencedMessage, _ b: SequencedMessage) -> Bool {
    if a.message.ts != b.message.ts { return a.message.ts < b.message.ts }
    let ab = a.message.sender == .buyer, bb = b.message.sender == .buyer
    if ab != bb { return ab }
    return a.seq < b.seq
}

/// Compares agent ids as UTF-8 bytes (SPEC §4's tie rule).
@inline(__always) public func utf8Less(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
