import KefuCore

/// Names and definitions (SPEC §3–§5) of scorecard metrics, for the drill-down and its `?` help.
public enum MetricText {
    public static func name(_ m: ScoreMetric, _ l: Language) -> String {
        switch m {
        case .frt: return l.pick("首响", "FRT")
        case .art: return l.pick("平均响应", "ART")
        case .replyRate: return l.pick("回复率", "Reply rate")
        case .slowRatio: return l.pick("慢响应占比", "Slow ratio")
        case .fastRate: return l.pick("30秒应答率", "Fast rate")
        case .satisfaction: return l.pick("满意率", "Satisfaction")
        case .ratingMean: return l.pick("平均评分", "Rating mean")
        case .conversion: return l.pick("询单→付款", "Conversion")
        case .inquiryOrderRate: return l.pick("询单→下单", "Inq→order")
        case .aov: return l.pick("客单价", "AOV")
        case .itemsPerBuyer: return l.pick("客件数", "Items/buyer")
        case .sales: return l.pick("销售额", "Sales")
        case .paidOrders: return l.pick("成交订单", "Paid orders")
        case .receptions: return l.pick("接待人数", "Receptions")
        case .validConversations: return l.pick("有效接待", "Valid convs")
        case .receptionsAndCallbacks: return l.pick("接待+回访", "Recept+callb")
        case .refundRate: return l.pick("退款率", "Refund rate")
        case .resolutionRate: return l.pick("解决率", "Resolution")
        case .errorRate: return l.pick("出错率", "Error rate")
        case .aqRatio: return l.pick("答问比", "A/Q ratio")
        }
    }

    public static func definition(_ m: ScoreMetric, _ l: Language) -> String {
        switch m {
        case .frt: return l.pick("每个会话首个提问到首次人工回复的平均秒数(超时异常除外)",
                                 "mean seconds from a conversation's first question to its first human answer (outliers excluded)")
        case .art: return l.pick("已回复轮次的平均响应秒数(超时异常除外)", "mean response seconds over answered turns (outliers excluded)")
        case .replyRate: return l.pick("接待人数 ÷ 咨询人数", "receptions ÷ consults")
        case .slowRatio: return l.pick("超过60秒的轮次 ÷ 已回复轮次", "turns slower than 60 s ÷ answered turns")
        case .fastRate: return l.pick("30秒内回复的轮次 ÷ 全部轮次", "turns answered within 30 s ÷ all turns")
        case .satisfaction: return l.pick("4分及以上评价 ÷ 全部评价", "ratings of 4 or 5 ÷ all ratings")
        case .ratingMean: return l.pick("评价平均分", "mean rating score")
        case .conversion: return l.pick("最终付款的询单 ÷ 询单人数", "inquiries whose order was paid ÷ inquiries")
        case .inquiryOrderRate: return l.pick("下单的询单 ÷ 询单人数", "inquiries that ordered ÷ inquiries")
        case .aov: return l.pick("销售额 ÷ 付款买家数", "sales ÷ paying buyers")
        case .itemsPerBuyer: return l.pick("件数 ÷ 付款买家数", "items ÷ paying buyers")
        case .sales: return l.pick("归属本人且在期内付款的订单金额", "amount of credited orders paid in the period")
        case .paidOrders: return l.pick("归属本人且在期内付款的订单数", "credited orders paid in the period")
        case .receptions: return l.pick("客服有人工回复的咨询", "consults the agent answered by hand")
        case .validConversations: return l.pick("时长至少30秒的接待", "receptions lasting at least 30 s")
        case .receptionsAndCallbacks: return l.pick("接待人数 + 回访工单", "receptions + callback tickets")
        case .refundRate: return l.pick("退款金额 ÷ 销售额", "refunds ÷ sales")
        case .resolutionRate: return l.pick("已解决工单 ÷ 工单数", "resolved tickets ÷ tickets")
        case .errorRate: return l.pick("出错工单 ÷ 工单数", "tickets in error ÷ tickets")
        case .aqRatio: return l.pick("客服人工消息 ÷ 买家消息", "agent messages ÷ buyer messages")
        }
    }

    /// The metric's value formatted in its unit, `—` for no data.
    public static func format(_ m: ScoreMetric, _ v: Double?) -> String {
        guard let v else { return Formats.none }
        switch m {
        case .frt, .art: return Formats.seconds(v)
        case .replyRate, .slowRatio, .fastRate, .satisfaction, .conversion, .inquiryOrderRate, .refundRate,
             .resolutionRate, .errorRate: return Formats.percent(v)
        case .aov, .sales: return Formats.money(Fen(v.rounded()))
        case .ratingMean, .itemsPerBuyer, .aqRatio: return Formats.decimal(v, 2)
        case .paidOrders, .receptions, .validConversations, .receptionsAndCallbacks: return Formats.count(Int(v.rounded()))
        }
    }
}
