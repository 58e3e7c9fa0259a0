/// A slow answered turn, for the agent drill-down (the buyer id is masked when shown).
public struct SlowTurn: Sendable, Equatable {
    public var buyer: String
    public var openedAt: Instant
    public var responseMs: Int64
    public init(buyer: String, openedAt: Instant, responseMs: Int64) {
        self.buyer = buyer; self.openedAt = openedAt; self.responseMs = responseMs
    }
}

/// What the dashboard reads from conversations as of a cut, kept buyer by buyer: today's
/// consults by hour and slowest answered turns per agent, and the heatmap sums of the last
/// days. A buyer whose records changed is walked again and replaces what it added before.
///
/// Equal at every step to the batch forms over `ScoringEngine.conversations(book, asOf: cut)`:
/// `consultsByHour` and `slowestTurns` of today's conversations, and `Heatmap.sums` of all of
/// them with the buyer messages up to the cut.
struct ConversationFigures: Sendable {
    let today: LocalDate
    private let zone: ShopTimeZone
    private var walker: ConversationWalker
    private(set) var heatmap: HeatmapSums
    /// The first instant a conversation must reach to touch the heatmap's days.
    private let heatmapStart: Instant
    /// What each buyer added, packed (buyers with nothing are absent): its shares of the
    /// heatmap's cells, its consults started today (agent, local hour) and its answered turns
    /// of today.
    private var added: [Int32: VarintBytes] = [:]
    /// One buyer's part unpacked, as a replacement builds it and takes it away.
    private struct BuyerPart: Sendable {
        var cells: [HeatmapSums.Share] = []
        var consults: [(agent: Int32, hour: Int)] = []
        var turns: [(agent: Int32, openedAt: Instant, responseMs: Int64)] = []
        var isEmpty: Bool { cells.isEmpty && consults.isEmpty && turns.isEmpty }

        mutating func clear() {
            cells.removeAll(keepingCapacity: true)
            consults.removeAll(keepingCapacity: true)
            turns.removeAll(keepingCapacity: true)
        }

        var packed: VarintBytes {
            var p = VarintBytes(capacity: 8 + cells.count * 12 + consults.count * 2 + turns.count * 8)
            p.put(cells.count)
            for c in cells {
                p.put(c.cell); p.put(c.agent); p.put(c.consults); p.put(c.buyerMessages); p.put(c.responses); p.put(c.presence)
                p.put(c.responseMs); p.put(c.openMs)
            }
            p.put(consults.count)
            for c in consults { p.put(c.agent); p.put(c.hour) }
            p.put(turns.count)
            for t in turns { p.put(t.agent); p.put(t.openedAt); p.put(t.responseMs) }
            return p
        }

        /// Becomes the part `packed` holds.
        mutating func unpack(_ packed: VarintBytes) {
            clear()
            var r = packed.reader
            for _ in 0..<r.nextInt() {
                var c = HeatmapSums.Share(cell: r.nextInt32(), agent: r.nextInt32())
                c.consults = r.nextInt32(); c.buyerMessages = r.nextInt32(); c.responses = r.nextInt32(); c.presence = r.nextInt32()
                c.responseMs = r.next(); c.openMs = r.next()
                cells.append(c)
            }
            for _ in 0..<r.nextInt() { consults.append((r.nextInt32(), r.nextInt())) }
            for _ in 0..<r.nextInt() { turns.append((r.nextInt32(), r.next(), r.next())) }
        }
    }
    /// The part being replaced, reused from buyer to buyer.
    private var scratch = BuyerPart()
    /// Today's consults by agent and local hour, and today's answered turns by agent.
    private var consults: [Int32: [Int]] = [:]
    private var turns: [Int32: [(buyer: Int32, openedAt: Instant, responseMs: Int64)]] = [:]
    /// The same by agent id, as the dashboard shows them (agents with none are absent).
    private(set) var consultsByHour: [String: [Int]] = [:]
    private(set) var slowestTurns: [String: [SlowTurn]] = [:]
    private var agentsKeyed = -1

    /// How many of an agent's slowest turns are kept.
    static let slowestCount = 5

    init(config: KefuConfig, today: LocalDate, heatmapDays: Period) {
        self.today = today
        zone = config.zone
        walker = ConversationWalker(config: config)
        heatmap = HeatmapSums(days: heatmapDays, zone: config.zone, thresholds: config.thresholds)
        heatmapStart = config.zone.startOfDay(heatmapDays.from)
    }

