import KefuCore

/// A sample agent: the `agents.csv` row plus the hidden skills that shape its records.
public struct SampleAgentProfile: Sendable, Equatable {
    public var agent: Agent
    public var role: Role
    /// Multiplies the chance of a slow answer: below 1 is a fast agent, above 1 a slow one.
    public var slowness: Double
    /// Chance that a buyer this agent serves places an order (presale and VIP sell, aftersale rarely).
    public var conversion: Double
    /// How far up the price list this agent sells (0 = cheapest items); drives AOV (客单价).
    public var upsell: Int
    /// Chance that a turn is never answered, on shift.
    public var unansweredRate: Double
    /// Chance of an auto reply (自动回复) right after a buyer's first message.
    public var autoReplyRate: Double
    /// Extra weight on 5-star ratings (0–20).
    public var charm: Int
    /// Chance that a ticket ends in `error`.
    public var ticketErrorRate: Double
    /// The agent's usual shift.
    public var shift: ShiftPattern
    /// The weekday (0 = Monday) the agent is off, except on sale days.
    public var dayOff: Int
}

/// A daily shift (班次) in shop-local minutes; `end <= start` ends the next day.
public struct ShiftPattern: Sendable, Equatable {
    public var start: Int
    public var end: Int

    public static let morning = ShiftPattern(start: 8 * 60 + 30, end: 17 * 60 + 30)
    public static let day = ShiftPattern(start: 10 * 60, end: 19 * 60)
    public static let evening = ShiftPattern(start: 14 * 60, end: 23 * 60)
    /// 20:00–02:00, across midnight.
    public static let night = ShiftPattern(start: 20 * 60, end: 2 * 60)

    /// Whether local minute `m` (0–1439) of the shift's own day is inside it.
    func coversSameDay(_ m: Int) -> Bool { end > start ? (m >= start && m < end) : m >= start }
    /// Whether local minute `m` of the next day is inside the shift's overnight part.
    func coversNextDay(_ m: Int) -> Bool { end <= start && m < end }
}

/// The shop's agents: roles split presale / aftersale / VIP, each with its own skills and shift.
public struct SampleRoster: Sendable {
    public let profiles: [SampleAgentProfile]
    /// Indices into `profiles` by role.
    let byRole: [Role: [Int]]

    /// A roster of `count` agents (≥ 1): about 60% presale, 25% aftersale, 15% VIP; one agent
    /// is presale, two are presale + aftersale, VIP appears from five agents on.
    public init(count: Int, seed: UInt64, hiredBefore start: LocalDate) {
        precondition(count >= 1, "a shop needs at least one agent")
        var rng = SampleRandom(seed: seed, stream: 0xA6E7)
        let vip = count >= 5 ? max(1, count * 15 / 100) : 0
        let aftersale = count >= 2 ? max(1, count / 4) : 0
        let roles = Array(repeating: Role.presale, count: count - vip - aftersale)
            + Array(repeating: Role.aftersale, count: aftersale) + Array(repeating: Role.vip, count: vip)
        let presaleShifts: [ShiftPattern] = [.morning, .day, .evening, .night, .day, .morning, .evening]
        let aftersaleShifts: [ShiftPattern] = [.day, .morning, .evening]
        let vipShifts: [ShiftPattern] = [.day, .evening]
        var profiles: [SampleAgentProfile] = []
        var byRole: [Role: [Int]] = [:]
        var presaleSeen = 0
        for (i, role) in roles.enumerated() {
            let rank = byRole[role, default: []].count
            let group: String
            let shift: ShiftPattern
            switch role {
            case .presale:
                group = presaleSeen % 2 == 0 ? "售前一组" : "售前二组"
                presaleSeen += 1
                shift = presaleShifts[rank % presaleShifts.count]
            case .aftersale:
                group = "售后组"
                shift = aftersaleShifts[rank % aftersaleShifts.count]
            case .vip:
                group = "VIP组"
                shift = vipShifts[rank % vipShifts.count]
            }
            let hired = start.adding(days: -rng.int(in: 45...2600))
            let agent = Agent(id: SampleNames.shop + ":" + SampleNames.nickname(i),
                              name: SampleNames.personName(&rng), role: role, group: group,
                              grade: rng.weighted([30, 35, 25, 10]) + 1, hiredOn: hired)
            let conversion: Double
            switch role {
            case .presale: conversion = 0.22 + 0.25 * rng.unit()
            case .vip: conversion = 0.38 + 0.22 * rng.unit()
            case .aftersale: conversion = 0.02 + 0.04 * rng.unit()
            }
            profiles.append(SampleAgentProfile(
                agent: agent, role: role,
                slowness: 0.5 + 1.3 * rng.unit(),
                conversion: conversion,
                upsell: role == .vip ? 0 : rng.below(4),
                unansweredRate: 0.005 + 0.035 * rng.unit(),
                autoReplyRate: 0.2 + 0.6 * rng.unit(),
                charm: rng.below(21),
                ticketErrorRate: 0.03 + 0.15 * rng.unit(),
                shift: shift,
                dayOff: (i * 3 + 1) % 7))
            byRole[role, default: []].append(i)
        }
        self.profiles = profiles
        self.byRole = byRole
    }

    /// The agents, as `agents.csv` lists them.
    public var agents: [Agent] { profiles.map(\.agent) }

    /// Whether agent `i` works on `date` (everyone works the 双11 days).
    func works(_ i: Int, on date: LocalDate) -> Bool {
        SaleCalendar.isSaleDay(date) || date.weekday != profiles[i].dayOff
    }

    /// The shifts scheduled on `date`.
    func shifts(on date: LocalDate) -> [Shift] {
        profiles.indices.filter { works($0, on: date) }.map {
            Shift(agent: profiles[$0].agent.id, date: date, start: profiles[$0].shift.start, end: profiles[$0].shift.end)
        }
    }

    /// For each hour of `date`, the agents on shift at its half hour (yesterday's overnight
    /// shifts included).
    func onShift(on date: LocalDate) -> [[Int]] {
        let yesterday = date.adding(days: -1)
        return (0..<24).map { h in
            let m = h * 60 + 30
            return profiles.indices.filter { i in
                (works(i, on: date) && profiles[i].shift.coversSameDay(m))
                    || (works(i, on: yesterday) && profiles[i].shift.coversNextDay(m))
            }
        }
    }
}
