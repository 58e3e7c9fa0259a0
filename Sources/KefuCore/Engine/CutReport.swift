/// A period's report as of an instant that only moves forward, over a book that only grows:
/// the dashboard's "today so far", "yesterday by this time" and "the month to date".
///
/// It keeps each buyer's contribution (SPEC §3 and §5 figures never look beyond one buyer) as
/// of the cut, read from the shared book (no copy of it). When the cut moves, only the buyers
/// with a record stamped in between are scored again; a batch of new records scores again only
/// its buyers; ratings and tickets are added or replaced one by one. At every step `report`
/// equals `ScoringEngine.report(book, period:, rule:, asOf: cut)`.
public struct CutReport: Sendable {
    public let period: Period
    public let rule: AttributionRule
    private let engine: ScoringEngine
    private var feed: CutFeed
    /// Each buyer's contribution as of the cut (none: an empty one), packed.
    private var contributions: [Int32: PackedContribution] = [:]
    private var totals = AgentTotals()
    private var ticketTallies: [String: (agent: Int32, tally: Tally)] = [:]
    private var cached: Report?

    /// The instant the report is as of.
    public var cut: Instant { feed.cut }

    /// The report of `period` under `rule` as of `cut` over `book`; the cut will never pass
    /// `horizon`. `activity` must describe `book`.
    public init(config: KefuConfig, book: RecordBook, activity: BuyerActivity, period: Period, rule: AttributionRule,
                cut: Instant, horizon: Instant) {
        engine = ScoringEngine(config: config)
        self.period = period
        self.rule = rule
        feed = CutFeed(book: book, activity: activity, cut: cut, horizon: horizon)
        let since = config.zone.startOfDay(period.from) - config.thresholds.attributionWindowMs
        guard cut >= config.zone.startOfDay(period.from) else { return } // nothing of the period is visible yet
        var scorer = BuyerScorer(config: config, period: period, rule: rule, asOf: cut)
        for b in activity.buyers(since: since, through: cut) {
            scorer.score(buyer: b, in: book)
            store(scorer.current, of: b)
        }
        for (i, r) in book.ratings.enumerated() where r.ts <= cut { addRating(i, book) }
        for id in book.ticketOrder { replaceTicket(id, book) }
    }

    /// Moves the cut to `newCut` after `changes` reached `book`.
    public mutating func advance(_ book: RecordBook, changes: BookChanges, to newCut: Instant) {
        let step = feed.step(changes, to: newCut)
        if changes.agents { cached = nil }
        guard !step.buyers.isEmpty || !step.ratings.isEmpty || !step.tickets.isEmpty else { return }
        var scorer = BuyerScorer(config: engine.config, period: period, rule: rule, asOf: cut)
        for b in step.buyers {
            scorer.score(buyer: b, in: book)
            store(scorer.current, of: b)
        }
        for i in step.ratings { addRating(i, book) }
        for id in step.tickets { replaceTicket(id, book) }
    }

    /// Counts the reports computed: a new version means figures that may differ from the last.
    public private(set) var version = 0

    /// The report as of the cut (its figures computed again only after something changed).
    public mutating func report(_ book: RecordBook) -> Report {
        if var r = cached {
            r.asOf = cut
            cached = r
            return r
        }
        let r = engine.assemble(book: book, totals: totals, period: period, rule: rule, asOf: cut)
        cached = r
        version += 1
        return r
    }

    /// The team's figures as of the cut (`report(book).team.tally`, without scoring anyone).
    public var teamTally: Tally {
        var t = Tally()
        for n in totals.agentsWithFigures { t += totals[n] }
        t.paidBuyers = totals.teamPaidBuyers
        return t
    }

    private mutating func store(_ new: BuyerContribution, of b: Int32) {
        let isEmpty = new.agents.isEmpty && new.teamPaidBuyer == 0 && new.silentOrders == 0
        let packed = isEmpty ? nil : PackedContribution(new)
        let old = contributions[b]
        guard old != packed else { return }
        if let old { totals.add(old.contribution, sign: -1) }
        contributions[b] = packed
        totals.add(new)
        cached = nil
    }

