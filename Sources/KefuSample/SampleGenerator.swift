import KefuCore

/// A realistic, seeded data set of a shop's customer service (SPEC §2 records): agents,
/// their shifts and QA points, buyer chats following the daily load curve and the 双11 spike,
/// orders, payments, refunds, ratings and tickets.
///
/// The same parameters give the same records, in the same order, on every platform. Records
/// are generated lazily, an hour of traffic at a time, so a large scale streams in constant
/// memory:
///
/// ```swift
/// for record in SampleGenerator(agents: 12, days: 14, seed: 1) { book.add(record) }
/// ```
///
/// Order: the agents, then day by day the day's shifts (and QA points at the start and on the
/// 1st of a month), then hour by hour the records of the chats starting in that hour, sorted
/// by time within the hour. Records that a chat leads to later (an order the next morning, a
/// refund days later) come with that chat, carrying their final state (an order with its
/// `paidAt`); `LiveSimulation` replays them at their own times instead.
public struct SampleGenerator: Sendable, Sequence {
    /// 2026-11-01: with the default 14 days, 双11 (and its eve) fall inside the data set.
    public static let defaultStart = LocalDate(year: 2026, month: 11, day: 1)!

    public let days: Int
    public let seed: UInt64
    /// Multiplies the buyer traffic: 1 ≈ 100k messages for 12 agents over 14 days.
    public let scale: Double
    public let start: LocalDate
    public let zone: ShopTimeZone
    public let roster: SampleRoster

    /// - Parameters:
    ///   - agents: number of agents (≥ 1).
    ///   - days: number of days (≥ 0), from `start`.
    ///   - scale: buyer traffic multiplier (> 0).
    public init(agents: Int = 12, days: Int = 14, seed: UInt64 = 1, scale: Double = 1,
                start: LocalDate = SampleGenerator.defaultStart, zone: ShopTimeZone = .shanghai) {
        precondition(days >= 0 && scale > 0, "days must be ≥ 0 and scale > 0")
        self.days = days
        self.seed = seed
        self.scale = scale
        self.start = start
        self.zone = zone
        roster = SampleRoster(count: agents, seed: seed, hiredBefore: start)
    }

    /// The generated agents (`agents.csv`).
    public var agents: [Agent] { roster.agents }

    public func makeIterator() -> Iterator { Iterator(self) }

    /// Generator of one day's records, in blocks (the live simulation uses it too).
    func dayGenerator(_ date: LocalDate, first: Bool) -> DayGenerator {
        DayGenerator(roster: roster, seed: seed, scale: scale, zone: zone, date: date,
                     includeQA: first || date.civil.day == 1)
    }

    /// Walks the data set lazily, one hour block at a time.
    public struct Iterator: IteratorProtocol {
        private let generator: SampleGenerator
        private var pendingAgents: [Agent]
        private var dayIndex = 0
        private var day: DayGenerator?
        private var block: [TimedRecord] = []
        private var position = 0

        init(_ generator: SampleGenerator) {
            self.generator = generator
            pendingAgents = generator.agents.reversed()
        }

        public mutating func next() -> Record? {
            if let agent = pendingAgents.popLast() { return .agent(agent) }
            while position == block.count {
                if day == nil {
                    guard dayIndex < generator.days else { return nil }
                    day = generator.dayGenerator(generator.start.adding(days: dayIndex), first: dayIndex == 0)
                    dayIndex += 1
                }
                if let next = day!.nextBlock() {
                    block = next
                    position = 0
                } else {
                    day = nil
                }
            }
            position += 1
            return block[position - 1].record
        }
    }
}
