/// Additive integer counters behind every metric of SPEC §3 and §5.
///
/// Agents' and the team's figures are tallies; ratios are computed from them on demand and
/// are nil ("no data") when their denominator is zero. Tallies add and subtract exactly, which
/// is what lets the live path fold a record in by removing a buyer's old contribution and
/// adding its new one.
public struct Tally: Sendable, Equatable, Codable {
    /// 咨询人数: conversations in which the buyer wrote.
    public var consults = 0
    /// 接待人数: consults in which the agent wrote a non-auto message.
    public var receptions = 0
    /// 主动跟进: conversations where only the agent wrote (non-auto).
    public var outreach = 0
    /// 有效接待: receptions at least `validMs` long.
    public var validConversations = 0
    /// 长接待: receptions longer than `longMs`.
    public var longReceptions = 0
    /// Sum and count of first response times (ms) of conversations whose first turn was answered, not an outlier.
    public var frtSumMs: Int64 = 0
    public var frtCount = 0
    /// Sum and count of response times (ms) of answered non-outlier turns.
    public var artSumMs: Int64 = 0
    public var artCount = 0
    /// Answered non-outlier turns slower than `slowMs`.
    public var slowTurns = 0
    /// Answered turns slower than `outlierMs`.
    public var outliers = 0
    /// All turns, answered or not.
    public var turns = 0
    /// Turns answered within `fastMs`.
    public var fastTurns = 0
    /// Agent non-auto and buyer messages in the conversations.
    public var agentMessages = 0
    public var buyerMessages = 0
    /// 询单人数 and how many converted to an order / a payment.
    public var inquiries = 0
    public var inquiriesOrdered = 0
    public var inquiriesPaid = 0
    /// Credited orders paid in the period.
    public var salesFen: Fen = 0
    public var paidOrders = 0
    public var items = 0
    /// Distinct buyers among those orders.
    public var paidBuyers = 0
    /// Refunds, whenever made, on those orders.
    public var refundFen: Fen = 0
    /// 协助跟进: chased payments credited to someone else (or to no one).
    public var assistOrders = 0
    public var assistFen: Fen = 0
    /// Ratings in the period: count, those ≥ 4, sum of scores.
    public var ratings = 0
    public var goodRatings = 0
    public var ratingSum = 0
    /// Tickets opened in the period, by status; callback tickets; handle time of resolved ones.
    public var tickets = 0
    public var resolvedTickets = 0
    public var errorTickets = 0
    public var callbackTickets = 0
    public var handleSumMs: Int64 = 0
    public var handleCount = 0

    public init() {}

    // MARK: ratios (nil = no data)

    public var replyRate: Double? { ratio(receptions, consults) }
    public var frtSeconds: Double? { frtCount == 0 ? nil : Double(frtSumMs) / Double(frtCount) / 1000 }
    public var artSeconds: Double? { artCount == 0 ? nil : Double(artSumMs) / Double(artCount) / 1000 }
    public var slowRatio: Double? { ratio(slowTurns, artCount) }
    public var fastRate: Double? { ratio(fastTurns, turns) }
    public var aqRatio: Double? { ratio(agentMessages, buyerMessages) }
    public var inquiryOrderRate: Double? { ratio(inquiriesOrdered, inquiries) }
    public var conversion: Double? { ratio(inquiriesPaid, inquiries) }
    /// 客单价 in fen, rounded half away from zero.
    public var aovFen: Fen? { paidBuyers == 0 ? nil : roundedDivision(salesFen, Int64(paidBuyers)) }
    public var itemsPerBuyer: Double? { ratio(items, paidBuyers) }
    public var refundRate: Double? { salesFen == 0 ? nil : Double(refundFen) / Double(salesFen) }
    public var satisfaction: Double? { ratio(goodRatings, ratings) }
    public var ratingMean: Double? { ratio(ratingSum, ratings) }
    public var resolutionRate: Double? { ratio(resolvedTickets, tickets) }
    public var errorRate: Double? { ratio(errorTickets, tickets) }
    public var handleSeconds: Double? { handleCount == 0 ? nil : Double(handleSumMs) / Double(handleCount) / 1000 }

    // MARK: arithmetic

    public static func += (a: inout Tally, b: Tally) { a.combine(b, sign: 1) }
    public static func -= (a: inout Tally, b: Tally) { a.combine(b, sign: -1) }

    private mutating func combine(_ b: Tally, sign: Int) {
        let s64 = Int64(sign)
        consults += sign * b.consults; receptions += sign * b.receptions; outreach += sign * b.outreach
        validConversations += sign * b.validConversations; longReceptions += sign * b.longReceptions
        frtSumMs += s64 * b.frtSumMs; frtCount += sign * b.frtCount
        artSumMs += s64 * b.artSumMs; artCount += sign * b.artCount
        slowTurns += sign * b.slowTurns; outliers += sign * b.outliers
        turns += sign * b.turns; fastTurns += sign * b.fastTurns
        agentMessages += sign * b.agentMessages; buyerMessages += sign * b.buyerMessages
        inquiries += sign * b.inquiries; inquiriesOrdered += sign * b.inquiriesOrdered; inquiriesPaid += sign * b.inquiriesPaid
        salesFen += s64 * b.salesFen; paidOrders += sign * b.paidOrders; items += sign * b.items
        paidBuyers += sign * b.paidBuyers; refundFen += s64 * b.refundFen
        assistOrders += sign * b.assistOrders; assistFen += s64 * b.assistFen
        ratings += sign * b.ratings; goodRatings += sign * b.goodRatings; ratingSum += sign * b.ratingSum
        tickets += sign * b.tickets; resolvedTickets += sign * b.resolvedTickets; errorTickets += sign * b.errorTickets
        callbackTickets += sign * b.callbackTickets; handleSumMs += s64 * b.handleSumMs; handleCount += sign * b.handleCount
    }

    /// True when the tally has a consult, an outreach or a ticket: the agent was active (SPEC §8).
    public var isActive: Bool { consults > 0 || outreach > 0 || tickets > 0 }
}

@inline(__always) func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

/// `a / b` rounded half away from zero, in integers (b > 0).
@inline(__always) public func roundedDivision(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b, r = a % b
    if 2 * abs(r) >= b { return a >= 0 ? q + 1 : q - 1 }
    return q
}
