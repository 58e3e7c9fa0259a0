import KefuCore
@testable import KefuSample

/// A generated data set split by record kind, with the small helpers the realism tests share.
struct SampleData {
    var agents: [Agent] = []
    var messages: [Message] = []
    var orders: [Order] = []
    var refunds: [Refund] = []
    var ratings: [Rating] = []
    var tickets: [Ticket] = []
    var qa: [QAPoints] = []
    var shifts: [Shift] = []

    init(_ records: some Sequence<Record>) {
        for r in records {
            switch r {
            case .agent(let a): agents.append(a)
            case .message(let m): messages.append(m)
            case .order(let o): orders.append(o)
            case .refund(let x): refunds.append(x)
            case .rating(let x): ratings.append(x)
            case .ticket(let t): tickets.append(t)
            case .qa(let q): qa.append(q)
            case .shift(let s): shifts.append(s)
            }
        }
    }

    /// The default data set: 12 agents, 14 days from 2026-11-01, seed 1, scale 1.
    static let standard = SampleData(SampleGenerator())

    let zone = ShopTimeZone.shanghai

    /// Messages per (agent, buyer) pair, in time order (buyer first at the same instant).
    var threads: [[Message]] {
        var byPair: [String: [Message]] = [:]
        for m in messages { byPair[m.agent + "|" + m.buyer, default: []].append(m) }
        return byPair.values.map { $0.sorted { ($0.ts, $0.sender == .buyer ? 0 : 1) < ($1.ts, $1.sender == .buyer ? 0 : 1) } }
    }

    /// The turns of SPEC §3: opened by a buyer message when none is open, answered by the next
    /// non-auto agent message.
    var turns: [Turn] {
        var out: [Turn] = []
        for thread in threads {
            var open: Instant?
            for m in thread {
                if m.sender == .buyer {
                    if open == nil { open = m.ts }
                } else if !m.auto, let o = open {
                    out.append(Turn(openedAt: o, answeredAt: m.ts))
                    open = nil
                }
            }
            if let o = open { out.append(Turn(openedAt: o, answeredAt: nil)) }
        }
        return out
    }

    /// Non-auto agent messages per buyer, sorted by time.
    var agentMessagesByBuyer: [String: [Message]] {
        var out: [String: [Message]] = [:]
        for m in messages where m.sender == .agent && !m.auto { out[m.buyer, default: []].append(m) }
        return out.mapValues { $0.sorted { $0.ts < $1.ts } }
    }

    func day(_ t: Instant) -> LocalDate { zone.day(of: t) }
    func date(_ text: String) -> LocalDate { LocalDate(text)! }
}
