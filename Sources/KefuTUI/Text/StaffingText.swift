import KefuCore

/// How the staffing plan (SPEC §9) reads on screen: an hour's need, schedule and gap, and the
/// status marks of the heatmap's overlay. The figures are the core's; these only format them.
enum StaffingText {
    /// A count of agents: whole (`3`) or with one decimal for part-hour shifts (`2.5`).
    static func agents(_ v: Double) -> String {
        abs(v - v.rounded()) < 0.05 ? String(Int(v.rounded())) : Formats.decimal(v, 1)
    }

    /// The mark of an hour on the overlay's status row.
    static func mark(_ h: StaffingHour) -> Character {
        switch h.status {
        case .under: return "▼"
        case .over: return "▲"
        case .unknown: return "?"
        case .fine: return h.scheduled == 0 && (h.scheduledNeeded ?? 0) == 0 ? "·" : "✓"
        }
    }

    static func style(_ status: StaffingStatus, _ p: Palette) -> Style {
        switch status {
        case .under: return p.bad
        case .over: return p.warn
        case .fine: return p.good
        case .unknown: return p.muted
        }
    }

    /// `缺 2` / `多 1.5` / `够` (the gap of an hour), or `—` when the need is unknown.
    static func gap(_ h: StaffingHour, _ l: Language) -> String {
        guard let gap = h.gap else { return Formats.none }
        switch h.status {
        case .under: return l.pick("缺 ", "short ") + agents(-gap)
        case .over: return l.pick("多 ", "over ") + agents(gap)
        default: return l.pick("够", "enough")
        }
    }

    /// `需 5 排 3`: the agents to schedule and the agents on shift.
    static func needAndScheduled(_ h: StaffingHour, _ l: Language) -> String {
        l.pick("需 ", "need ") + (h.scheduledNeeded.map(String.init) ?? "?") + l.pick(" 排 ", " on ") + agents(h.scheduled)
    }

    /// `本小时(14时) 需 5 排 3 缺 2`.
    static func currentHour(_ h: StaffingHour, _ l: Language) -> String {
        l.pick("本小时(\(h.hour)时) ", "This hour (\(h.hour)h): ") + needAndScheduled(h, l) + " " + gap(h, l)
    }

    static func legend(_ l: Language) -> [(Character, StaffingStatus, String)] {
        [("▼", .under, l.pick("人手不足", "under")), ("✓", .fine, l.pick("合适", "fine")),
         ("▲", .over, l.pick("人手过剩", "over")), ("?", .unknown, l.pick("无法估计", "unknown"))]
    }

    /// The service goal the plan was sized for: `目标 80%/30秒 · 并发 3 · 缺勤 30%`.
    static func goal(_ o: StaffingOptions, _ l: Language) -> String {
        let sl = Formats.decimal(o.targetServiceLevel * 100, 0) + "%/" + Formats.decimal(Double(o.withinMs) / 1000, 0)
        return l.pick("目标 \(sl)秒 · 并发 \(o.concurrency) · 缺勤 ", "goal \(sl)s · \(o.concurrency) chats · shrinkage ")
            + Formats.decimal(o.shrinkage * 100, 0) + "%"
    }
}
