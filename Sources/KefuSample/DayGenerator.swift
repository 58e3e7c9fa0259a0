import KefuCore

/// Generates one shop-local day of records, one block at a time: first the day's shifts (and
/// the month's QA points on the first generated day and on the 1st), then one block per hour
/// with the chats that start in that hour and everything they lead to (orders, payments,
/// refunds, ratings, tickets), even when those happen later.
///
/// A day depends only on the seed, the roster, the scale and its date, so any day can be
/// generated on its own (the live simulation does), and memory holds one hour at a time.
struct DayGenerator {
    let roster: SampleRoster
    let seed: UInt64
    let zone: ShopTimeZone
    let date: LocalDate
    let includeQA: Bool
    var rng: SampleRandom
    /// Buyer chats expected on an ordinary day.
    let ordinaryChats: Double
    let weights: [Double]
    let onShift: [[Int]]
    /// Repeat buyers are drawn from this many regulars, shared by all days.
    let regulars: Int
    let aftersaleShare: Double
    let discount: Bool
    /// `yyyymmdd` for ticket ids.
    let compactDate: String

    var hour = -1
    var orderSeq = 0
    var ticketSeq = 0
    var seq = 0
    var block: [TimedRecord] = []

    init(roster: SampleRoster, seed: UInt64, scale: Double, zone: ShopTimeZone, date: LocalDate, includeQA: Bool) {
        self.roster = roster
        self.seed = seed
        self.zone = zone
        self.date = date
        self.includeQA = includeQA
        rng = SampleRandom(seed: seed, stream: 0xDA7, UInt64(bitPattern: Int64(date.day)))
        ordinaryChats = 62 * Double(roster.profiles.count) * scale
        weights = LoadCurve.weights(on: date)
        onShift = roster.onShift(on: date)
        regulars = max(100, Int(Double(roster.profiles.count) * 300 * scale))
        aftersaleShare = SaleCalendar.aftersaleShare(date)
        discount = SaleCalendar.hasDiscount(date)
        let c = date.civil
        compactDate = SampleNames.digits(Int64(c.year), width: 4) + SampleNames.digits(Int64(c.month), width: 2)
            + SampleNames.digits(Int64(c.day), width: 2)
    }

    /// The next block of records, sorted by time; nil after the day's last hour.
    mutating func nextBlock() -> [TimedRecord]? {
        guard hour < 24 else { return nil }
        block.removeAll(keepingCapacity: true)
        if hour < 0 {
            dayStart()
        } else {
            generateHour(hour)
        }
        hour += 1
        block.sort(by: TimedRecord.inOrder)
        return block
    }

    // MARK: - Emitting

    mutating func emit(_ time: Instant, _ record: Record) {
        block.append(TimedRecord(time: time, seq: seq, record: record))
        seq += 1
    }

    mutating func message(_ ts: Instant, _ buyer: String, _ agent: Int, _ sender: Sender, auto: Bool = false) {
        emit(ts, .message(Message(ts: ts, buyer: buyer, agent: roster.profiles[agent].agent.id, sender: sender, auto: auto)))
    }

    // MARK: - The day

    private mutating func dayStart() {
        let midnight = zone.startOfDay(date)
        for shift in roster.shifts(on: date) { emit(midnight, .shift(shift)) }
        guard includeQA else { return }
        let month = date.month
        for (i, p) in roster.profiles.enumerated() {
            var r = SampleRandom(seed: seed, stream: 0x9A, UInt64(month.year * 12 + month.month), UInt64(i))
            emit(midnight, .qa(QAPoints(month: month, agent: p.agent.id, points: Double(65 + r.below(34)))))
        }
    }

    private mutating func generateHour(_ h: Int) {
        let start = zone.instant(fromLocal: Int64(date.day) * 86_400_000 + Int64(h) * 3_600_000)
        let expected = ordinaryChats * weights[h] * (0.9 + 0.2 * rng.unit())
        let stress = LoadCurve.stress(on: date, hour: h)
        for _ in 0..<rng.count(expected: expected) {
            buyerChat(at: start + ms(0...3_599_999), hour: h, stress: stress)
        }
        for _ in 0..<rng.count(expected: expected * 0.2) {
            silentOrder(at: start + ms(0...3_599_999), hour: h)
        }
        for _ in 0..<rng.count(expected: expected * 0.03) {
            outreach(at: start + ms(0...3_599_999), hour: h)
        }
    }