    private mutating func addRating(_ i: Int, _ book: RecordBook) {
        let r = book.ratingRows[i]
        guard let t = engine.ratingTally(ts: r.ts, score: Int(r.score), period: period, asOf: cut) else { return }
        totals.add(t, agent: r.agent)
        cached = nil
    }

    private mutating func replaceTicket(_ id: String, _ book: RecordBook) {
        let old = ticketTallies.removeValue(forKey: id)
        if let old { totals.add(old.tally, agent: old.agent, sign: -1); cached = nil }
        guard let n = book.ticketIDs.find(id), let t = engine.ticketTally(book.ticketRows[Int(n)], period: period, asOf: cut) else { return }
        let agent = book.ticketRows[Int(n)].agent
        totals.add(t, agent: agent)
        ticketTallies[id] = (agent, t)
        cached = nil
    }
}

extension ScoringEngine {
    /// `report(book, period:, rule:)` (everything stored) computed over only the buyers that can
    /// concern the period, a record in it or in the attribution window before it (`activity`
    /// of `book`): the same report, without walking the others.
    public func report(_ book: RecordBook, period: Period, rule: AttributionRule, activity: BuyerActivity) -> Report {
        var scorer = BuyerScorer(config: config, period: period, rule: rule, asOf: nil)
        var totals = AgentTotals()
        let since = config.zone.startOfDay(period.from) - config.thresholds.attributionWindowMs
        let through = config.zone.startOfDay(period.to) - 1
        for b in activity.buyers(since: since, through: through) {
            scorer.score(buyer: b, in: book)
            totals.add(scorer.current)
        }
        addRatingsAndTickets(book, to: &totals, period: period, asOf: nil)
        return assemble(book: book, totals: totals, period: period, rule: rule, asOf: nil)
    }
}

/// A buyer's contribution in a few bytes: every integer of it as a zigzag varint, so the many
/// zero counters of a single buyer's tallies take a byte each (a `Tally` is 40-odd words).
/// The tallies are read word by word, whatever fields `Tally` has, as long as it stays a plain
/// value of integers.
struct PackedContribution: Equatable, Sendable {
    private var bytes: VarintBytes
    private static let tallyWords = (MemoryLayout<Tally>.size + 7) / 8

    init(_ c: BuyerContribution) {
        precondition(_isPOD(Tally.self), "a Tally packs word by word only while it is plain integers")
        bytes = VarintBytes(capacity: 16 + c.agents.count * 48)
        bytes.put(c.teamPaidBuyer); bytes.put(c.silentSalesFen); bytes.put(c.silentOrders); bytes.put(c.agents.count)
        for (agent, tally) in c.agents {
            bytes.put(agent)
            var t = tally
            withUnsafeBytes(of: &t) { raw in
                for w in 0..<Self.tallyWords { bytes.put(Self.word(raw, w)) }
            }
        }
    }

    /// The contribution, unpacked.
    var contribution: BuyerContribution {
        var r = bytes.reader
        var c = BuyerContribution()
        c.teamPaidBuyer = r.nextInt(); c.silentSalesFen = r.next(); c.silentOrders = r.nextInt()
        for _ in 0..<r.nextInt() {
            let agent = r.nextInt32()
            var t = Tally()
            withUnsafeMutableBytes(of: &t) { raw in
                for w in 0..<Self.tallyWords {
                    var v = r.next()
                    let n = min(8, raw.count - w * 8)
                    withUnsafeBytes(of: &v) { src in
                        for i in 0..<n { raw[w * 8 + i] = src[i] }
                    }
                }
            }
            c.agents.append((agent, t))
        }
        return c
    }

    private static func word(_ raw: UnsafeRawBufferPointer, _ w: Int) -> Int64 {
        var v: Int64 = 0
        let n = min(8, raw.count - w * 8)
        withUnsafeMutableBytes(of: &v) { dst in
            for i in 0..<n { dst[i] = raw[w * 8 + i] }
        }
        return v
    }
}