    /// Buyer `b` as of `cut`, replacing what it added before.
    mutating func replace(buyer b: Int32, _ book: RecordBook, cut: Instant, walked: [(agent: Int32, conversation: Conversation)]? = nil,
                          dirtyAgents: inout Set<Int32>) {
        if let old = added.removeValue(forKey: b) {
            scratch.unpack(old)
            apply(scratch, buyer: b, sign: -1, dirtyAgents: &dirtyAgents)
        }
        scratch.clear()
        for (agent, c) in walked ?? walker.conversations(ofBuyerID: b, in: book, asOf: cut) where c.end >= heatmapStart {
            heatmap.shares(of: c, agent: agent, into: &scratch.cells)
            guard c.day == today else { continue }
            if c.isConsult { scratch.consults.append((agent, zone.hour(of: c.start))) }
            for t in c.turns { if let ms = t.responseMs { scratch.turns.append((agent, t.openedAt, ms)) } }
        }
        for m in book.packedMessages(ofBuyerID: b) where m.isBuyer && m.ts <= cut && m.ts >= heatmapStart {
            heatmap.shareBuyerMessage(at: m.ts, into: &scratch.cells)
        }
        guard !scratch.isEmpty else { return }
        apply(scratch, buyer: b, sign: 1, dirtyAgents: &dirtyAgents)
        added[b] = scratch.packed
    }

    /// Makes room for `n` buyers' parts at once (a cold start knows how many may add one).
    mutating func reserve(buyers n: Int) { added.reserveCapacity(n) }

    /// Buyer `b`'s conversations as of `cut`, for callers that walk it anyway.
    mutating func walk(buyer b: Int32, _ book: RecordBook, asOf: Instant?, turns: Bool) -> [(agent: Int32, conversation: Conversation)] {
        walker.conversations(ofBuyerID: b, in: book, asOf: asOf, turns: turns)
    }

    private mutating func apply(_ part: BuyerPart, buyer: Int32, sign: Int, dirtyAgents: inout Set<Int32>) {
        heatmap.apply(part.cells, sign: sign)
        for (agent, hour) in part.consults {
            consults[agent, default: [Int](repeating: 0, count: 24)][hour] += sign
            dirtyAgents.insert(agent)
        }
        for (agent, openedAt, ms) in part.turns {
            if sign > 0 {
                turns[agent, default: []].append((buyer, openedAt, ms))
            } else if let i = turns[agent]?.firstIndex(where: { $0.buyer == buyer && $0.openedAt == openedAt && $0.responseMs == ms }) {
                turns[agent]!.remove(at: i)
            }
            dirtyAgents.insert(agent)
        }
    }

    /// Keys the heatmap's shifts by the book's agent integers, when `force` (the shifts changed)
    /// or when agents were added to the book since; says whether it did.
    mutating func keyShifts(_ book: RecordBook, force: Bool) -> Bool {
        guard force || book.agentIDs.count != agentsKeyed else { return false }
        agentsKeyed = book.agentIDs.count
        heatmap.setShifts(book.shifts.values, key: { book.agentIDs.find($0) })
        return true
    }

    /// Brings the by-id figures of `agents` up to date.
    mutating func publish(_ agents: Set<Int32>, _ book: RecordBook) {
        for a in agents {
            let id = book.agentIDs[a]
            if let row = consults[a], row.contains(where: { $0 != 0 }) {
                consultsByHour[id] = row
            } else {
                consults[a] = nil
                consultsByHour[id] = nil
            }
            if let list = turns[a], !list.isEmpty {
                slowestTurns[id] = Self.slowest(list, book)
            } else {
                turns[a] = nil
                slowestTurns[id] = nil
            }
        }
    }

    /// The slowest turns first; ties by buyer id (UTF-8 bytes), then opening time.
    private static func slowest(_ list: [(buyer: Int32, openedAt: Instant, responseMs: Int64)], _ book: RecordBook) -> [SlowTurn] {
        func before(_ a: (buyer: Int32, openedAt: Instant, responseMs: Int64), _ b: (buyer: Int32, openedAt: Instant, responseMs: Int64)) -> Bool {
            if a.responseMs != b.responseMs { return a.responseMs > b.responseMs }
            if a.buyer != b.buyer { return utf8Less(book.buyerIDs[a.buyer], book.buyerIDs[b.buyer]) }
            return a.openedAt < b.openedAt
        }
        var top: [(buyer: Int32, openedAt: Instant, responseMs: Int64)] = []
        for e in list {
            guard top.count < slowestCount || before(e, top[top.count - 1]) else { continue }
            let i = top.firstIndex { before(e, $0) } ?? top.count
            top.insert(e, at: i)
            if top.count > slowestCount { top.removeLast() }
        }
        return top.map { SlowTurn(buyer: book.buyerIDs[$0.buyer], openedAt: $0.openedAt, responseMs: $0.responseMs) }
    }
}
