/// Which agent an order is credited to (判定规则, SPEC §4).
public enum AttributionRule: String, Sendable, CaseIterable, Codable {
    /// 下单判定: the agent whose latest non-auto message precedes the order within the window.
    case order
    /// 付款判定: the agent whose latest non-auto message precedes the payment within the window.
    case payment
    /// 下单优先判定: the order agent if there is one, else the payment agent.
    case orderFirst = "order-first"
}
