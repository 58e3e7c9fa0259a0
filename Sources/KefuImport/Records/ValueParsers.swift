import KefuCore

/// Why one row (or JSON line) is bad; the loader adds `file:line: `.
public struct RowError: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// The value rules of SPEC §2, shared by CSV and JSON Lines: English words match
/// case-insensitively, Chinese words exactly, both after trimming spaces.
enum ValueParsers {
    static func role(_ v: String) throws(RowError) -> Role {
        switch v.lowercased() {
        case "presale", "售前": return .presale
        case "aftersale", "售后": return .aftersale
        case "vip": return .vip
        default: throw RowError("unknown role \(quoted(v)) (expected presale/售前, aftersale/售后 or vip/VIP)")
        }
    }

    static func sender(_ v: String) throws(RowError) -> Sender {
        switch v.lowercased() {
        case "buyer", "买家": return .buyer
        case "agent", "客服": return .agent
        default: throw RowError("unknown sender \(quoted(v)) (expected buyer/买家 or agent/客服)")
        }
    }

    /// 1/0, true/false, 是/否; empty is false.
    static func auto(_ v: String?) throws(RowError) -> Bool {
        guard let v, !v.isEmpty else { return false }
        switch v.lowercased() {
        case "1", "true", "是": return true
        case "0", "false", "否": return false
        default: throw RowError("unknown auto \(quoted(v)) (expected 1/0, true/false or 是/否)")
        }
    }

    /// 1–5, or 很满意 5, 满意 4, 一般 3, 不满 2, 很不满 1.
    static func score(_ v: String) throws(RowError) -> Int {
        switch v {
        case "很满意": return 5
        case "满意": return 4
        case "一般": return 3
        case "不满": return 2
        case "很不满": return 1
        default:
            if let n = Int(v), (1...5).contains(n) { return n }
            throw RowError("bad score \(quoted(v)) (expected 1–5 or 很满意/满意/一般/不满/很不满)")
        }
    }

    static func ticketKind(_ v: String) throws(RowError) -> TicketKind {
        switch v.lowercased() {
        case "logistics", "物流": return .logistics
        case "return", "退货": return .return
        case "exchange", "换货": return .exchange
        case "review", "评价": return .review
        case "callback", "回访": return .callback
        case "other", "其他": return .other
        default:
            throw RowError("unknown kind \(quoted(v)) (expected logistics/物流, return/退货, exchange/换货, review/评价, callback/回访 or other/其他)")
        }
    }

    static func ticketStatus(_ v: String) throws(RowError) -> TicketStatus {
        switch v.lowercased() {
        case "resolved", "已解决": return .resolved
        case "unresolved", "未解决": return .unresolved
        case "error", "出错": return .error
        default: throw RowError("unknown status \(quoted(v)) (expected resolved/已解决, unresolved/未解决 or error/出错)")
        }
    }

    /// An instant; `column` names the field in the error unless it is the plain `ts`.
    static func instant(_ v: String, column: Column, zone: ShopTimeZone) throws(RowError) -> Instant {
        if let t = Timestamp.parse(v, zone: zone) { return t }
        let place = column == .ts ? "" : " in \(column.rawValue)"
        throw RowError("unparseable time \(quoted(v))\(place)")
    }

    /// Yuan to fen, with the reason when it is not a valid amount.
    static func fen(_ v: String, column: Column) throws(RowError) -> Fen {
        if let f = Yuan.fen(v) { return f }
        let name = column.rawValue
        if v.hasPrefix("-"), Yuan.fen(v.dropFirst()) != nil || hasLongFraction(v.dropFirst()) {
            throw RowError("\(name) \(quoted(v)) is negative")
        }
        if hasLongFraction(Substring(v)) { throw RowError("\(name) \(quoted(v)) has more than 2 decimals") }
        throw RowError("\(name) \(quoted(v)) is not an amount in yuan")
    }

    /// Digits, a dot, and three or more digits.
    private static func hasLongFraction(_ v: Substring) -> Bool {
        let parts = v.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count > 2 else { return false }
        let digits = parts[0].filter { $0 != "," } + parts[1]
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// An integer ≥ 1 (grade, items).
    static func positiveInt(_ v: String, column: Column) throws(RowError) -> Int {
        guard let n = Int(v), n >= 1 else {
            throw RowError("bad \(column.rawValue) \(quoted(v)) (expected an integer ≥ 1)")
        }
        return n
    }

    static func date(_ v: String, column: Column) throws(RowError) -> LocalDate {
        guard let d = LocalDate(v) else { throw RowError("unparseable \(column.rawValue) \(quoted(v)) (expected YYYY-MM-DD)") }
        return d
    }

    static func month(_ v: String) throws(RowError) -> Month {
        guard let m = Month(v) else { throw RowError("unparseable month \(quoted(v)) (expected YYYY-MM)") }
        return m
    }

    /// A finite, non-negative number of points.
    static func points(_ v: String) throws(RowError) -> Double {
        guard let p = Double(v), p.isFinite, !v.contains(where: { $0.isLetter }) else {
            throw RowError("points \(quoted(v)) is not a number")
        }
        guard p >= 0 else { throw RowError("points \(quoted(v)) is negative") }
        return p
    }

    /// `HH:MM` (or `H:MM`) to minutes after midnight; `24:00` is allowed as a shift's end.
    static func clock(_ v: String, column: Column) throws(RowError) -> Int {
        let parts = v.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
           parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
           let h = Int(parts[0]), let m = Int(parts[1]), h >= 0, m >= 0, m <= 59,
           h <= 23 || (h == 24 && m == 0 && column == .end) {
            return h * 60 + m
        }
        throw RowError("unparseable \(column.rawValue) \(quoted(v)) (expected HH:MM)")
    }

    static func quoted(_ v: some StringProtocol) -> String { "\"\(v)\"" }
}
