/// The live path: folds one record at a time into running aggregates for a fixed period and
/// rule, and gives the same report as `ScoringEngine.report` over the same records.
///
/// Records may arrive late and update the past (an order paid days later, a refund): a record
/// for a buyer replaces that buyer's contribution, so it lands where it belongs.
public struct LiveAggregator: Sendable {
    public let engine: ScoringEngine
    public let period: Period
    public let rule: AttributionRule
    /// Every record folded so far, deduplicated by natural key.
    public private(set) var book: RecordBook
    private let scorer: BuyerScorer
    private var contributions: [String: BuyerContribution] = [:]
    private var totals = AgentTotals()

    /// Starts from `book` (folded whole) for `period` under `rule`.
    public init(config: KefuConfig, period: Period, rule: AttributionRule, book: RecordBook = RecordBook()) {
        engine = ScoringEngine(config: config)
        self.period = period
        self.rule = rule
        scorer = BuyerScorer(config: config, period: period, rule: rule, asOf: nil)
        self.book = book
        for buyer in book.buyers { rescore(buyer: buyer) }
        for r in book.ratings { totals.add(engine.ratingTally(r, period: period, asOf: nil), agent: r.agent) }
        for t in book.tickets.values { totals.add(engine.ticketTally(t, period: period, asOf: nil), agent: t.agent) }
    }

    /// Folds one record in. Duplicates change nothing.
    public mutating func fold(_ record: Record) {
        switch record {
        case .message(let m):
            if book.add(m) != .duplicate { rescore(buyer: m.buyer) }
        case .order(let o):
            let previousBuyer = book.orders[o.id]?.buyer
            guard book.add(o) != .duplicate else { return }
            rescore(buyer: o.buyer)
            if let previousBuyer, previousBuyer != o.buyer { rescore(buyer: previousBuyer) }
        case .refund(let r):
            if book.add(r) != .duplicate, let buyer = book.orders[r.orderID]?.buyer { rescore(buyer: buyer) }
        case .rating(let r):
            if book.add(r) != .duplicate { totals.add(engine.ratingTally(r, period: period, asOf: nil), agent: r.agent) }
        case .ticket(let t):
            let old = book.tickets[t.id]
            guard book.add(t) != .duplicate else { return }
            if let old { totals.add(engine.ticketTally(old, period: period, asOf: nil), agent: old.agent, sign: -1) }
            let new = book.tickets[t.id]!
            totals.add(engine.ticketTally(new, period: period, asOf: nil), agent: new.agent)
        case .agent, .qa, .shift:
            book.add(record)
        }
    }

    /// Folds records in, in order.
    public mutating func fold<S: Sequence>(_ records: S) where S.Element == Record {
        for r in records { fold(r) }
    }

    /// The report over everything folded so far.
    public var report: Report {
        engine.assemble(book: book, totals: totals, period: period, rule: rule, asOf: nil)
    }

    private mutating func rescore(buyer: String) {
        if let old = contributions[buyer] { totals.add(old, sign: -1) }
        let new = scorer.contribution(buyer: buyer, messages: book.messages(ofBuyer: buyer),
                                      orders: book.orders(ofBuyer: buyer), refunds: { [book] in book.refunds(ofOrder: $0) })
        contributions[buyer] = new
        totals.add(new)
    }
}
