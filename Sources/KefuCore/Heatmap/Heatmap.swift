/// The load heatmap of SPEC §9: local day (or weekday) × hour 0–23.
///
/// Cells are placed by local time of the instant concerned, whatever day the conversation
/// belongs to (a conversation kept on 11-10 by the cross-midnight rule still loads 11-11 00 h).
/// - **consults**: conversations with a buyer message, in the hour of their first message.
/// - **buyer messages**: buyer messages by their own timestamp.
/// - **concurrency**: conversations open during the hour, time-averaged (the conversation-time
///   from first to last message inside the hour ÷ 1 h; a one-message conversation adds nothing),
///   divided by the online agents: those on shift for any part of the hour, plus those with a
///   conversation open in it. Nil when no agent is online.
/// - **response time**: mean over the answered turns opened in the hour that are not outliers
///   (`thresholds.outlierMs`), in seconds. Nil when there is none.
///
/// By weekday, a row pools the period's days of that weekday: counts are the mean per day
/// (over every day of that weekday in the period), ratios are pooled (Σ numerators ÷ Σ
/// denominators). Weekdays the period does not contain are nil rows.
public enum Heatmap {
    /// The grid of `metric` over `days`. `messages` is read only for `.buyerMessages` (a
    /// conversation holds counts, not message times); `shifts` only for `.concurrency`.
    public static func build(conversations: [Conversation], messages: [Message], shifts: some Sequence<Shift>, zone: ShopTimeZone,
                             days: Period, metric: HeatmapMetric, byWeekday: Bool, thresholds: Thresholds) -> HeatmapGrid {
        sums(conversations: conversations, messages: messages, shifts: shifts, zone: zone, days: days, thresholds: thresholds)
            .grid(metric, byWeekday: byWeekday)
    }

    /// The sums behind every metric's grid over `days`, in one pass.
    public static func sums(conversations: [Conversation], messages: [Message], shifts: some Sequence<Shift>, zone: ShopTimeZone,
                            days: Period, thresholds: Thresholds) -> HeatmapSums {
        var sums = HeatmapSums(days: days, zone: zone, thresholds: thresholds)
        var keys: [String: Int32] = [:]
        for conv in conversations {
            let key = keys[conv.agent] ?? Int32(keys.count)
            keys[conv.agent] = key
            sums.add(conv, agent: key)
        }
        for m in messages where m.sender == .buyer { sums.addBuyerMessage(at: m.ts) }
        sums.setShifts(shifts, key: { keys[$0] })
        return sums
    }
}
