import KefuCore

/// The screen language: 中文 or English.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The label in this language.
    @inline(__always) public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    /// From `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set): English when it starts with `en`,
    /// Chinese otherwise (the product's users are in China; zh when unsure).
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("en") ? .en : .zh }
        }
        return .zh
    }

    public var other: Language { self == .zh ? .en : .zh }

    public func role(_ role: Role?) -> String {
        switch role {
        case .presale: return pick("售前", "Pre")
        case .aftersale: return pick("售后", "After")
        case .vip: return "VIP"
        case nil: return pick("未知", "?")
        }
    }

    public func rule(_ rule: AttributionRule) -> String {
        switch rule {
        case .order: return pick("下单判定", "order")
        case .payment: return pick("付款判定", "payment")
        case .orderFirst: return pick("下单优先", "order-first")
        }
    }

    /// 0 = Monday.
    public func weekday(_ d: Int) -> String {
        pick(["周一", "周二", "周三", "周四", "周五", "周六", "周日"][d], ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d])
    }
}
