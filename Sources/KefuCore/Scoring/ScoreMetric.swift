/// A metric a scorecard item can score, named as in `kefu report --format json`.
public enum ScoreMetric: String, Sendable, CaseIterable, Codable {
    case frt = "frt_s"
    case art = "art_s"
    case replyRate = "reply_rate"
    case slowRatio = "slow_ratio"
    case fastRate = "fast_rate"
    case satisfaction
    case ratingMean = "rating_mean"
    case conversion
    case inquiryOrderRate = "inquiry_order_rate"
    case aov = "aov_fen"
    case itemsPerBuyer = "items_per_buyer"
    case sales = "sales_fen"
    case paidOrders = "paid_orders"
    case receptions
    case validConversations = "valid_conversations"
    /// Receptions plus callback tickets (回访), the aftersale volume item.
    case receptionsAndCallbacks = "receptions_callbacks"
    case refundRate = "refund_rate"
    case resolutionRate = "resolution_rate"
    case errorRate = "error_rate"
    case aqRatio = "aq_ratio"

    /// Whether a smaller value is better (response times, refunds, errors, slow turns).
    public var lowerIsBetter: Bool {
        switch self {
        case .frt, .art, .slowRatio, .refundRate, .errorRate: return true
        default: return false
        }
    }

    /// The value of this metric in an agent's figures; nil is "no data".
    public func value(in m: AgentMetrics) -> Double? {
        switch self {
        case .frt: return m.frtSeconds
        case .art: return m.artSeconds
        case .replyRate: return m.replyRate
        case .slowRatio: return m.slowRatio
        case .fastRate: return m.fastRate
        case .satisfaction: return m.satisfaction
        case .ratingMean: return m.ratingMean
        case .conversion: return m.conversion
        case .inquiryOrderRate: return m.inquiryOrderRate
        case .aov: return m.aovFen.map(Double.init)
        case .itemsPerBuyer: return m.itemsPerBuyer
        case .sales: return Double(m.tally.salesFen)
        case .paidOrders: return Double(m.tally.paidOrders)
        case .receptions: return Double(m.tally.receptions)
        case .validConversations: return Double(m.tally.validConversations)
        case .receptionsAndCallbacks: return Double(m.tally.receptions + m.tally.callbackTickets)
        case .refundRate: return m.refundRate
        case .resolutionRate: return m.resolutionRate
        case .errorRate: return m.errorRate
        case .aqRatio: return m.aqRatio
        }
    }
}
