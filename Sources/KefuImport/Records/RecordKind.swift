import KefuCore

/// The kinds of record file of SPEC §2, in the order a data set loads them (orders before
/// refunds, so a refund can be checked against its order).
public enum RecordKind: String, Sendable, CaseIterable {
    case agent, order, message, refund, rating, ticket, qa, shift

    /// The CSV file name (`agents.csv`); `qa.csv` is the one without a plural.
    public var fileName: String { "\(fileStem).csv" }

    /// The file name without `.csv`: `agents`, `orders`, ..., `qa`.
    public var fileStem: String { self == .qa ? "qa" : "\(rawValue)s" }

    /// The kind a CSV file holds, judged by its name: `orders.csv`, or a name starting with the
    /// stem and a separator (`orders-2026-11.csv`, `orders_双11.csv`). Case-insensitive.
    public static func forCSV(named name: String) -> RecordKind? {
        let lower = name.lowercased()
        guard lower.hasSuffix(".csv") else { return nil }
        let stem = lower.dropLast(4)
        return allCases.first { kind in
            guard stem.hasPrefix(kind.fileStem) else { return false }
            let rest = stem.dropFirst(kind.fileStem.count)
            return rest.isEmpty || rest.first == "-" || rest.first == "_" || rest.first == "." || rest.first == " "
        }
    }

    /// The columns of this kind's file, with their Chinese aliases, in SPEC order.
    public var columns: [ColumnSpec] {
        switch self {
        case .agent: return [.init(.agentID, "客服账号", required: true), .init(.name, "姓名"), .init(.role, "岗位", required: true),
                             .init(.group, "组"), .init(.grade, "等级"), .init(.hiredOn, "入职日期")]
        case .message: return [.init(.ts, "时间", required: true), .init(.buyerID, "买家", required: true),
                               .init(.agentID, "客服账号", required: true), .init(.sender, "发送方", required: true),
                               .init(.auto, "自动回复"), .init(.text, "内容")]
        case .order: return [.init(.orderID, "订单号", required: true), .init(.buyerID, "买家", required: true),
                             .init(.createdAt, "下单时间", required: true), .init(.paidAt, "付款时间", required: true),
                             .init(.amount, "实付金额", required: true), .init(.items, "件数", required: true)]
        case .refund: return [.init(.orderID, "订单号", required: true), .init(.refundedAt, "退款时间", required: true),
                              .init(.amount, "退款金额", required: true)]
        case .rating: return [.init(.ts, "时间", required: true), .init(.buyerID, "买家", required: true),
                              .init(.agentID, "客服账号", required: true), .init(.score, "评价", required: true)]
        case .ticket: return [.init(.ticketID, "工单号", required: true), .init(.agentID, "客服账号", required: true),
                              .init(.kind, "类型", required: true), .init(.openedAt, "创建时间", required: true),
                              .init(.closedAt, "完结时间", required: true), .init(.status, "状态", required: true)]
        case .qa: return [.init(.month, "月份", required: true), .init(.agentID, "客服账号", required: true),
                          .init(.points, "通用KPI分", required: true)]
        case .shift: return [.init(.agentID, "客服账号", required: true), .init(.date, "日期", required: true),
                             .init(.start, "上班", required: true), .init(.end, "下班", required: true)]
        }
    }
}

/// A column (CSV) or key (JSON Lines) of a record, named as in SPEC §2.
public enum Column: String, Sendable, CaseIterable {
    case agentID = "agent_id", name, role, group, grade, hiredOn = "hired_on"
    case ts, buyerID = "buyer_id", sender, auto, text
    case orderID = "order_id", createdAt = "created_at", paidAt = "paid_at", amount, items
    case refundedAt = "refunded_at", score
    case ticketID = "ticket_id", kind, openedAt = "opened_at", closedAt = "closed_at", status
    case month, points, date, start, end

    /// A dense index, for column tables.
    var ordinal: Int { Column.ordinals[self]! }
    private static let ordinals: [Column: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

/// A column of a record file: its English name, Chinese alias, and whether the file must have it.
public struct ColumnSpec: Sendable {
    public var column: Column
    public var alias: String
    /// A file without this column is rejected (its values may still be optional, e.g. `paid_at`).
    public var required: Bool

    init(_ column: Column, _ alias: String, required: Bool = false) {
        self.column = column; self.alias = alias; self.required = required
    }
}
