import KefuCore
import KefuSample

/// A simulated shop fed to the dashboard slice by slice, as `kefu demo` and `kefu dash` feed it,
/// with late and odd records mixed in: an old order (of a buyer silent for days) paid today, a
/// refund today on yesterday's order, duplicates of earlier records, a message back-dated to
/// yesterday, one stamped ahead of the clock, a rating of yesterday arriving today, an old
/// ticket's status changing, and an order moving to another buyer.
struct LiveScenario {
    let zone = ShopTimeZone.shanghai
    /// Today: Monday 2026-11-02, so the month has one day of history and the previous month four.
    let today = LocalDate(year: 2026, month: 11, day: 2)!
    var simulation: LiveSimulation
    var book = RecordBook()
    /// Everything fed so far, for duplicates.
    private var sent: [Record] = []
    private var extrasDone = 0
    /// How many odd records were sent (each slice's kind must have found its target).
    private(set) var oddSent = 0

    init(agents: Int = 5, seed: UInt64 = 11, scale: Double = 0.4) {
        simulation = LiveSimulation(agents: agents, seed: seed, day: today, historyDays: 5, scale: scale, zone: zone)
        for r in simulation.history() { book.add(r) }
    }

    func at(_ h: Int, _ m: Int = 0, day offset: Int = 0) -> Instant {
        zone.startOfDay(today.adding(days: offset)) + Int64(h * 3_600_000 + m * 60_000)
    }

    /// The records up to `now` (and the odd ones due by then), added to the book; returns them.
    mutating func advance(to now: Instant) -> [Record] {
        var fresh = simulation.advance(to: now)
        let odd = oddRecords(now: now)
        oddSent += odd.count
        fresh += odd
        for r in fresh { book.add(r) }
        sent += fresh
        return fresh
    }

    /// One kind of odd record per slice, in turn.
    private mutating func oddRecords(now: Instant) -> [Record] {
        defer { extrasDone += 1 }
        let (book, zone) = (self.book, self.zone)
        let yesterday = today.adding(days: -1)
        switch extrasDone {
        case 0:
            // An unpaid order created at least two days ago, paid now.
            guard var o = book.orders.values.filter({ $0.paidAt == nil && zone.day(of: $0.createdAt) < yesterday })
                .min(by: { $0.id < $1.id }) else { return [] }
            o.paidAt = now - 60_000
            return [.order(o)]
        case 1:
            // A refund now on an order paid yesterday, and a rating of yesterday arriving late.
            var out: [Record] = []
            if let o = book.orders.values.filter({ $0.paidAt.map { zone.day(of: $0) == yesterday } ?? false })
                .filter({ book.refunds(ofOrder: $0.id).isEmpty }).min(by: { $0.id < $1.id }) {
                out.append(.refund(Refund(orderID: o.id, refundedAt: now - 30_000, amount: o.amount / 2)))
            }
            if let r = book.ratings.first(where: { zone.day(of: $0.ts) == yesterday }) {
                out.append(.rating(Rating(ts: r.ts + 1_000, buyer: r.buyer, agent: r.agent, score: 1)))
            }
            return out
        case 2:
            // Duplicates of earlier records, and a message back-dated to yesterday afternoon.
            var out = Array(sent.prefix(40))
            if let b = book.buyers.sorted().first {
                out.append(.message(Message(ts: at(15, 7, day: -1), buyer: b, agent: book.agentOrder[0], sender: .buyer)))
                out.append(.message(Message(ts: at(15, 8, day: -1), buyer: b, agent: book.agentOrder[0], sender: .agent)))
            }
            return out
        case 3:
            // A message stamped 90 s ahead of the clock, and an old ticket's status changing.
            var out: [Record] = []
            if let b = book.buyers.sorted().last {
                out.append(.message(Message(ts: now + 90_000, buyer: b, agent: book.agentOrder[1 % book.agentOrder.count], sender: .buyer)))
            }
            if let id = book.ticketOrder.first, var t = book.tickets[id] {
                t.status = t.status == .error ? .resolved : .error
                t.closedAt = now - 5_000
                out.append(.ticket(t))
            }
            return out
        case 4:
            // A paid order of this month moving to another buyer.
            let month = zone.startOfDay(today.month.firstDay)
            guard var o = book.orders.values.filter({ ($0.paidAt ?? .min) >= month }).min(by: { $0.id < $1.id }),
                  let other = book.buyers.sorted().first(where: { $0 != o.buyer }) else { return [] }
            o.buyer = other
            return [.order(o)]
        default:
            return []
        }
    }
}
