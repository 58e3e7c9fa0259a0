/// The live path: folds records into running aggregates for a fixed period and rule, and
/// gives the same report as `ScoringEngine.report` over the same records.
///
/// Records may arrive late and update the past (an order paid days later, a refund): a record
/// for a buyer replaces that buyer's contribution, so it lands where it belongs. Folding a
/// batch (`fold(_:)` with a sequence, as a feed commits them) re-scores each buyer it touches
/// once, however many of the batch's records are that buyer's.
public struct LiveAggregator: Sendable {
    public let engine: ScoringEngine
    public let period: Period
    public let rule: AttributionRule
    /// Every record folded so far, deduplicated by natural key.
    public private(set) var book: RecordBook
    private var scorer: BuyerScorer
    /// Each buyer's contribution, by the book's buyer integer.
    private var contributions: [BuyerContribution] = []
    private var totals = AgentTotals()
    /// Buyers touched by the batch being folded, and whether each is already listed.
    private var dirty: [Int32] = []
    private var isDirty: [Bool] = []

    /// Starts from `book` (folded whole) for `period` under `rule`.
    public init(config: KefuConfig, period: Period, rule: AttributionRule, book: RecordBook = RecordBook()) {
        engine = ScoringEngine(config: config)
        self.period = period
        self.rule = rule
        scorer = BuyerScorer(config: config, period: period, rule: rule, asOf: nil)
        self.book = book
        for b in 0..<Int32(book.buyerIDCount) { rescore(buyer: b) }
        engine.addRatingsAndTickets(book, to: &totals, period: period, asOf: nil)
    }

    /// Folds one record in. Duplicates change nothing.
    public mutating func fold(_ record: Record) {
        add(record)
        rescoreDirty()
    }

    /// Folds records in, in order, re-scoring each buyer they touch once at the end.
    public mutating func fold<S: Sequence>(_ records: S) where S.Element == Record {
        for r in records { add(r) }
        rescoreDirty()
    }

    /// The report over everything folded so far.
    public var report: Report {
        engine.assemble(book: book, totals: totals, period: period, rule: rule, asOf: nil)
    }

    /// Adds a record to the book, marking the buyers whose contribution it changes; ratings
    /// and tickets go straight into the totals.
    private mutating func add(_ record: Record) {
        switch record {
        case .message(let m):
            let (outcome, buyer) = book.addMessage(m)
            if outcome != .duplicate { markDirty(buyer) }
        case .order(let o):
            let (outcome, buyer, previousBuyer) = book.addOrder(o)
            guard outcome != .duplicate else { return }
            markDirty(buyer)
            if let previousBuyer { markDirty(previousBuyer) }
        case .refund(let r):
            let (outcome, buyer) = book.addRefund(r)
            if outcome != .duplicate, let buyer { markDirty(buyer) }
        case .rating(let r):
            let (outcome, row) = book.addRating(r)
            if outcome != .duplicate {
                totals.add(engine.ratingTally(ts: row.ts, score: Int(row.score), period: period, asOf: nil), agent: row.agent)
            }
        case .ticket(let t):
            let (outcome, before, after) = book.addTicket(t)
            guard outcome != .duplicate else { return }
            if let before { totals.add(engine.ticketTally(before, period: period, asOf: nil), agent: before.agent, sign: -1) }
            totals.add(engine.ticketTally(after, period: period, asOf: nil), agent: after.agent)
        case .agent, .qa, .shift:
            book.add(record)
        }
    }

    private mutating func markDirty(_ b: Int32) {
        let i = Int(b)
        if i >= isDirty.count { isDirty.append(contentsOf: repeatElement(false, count: i + 1 - isDirty.count)) }
        if !isDirty[i] { isDirty[i] = true; dirty.append(b) }
    }

    private mutating func rescoreDirty() {
        for b in dirty {
            rescore(buyer: b)
            isDirty[Int(b)] = false
        }
        dirty.removeAll(keepingCapacity: true)
    }

    /// Replaces buyer `b`'s contribution in the totals (the stored copy reuses its array).
    private mutating func rescore(buyer b: Int32) {
        let i = Int(b)
        if i >= contributions.count { contributions.append(contentsOf: repeatElement(BuyerContribution(), count: i + 1 - contributions.count)) }
        scorer.score(buyer: b, in: book)
        scorer.replace(&contributions[i], in: &totals)
    }
}
