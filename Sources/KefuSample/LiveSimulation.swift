import KefuCore

/// A shop's records as they would arrive live, for the demo: the same data as
/// `SampleGenerator`, replayed in time order, each record when it happens.
///
/// An order first arrives unpaid at `createdAt`, then again with its `paidAt` when paid; a
/// ticket arrives open, then with its final status at `closedAt`; refunds arrive at
/// `refundedAt`: late records that update the past, as a real feed sends them.
///
/// ```swift
/// var sim = LiveSimulation(agents: 12, seed: 1, day: today, historyDays: 14)
/// store(sim.history())                       // agents, QA, and the 14 days before today
/// every second: store(sim.advance(to: now))  // today's records up to now
/// ```
///
/// Days are generated as the clock reaches them, so the simulation can run past midnight.
public struct LiveSimulation: Sendable {
    /// The simulation's "today"; history starts `historyDays` before it.
    public let day: LocalDate
    public let zone: ShopTimeZone
    private let generator: SampleGenerator
    private var nextDay: LocalDate
    private let firstDay: LocalDate
    /// Events not yet returned, sorted by time (from `cursor` on).
    private var pending: [TimedRecord] = []
    private var cursor = 0
    private var seq = 0

    /// - Parameters:
    ///   - agents: number of agents (≥ 1).
    ///   - day: today, in shop-local time.
    ///   - historyDays: days of history before `day` (≥ 0).
    ///   - scale: buyer traffic multiplier (1 ≈ 7,000 messages a day for 12 agents).
    public init(agents: Int = 12, seed: UInt64 = 1, day: LocalDate, historyDays: Int = 14,
                scale: Double = 1, zone: ShopTimeZone = .shanghai) {
        precondition(historyDays >= 0, "historyDays must be ≥ 0")
        self.day = day
        self.zone = zone
        firstDay = day.adding(days: -historyDays)
        nextDay = firstDay
        generator = SampleGenerator(agents: agents, days: 0, seed: seed, scale: scale, start: firstDay, zone: zone)
        for agent in generator.agents { add(Instant.min, .agent(agent)) }
    }

    /// The agents of the simulated shop.
    public var agents: [Agent] { generator.agents }

    /// Everything before today: the agents, QA points, and the history days' records (orders
    /// paid after today began arrive unpaid here, and paid from `advance`).
    public mutating func history() -> [Record] {
        advance(to: zone.startOfDay(day) - 1)
    }

    /// The records stamped at or before `now` that were not returned yet, in time order.
    public mutating func advance(to now: Instant) -> [Record] {
        while zone.startOfDay(nextDay) <= now {
            generate(nextDay)
            nextDay = nextDay.adding(days: 1)
        }
        var out: [Record] = []
        while cursor < pending.count, pending[cursor].time <= now {
            out.append(pending[cursor].record)
            cursor += 1
        }
        return out
    }

    /// The instant a record arrives at in the simulation: a message's `ts`, an order's
    /// `paidAt` (or `createdAt` while unpaid), a refund's `refundedAt`, a rating's `ts`, a
    /// ticket's `closedAt` (or `openedAt` while open), a shift's local midnight. nil for
    /// agents and QA points, which have no time.
    public func arrival(of record: Record) -> Instant? {
        switch record {
        case .agent, .qa: return nil
        case .message(let m): return m.ts
        case .order(let o): return o.paidAt ?? o.createdAt
        case .refund(let r): return r.refundedAt
        case .rating(let r): return r.ts
        case .ticket(let t): return t.closedAt ?? t.openedAt
        case .shift(let s): return zone.startOfDay(s.date)
        }
    }

    private mutating func add(_ time: Instant, _ record: Record) {
        pending.append(TimedRecord(time: time, seq: seq, record: record))
        seq += 1
    }

    /// Generates a day and splits each record into the events by which it arrives.
    private mutating func generate(_ date: LocalDate) {
        pending.removeFirst(cursor)
        cursor = 0
        var day = generator.dayGenerator(date, first: date == firstDay)
        while let block = day.nextBlock() {
            for item in block {
                switch item.record {
                case .order(let o) where o.paidAt.map({ $0 > o.createdAt }) ?? false:
                    var unpaid = o
                    unpaid.paidAt = nil
                    add(o.createdAt, .order(unpaid))
                    add(o.paidAt!, item.record)
                case .ticket(let t) where t.closedAt != nil:
                    var open = t
                    open.closedAt = nil
                    open.status = .unresolved
                    add(t.openedAt, .ticket(open))
                    add(t.closedAt!, item.record)
                default:
                    add(item.time, item.record)
                }
            }
        }
        pending.sort(by: TimedRecord.inOrder)
    }
}
