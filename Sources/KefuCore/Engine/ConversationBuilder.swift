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

    /// Walks one buyer's messages as of `asOf` into `b.spans` and `b.turns` (both cleared
    /// first): conversations by agent (in order of the agent's first message), then by day.
    func walk(_ messages: BuyerMessages, asOf: Instant?, into b: inout WalkBuffers) {
        b.spans.removeAll(keepingCapacity: true)
        b.turns.removeAll(keepingCapacity: true)
        b.groupPairs(messages, asOf: asOf)
        for g in b.groups.indices {
            let (lo, hi) = (b.groups[g].start, b.groups[g].end)
            b.timeline[lo..<hi].sort(by: walkOrder)
            build(lo..<hi, into: &b)
        }
    }

    private func build(_ range: Range<Int>, into b: inout WalkBuffers) {
        guard !range.isEmpty else { return }
        let agent = b.timeline[range.lowerBound].agent
        // Turns as (opening index, answering index or -1).
        b.turnOpen.removeAll(keepingCapacity: true)
        b.turnAnswer.removeAll(keepingCapacity: true)
        var open = -1
        for i in range {
            let m = b.timeline[i]
            if m.isBuyer {
                if open < 0 { open = i }
            } else if !m.isAuto, open >= 0 {
                b.turnOpen.append(open); b.turnAnswer.append(i); open = -1
            }
        }
        if open >= 0 { b.turnOpen.append(open); b.turnAnswer.append(-1) }

        // Local day of every message, with answered-within-cap turns pulled back to their opening day.
        b.day.removeAll(keepingCapacity: true)
        for i in range { b.day.append(zone.dayNumber(of: b.timeline[i].ts)) }
        let base = range.lowerBound
        for k in b.turnOpen.indices {
            let a = b.turnAnswer[k], o = b.turnOpen[k]
            guard a >= 0, b.day[a - base] != b.day[o - base], b.timeline[a].ts - b.timeline[o].ts <= outlierMs else { continue }
            for i in o...a { b.day[i - base] = b.day[o - base] }
        }

        // Runs of equal day are the conversations (days never decrease along the timeline).
        var turnCursor = 0
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end + 1 < range.upperBound, b.day[end + 1 - base] == b.day[start - base] { end += 1 }
            var buyerMessages = 0, agentMessages = 0
            var firstBuyer: Instant? = nil
            for i in start...end {
                let m = b.timeline[i]
                if m.isBuyer {
                    buyerMessages += 1
                    if firstBuyer == nil { firstBuyer = m.ts }
                } else if !m.isAuto {
                    agentMessages += 1
                }
            }
            let firstTurn = b.turns.count
            while turnCursor < b.turnOpen.count, b.turnOpen[turnCursor] <= end {
                let a = b.turnAnswer[turnCursor]
                b.turns.append(Turn(openedAt: b.timeline[b.turnOpen[turnCursor]].ts, answeredAt: a >= 0 ? b.timeline[a].ts : nil))
                turnCursor += 1
            }
            b.spans.append(ConversationSpan(agent: agent, day: b.day[start - base], start: b.timeline[start].ts,
                                            end: b.timeline[end].ts, firstBuyerMessage: firstBuyer,
                                            buyerMessages: buyerMessages, agentMessages: agentMessages,
                                            turns: firstTurn..<b.turns.count))
            start = end + 1
        }
    }
}

/// A conversation as the walk finds it: the agent's interned integer, and its turns as a
/// range of the walk's turn buffer. `Conversation` is its named, self-contained form.
struct ConversationSpan: Sendable {
    var agent: Int32
    var day: Int
    var start: Instant
    var end: Instant
    var firstBuyerMessage: Instant?
    var buyerMessages: Int
    var agentMessages: Int
    var turns: Range<Int>

    var isConsult: Bool { buyerMessages > 0 }
    var isReception: Bool { buyerMessages > 0 && agentMessages > 0 }
    var isOutreach: Bool { buyerMessages == 0 && agentMessages > 0 }
    var durationMs: Int64 { end - start }
}

/// The walk's working arrays, reused from buyer to buyer so a report allocates them once.
struct WalkBuffers: Sendable {
    /// The buyer's messages as of the instant, grouped by agent (`groups`), each group sorted.
    var timeline: [PackedMessage] = []
    var groups: [(agent: Int32, start: Int, end: Int)] = []
    var day: [Int] = []
    var turnOpen: [Int] = []
    var turnAnswer: [Int] = []
    var spans: [ConversationSpan] = []
    var turns: [Turn] = []

    /// Fills `timeline` with the messages up to `asOf`, grouped by agent in order of each
    /// agent's first message, input order kept within a group (a stable counting sort).
    mutating func groupPairs(_ messages: BuyerMessages, asOf: Instant?) {
        groups.removeAll(keepingCapacity: true)
        var kept = 0
        for m in messages where asOf.map({ m.ts <= $0 }) ?? true {
            kept += 1
            if let g = groups.firstIndex(where: { $0.agent == m.agent }) {
                groups[g].end += 1
            } else {
                groups.append((m.agent, 0, 1))
            }
        }
        var offset = 0
        for g in groups.indices {
            let count = groups[g].end
            groups[g].start = offset
            groups[g].end = offset
            offset += count
        }
        timeline.removeAll(keepingCapacity: true)
        timeline.reserveCapacity(kept)
        guard kept > 0 else { return }
        timeline.append(contentsOf: repeatElement(messages[messages.startIndex], count: kept))
        for m in messages where asOf.map({ m.ts <= $0 }) ?? true {
            let g = groups.firstIndex(where: { $0.agent == m.agent })!
            timeline[groups[g].end] = m
            groups[g].end += 1
        }
    }
}