    // MARK: - Routing and buyers

    /// An agent of `role` on shift in `hour`, or (off shift) any agent of the role; roles the
    /// shop lacks fall back to presale, then to anyone.
    mutating func route(_ role: Role, hour: Int) -> (agent: Int, offShift: Bool) {
        let here = onShift[hour].filter { roster.profiles[$0].role == role }
        if !here.isEmpty { return (rng.pick(here), false) }
        if let all = roster.byRole[role], !all.isEmpty { return (rng.pick(all), true) }
        if role != .presale { return route(.presale, hour: hour) }
        return (rng.below(roster.profiles.count), true)
    }

    /// A random duration in whole seconds, between two bounds given in milliseconds: every
    /// generated instant is a whole second, as shop exports write them.
    mutating func ms(_ r: ClosedRange<Int64>) -> Int64 {
        rng.int64(in: (r.lowerBound + 999) / 1000...r.upperBound / 1000) * 1000
    }

    mutating func newBuyer() -> String { SampleNames.buyerID(&rng) }

    /// One of the shop's regular buyers, the same id on every day.
    mutating func regularBuyer() -> String {
        var r = SampleRandom(seed: seed, stream: 0xB0B, UInt64(rng.below(regulars)))
        return SampleNames.buyerID(&r)
    }

    // MARK: - Activities

    /// A buyer opens a chat; what follows depends on the kind of question and how it went.
    private mutating func buyerChat(at t0: Instant, hour: Int, stress: Double) {
        let roll = rng.unit()
        let role: Role = roll < aftersaleShare ? .aftersale : (roll < aftersaleShare + 0.07 ? .vip : .presale)
        let (agent, offShift) = route(role, hour: hour)
        let buyer = rng.chance(role == .aftersale ? 0.6 : 0.15) ? regularBuyer() : newBuyer()
        let questions = rng.weighted([20, 25, 25, 15, 10, 5]) + 1
        let chat = self.chat(agent: agent, buyer: buyer, start: t0, questions: questions, offShift: offShift, stress: stress)
        let profile = roster.profiles[agent]
        rate(chat, agent: agent, buyer: buyer)
        if profile.role == .aftersale {
            if rng.chance(0.4) { ticket(agent: agent, opened: chat.firstAnswer ?? chat.end) }
        } else if rng.chance(0.02) {
            ticket(agent: agent, opened: chat.end)
        }
        let buys = chat.agentMessages > 0
            ? rng.chance(profile.conversion * (chat.unanswered > 0 ? 0.4 : 1))
            : rng.chance(0.05)
        if buys {
            order(buyer: buyer, created: chat.end + orderDelay(), upsell: profile.upsell,
                  premium: profile.role == .vip, chaser: agent)
        }
        // The same buyer then talks to a second agent (transferred, or asks after-sales).
        if role == .presale, rng.chance(0.05), roster.profiles.count > 1 {
            var other = route(rng.chance(0.5) ? .aftersale : .presale, hour: hour).agent
            if other == agent { other = (agent + 1) % roster.profiles.count }
            _ = self.chat(agent: other, buyer: buyer, start: chat.end + ms(60_000...1_200_000),
                          questions: rng.int(in: 1...2), offShift: false, stress: stress)
        }
    }

    /// An order from a buyer who did not chat; sometimes an agent chases its payment.
    private mutating func silentOrder(at t: Instant, hour: Int) {
        let buyer = rng.chance(0.9) ? newBuyer() : regularBuyer()
        let chaser: Int? = rng.chance(0.5) ? route(.presale, hour: hour).agent : nil
        order(buyer: buyer, created: t, upsell: rng.below(3), premium: false, chaser: chaser)
    }

    /// An agent writes first (主动跟进) and the buyer stays silent.
    private mutating func outreach(at t: Instant, hour: Int) {
        let (agent, offShift) = route(rng.chance(0.8) ? .presale : .vip, hour: hour)
        guard !offShift else { return }
        let buyer = regularBuyer()
        message(t, buyer, agent, .agent)
        if rng.chance(0.4) { message(t + ms(10_000...90_000), buyer, agent, .agent) }
    }
}
