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
        if !b.spans.isEmpty { b.spans.removeAll(keepingCapacity: true) }
        if !b.turns.isEmpty { b.turns.removeAll(keepingCapacity: true) }
        b.groupPairs(messages, asOf: asOf)
        guard !b.groups.isEmpty else { return }
        var largest = 0
        for g in b.groups { largest = max(largest, g.end - g.start) }
        b.ensureScratch(largest)
        // The working arrays move to locals for the walk, so the loops below run on plain buffers.
        var day: [Int] = [], turnOpen: [Int] = [], turnAnswer: [Int] = []
        swap(&day, &b.day); swap(&turnOpen, &b.turnOpen); swap(&turnAnswer, &b.turnAnswer)
        defer { swap(&day, &b.day); swap(&turnOpen, &b.turnOpen); swap(&turnAnswer, &b.turnAnswer) }
        for g in 0..<b.groups.count {
            let (lo, hi) = (b.groups[g].start, b.groups[g].end)
            b.sortIfNeeded(lo..<hi)
            day.withUnsafeMutableBufferPointer { day in
                turnOpen.withUnsafeMutableBufferPointer { open in
                    turnAnswer.withUnsafeMutableBufferPointer { answer in
                        b.timeline.withUnsafeBufferPointer { all in
                            build(UnsafeBufferPointer(rebasing: all[lo..<hi]), day: day, turnOpen: open, turnAnswer: answer,
                                  spans: &b.spans, turns: &b.turns)
                        }
                    }
                }
            }
        }
    }

    /// The conversations and turns of one agent's messages with the buyer (`timeline`, in walk
    /// order), appended to `spans` and `turns`; `day`, `turnOpen` and `turnAnswer` are working
    /// space at least as long as `timeline`.
    private func build(_ timeline: UnsafeBufferPointer<PackedMessage>, day: UnsafeMutableBufferPointer<Int>,
                       turnOpen: UnsafeMutableBufferPointer<Int>, turnAnswer: UnsafeMutableBufferPointer<Int>,
                       spans: inout [ConversationSpan], turns: inout [Turn]) {
        let n = timeline.count
        guard n > 0 else { return }
        let agent = timeline[0].agent
        // Turns as (opening index, answering index or -1).
        var turnCount = 0
        var open = -1
        for i in 0..<n {
            let m = timeline[i]
            if m.isBuyer {
                if open < 0 { open = i }
            } else if !m.isAuto, open >= 0 {
                turnOpen[turnCount] = open; turnAnswer[turnCount] = i; turnCount += 1; open = -1
            }
        }
        if open >= 0 { turnOpen[turnCount] = open; turnAnswer[turnCount] = -1; turnCount += 1 }

        // Local day of every message, with answered-within-cap turns pulled back to their opening day.
        var crossesMidnight = false
        var range = zone.dayRange(of: timeline[0].ts)
        for i in 0..<n {
            let ts = timeline[i].ts
            if ts < range.start || ts >= range.end {
                range = zone.dayRange(of: ts)
                crossesMidnight = true
            }
            day[i] = range.day
        }
        if crossesMidnight {
            for k in 0..<turnCount {
                let a = turnAnswer[k], o = turnOpen[k]
                guard a >= 0, day[a] != day[o], timeline[a].ts - timeline[o].ts <= outlierMs else { continue }
                for i in o...a { day[i] = day[o] }
            }
        }

        // Runs of equal day are the conversations (days never decrease along the timeline).
        var turnCursor = 0
        var start = 0
        while start < n {
            let d = day[start]
            var end = start
            var buyerMessages = 0, agentMessages = 0
            var firstBuyer: Instant? = nil
            while true {
                let m = timeline[end]
                if m.isBuyer {
                    buyerMessages += 1
                    if firstBuyer == nil { firstBuyer = m.ts }
                } else if !m.isAuto {
                    agentMessages += 1
                }
                guard end + 1 < n, day[end + 1] == d else { break }
                end += 1
            }
            let firstTurn = turns.count
            while turnCursor < turnCount, turnOpen[turnCursor] <= end {
                let a = turnAnswer[turnCursor]
                turns.append(Turn(openedAt: timeline[turnOpen[turnCursor]].ts, answeredAt: a >= 0 ? timeline[a].ts : nil))
                turnCursor += 1
            }
            spans.append(ConversationSpan(agent: agent, day: d, start: timeline[start].ts, end: timeline[end].ts,
                                          firstBuyerMessage: firstBuyer, buyerMessages: buyerMessages,
                                          agentMessages: agentMessages, turns: firstTurn..<turns.count))
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
/// They only grow: `timeline`, `day`, `turnOpen` and `turnAnswer` are used up to what the
/// current buyer needs.
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
        if !groups.isEmpty { groups.removeAll(keepingCapacity: true) }
        let n = messages.count
        guard n > 0 else { return }
        if timeline.count < n { timeline = [PackedMessage](repeating: PackedMessage(ts: 0, seq: 0, bits: 0), count: max(n, 2 * timeline.count)) }
        var groups: [(agent: Int32, start: Int, end: Int)] = []
        swap(&groups, &self.groups)
        defer { swap(&groups, &self.groups) }
        let limit = asOf ?? Instant.max
        timeline.withUnsafeMutableBufferPointer { dst in
            messages.stored.withUnsafeBufferPointer { src in
                // Count each agent's messages (a buyer talks to few agents: a short list).
                for i in 0..<n where src[i].ts <= limit {
                    let agent = PackedMessage(src[i], seq: 0).agent
                    var g = 0
                    while g < groups.count, groups[g].agent != agent { g += 1 }
                    if g == groups.count { groups.append((agent, 0, 1)) } else { groups[g].end += 1 }
                }
                var offset = 0
                for g in groups.indices {
                    let count = groups[g].end
                    groups[g].start = offset
                    groups[g].end = offset
                    offset += count
                }
                if groups.count == 1 {
                    var k = 0
                    for i in 0..<n where src[i].ts <= limit { dst[k] = PackedMessage(src[i], seq: UInt32(i)); k += 1 }
                    groups[0].end = k
                    return
                }
                for i in 0..<n where src[i].ts <= limit {
                    let m = PackedMessage(src[i], seq: UInt32(i))
                    var g = 0
                    while groups[g].agent != m.agent { g += 1 }
                    dst[groups[g].end] = m
                    groups[g].end += 1
                }
            }
        }
    }

    /// Sorts `timeline[range]` into walk order, unless it is in walk order already (input in time order).
    mutating func sortIfNeeded(_ range: Range<Int>) {
        var i = range.lowerBound + 1
        while i < range.upperBound, !walkOrder(timeline[i], timeline[i - 1]) { i += 1 }
        if i < range.upperBound { timeline[range].sort(by: walkOrder) }
    }

    /// Room for a group of `n` messages in `day`, `turnOpen` and `turnAnswer`.
    mutating func ensureScratch(_ n: Int) {
        guard day.count < n else { return }
        let size = max(n, 2 * day.count)
        day = [Int](repeating: 0, count: size)
        turnOpen = [Int](repeating: 0, count: size)
        turnAnswer = [Int](repeating: 0, count: size)
    }
}
