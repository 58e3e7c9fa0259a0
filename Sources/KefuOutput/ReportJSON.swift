import KefuCore

/// `kefu report --format json`: exactly the shape of SPEC §10 (`period` echoes `from`, `to` and,
/// when one was given, `as_of`).
public enum ReportJSON {
    /// The report as JSON text (pretty-printed, keys in SPEC order).
    public static func render(_ report: Report, zone: ShopTimeZone, pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.beginObject("period")
        w.field("from", report.period.from.description)
        w.field("to", report.period.to.description)
        if let asOf = report.asOf { w.field("as_of", Timestamp.format(asOf, zone: zone)) }
        w.endObject()
        w.field("rule", report.rule.rawValue)
        w.beginArray("agents")
        for a in report.agents {
            w.beginObject()
            w.field("agent_id", a.agentID)
            w.field("name", a.name)
            w.field("role", a.role?.rawValue)
            w.field("group", a.group)
            metrics(a.tally, into: &w)
            w.field("score", a.score)
            w.field("rank", a.rank)
            w.field("warning", a.warning)
            w.field("top_share", a.topShare)
            w.beginArray("scorecard")
            for line in a.scorecard {
                w.beginObject()
                w.field("metric", line.metric.rawValue)
                w.field("weight", line.weight)
                w.field("actual", line.actual)
                w.field("baseline", line.baseline)
                w.field("achievement", line.achievement)
                w.field("points", line.points)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginObject("team")
        metrics(report.team.tally, into: &w)
        w.field("silent_sales_fen", report.team.silentSalesFen)
        w.field("silent_orders", report.team.silentOrders)
        w.endObject()
        w.endObject()
        return w.text + "\n"
    }

    /// The metric fields shared by agents and the team, in SPEC §10 order.
    static func metrics(_ t: Tally, into w: inout JSONWriter) {
        for column in MetricColumn.all { column.write(t, into: &w) }
    }
}

/// One metric of SPEC §10: its JSON/CSV name and how to read it from a tally.
struct MetricColumn: Sendable {
    enum Value { case count(Int), fen(Fen), optionalFen(Fen?), number(Double?) }
    let key: String
    let read: @Sendable (Tally) -> Value

    func write(_ t: Tally, into w: inout JSONWriter) {
        switch read(t) {
        case .count(let v): w.field(key, v)
        case .fen(let v): w.field(key, v)
        case .optionalFen(let v): w.field(key, v)
        case .number(let v): w.field(key, v)
        }
    }

    func csv(_ t: Tally) -> String {
        switch read(t) {
        case .count(let v): return String(v)
        case .fen(let v): return String(v)
        case .optionalFen(let v): return v.map { String($0) } ?? ""
        case .number(let v): return v.map { JSONWriter().number($0) } ?? ""
        }
    }

    static let all: [MetricColumn] = [
        .init(key: "consults") { .count($0.consults) },
        .init(key: "receptions") { .count($0.receptions) },
        .init(key: "reply_rate") { .number($0.replyRate) },
        .init(key: "outreach") { .count($0.outreach) },
        .init(key: "valid_conversations") { .count($0.validConversations) },
        .init(key: "frt_s") { .number($0.frtSeconds) },
        .init(key: "art_s") { .number($0.artSeconds) },
        .init(key: "slow_ratio") { .number($0.slowRatio) },
        .init(key: "outliers") { .count($0.outliers) },
        .init(key: "aq_ratio") { .number($0.aqRatio) },
        .init(key: "inquiries") { .count($0.inquiries) },
        .init(key: "fast_rate") { .number($0.fastRate) },
        .init(key: "long_receptions") { .count($0.longReceptions) },
        .init(key: "inquiry_order_rate") { .number($0.inquiryOrderRate) },
        .init(key: "conversion") { .number($0.conversion) },
        .init(key: "assist_orders") { .count($0.assistOrders) },
        .init(key: "assist_fen") { .fen($0.assistFen) },
        .init(key: "sales_fen") { .fen($0.salesFen) },
        .init(key: "paid_orders") { .count($0.paidOrders) },
        .init(key: "paid_buyers") { .count($0.paidBuyers) },
        .init(key: "aov_fen") { .optionalFen($0.aovFen) },
        .init(key: "items") { .count($0.items) },
        .init(key: "items_per_buyer") { .number($0.itemsPerBuyer) },
        .init(key: "refund_fen") { .fen($0.refundFen) },
        .init(key: "refund_rate") { .number($0.refundRate) },
        .init(key: "satisfaction") { .number($0.satisfaction) },
        .init(key: "rating_mean") { .number($0.ratingMean) },
        .init(key: "tickets") { .count($0.tickets) },
        .init(key: "resolution_rate") { .number($0.resolutionRate) },
        .init(key: "error_rate") { .number($0.errorRate) },
        .init(key: "handle_time_s") { .number($0.handleSeconds) },
    ]
}
