import XCTest
import KefuCore
@testable import KefuSample

final class TrafficTests: XCTestCase {
    let data = SampleData.standard

    private var buyerMessages: [Message] { data.messages.filter { $0.sender == .buyer } }

    /// Buyer messages per local hour, over the ordinary days (not 11-10 … 11-12).
    private var byHour: [Int] {
        var hours = Array(repeating: 0, count: 24)
        let sale: Set<LocalDate> = [data.date("2026-11-10"), data.date("2026-11-11"), data.date("2026-11-12")]
        for m in buyerMessages where !sale.contains(data.day(m.ts)) { hours[data.zone.hour(of: m.ts)] += 1 }
        return hours
    }

    func testPeaksAt10To11And14To16And20To23AndQuietNights() {
        let h = byHour
        for peak in [10, 11, 14, 15, 16, 20, 21, 22] {
            XCTAssertGreaterThan(h[peak], 10 * h[4], "hour \(peak): \(h[peak]) vs 4 am: \(h[4])")
            XCTAssertGreaterThan(h[peak], h[12], "hour \(peak) vs noon")
            XCTAssertGreaterThan(h[peak], 2 * h[7], "hour \(peak) vs 7 am")
        }
        XCTAssertGreaterThan(h[4], 0)
    }

    /// 11-11 has several times an ordinary day's traffic (11-04, a Wednesday); 11-10 has a
    /// smaller spike in its evening.
    func testDouble11SpikeAndItsEve() {
        var perDay: [LocalDate: Int] = [:]
        var evening: [LocalDate: Int] = [:]
        for m in buyerMessages {
            let d = data.day(m.ts)
            perDay[d, default: 0] += 1
            if data.zone.hour(of: m.ts) >= 20 { evening[d, default: 0] += 1 }
        }
        let ordinary = perDay[data.date("2026-11-04")]!
        XCTAssertGreaterThan(perDay[data.date("2026-11-11")]!, 2 * ordinary + ordinary / 2)
        XCTAssertGreaterThan(evening[data.date("2026-11-10")]!, 2 * evening[data.date("2026-11-04")]!)
        XCTAssertLessThan(perDay[data.date("2026-11-10")]!, perDay[data.date("2026-11-11")]!)
        // The 双11 midnight rush: 00:00–01:00 on 11-11 beats the busiest hour of 11-04.
        let midnight = buyerMessages.filter { data.day($0.ts) == data.date("2026-11-11") && data.zone.hour(of: $0.ts) == 0 }.count
        var ordinaryHours = Array(repeating: 0, count: 24)
        for m in buyerMessages where data.day(m.ts) == data.date("2026-11-04") { ordinaryHours[data.zone.hour(of: m.ts)] += 1 }
        XCTAssertGreaterThan(midnight, ordinaryHours.max()!)
    }

    func testBuyerIdsAreTaobaoStyle() {
        let buyers = Set(data.messages.map(\.buyer))
        let tb = buyers.filter { $0.hasPrefix("tb") && $0.count == 13 && $0.dropFirst(2).allSatisfy(\.isNumber) }
        let chinese = buyers.filter { $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false }
        XCTAssertGreaterThan(tb.count, buyers.count / 2)
        XCTAssertGreaterThan(chinese.count, buyers.count / 5)
    }

    /// Buyers ask several questions: most buyer threads hold more than one buyer message.
    func testBuyersAskSeveralQuestions() {
        let counts = data.threads.map { $0.filter { $0.sender == .buyer }.count }.filter { $0 > 0 }
        XCTAssertGreaterThan(counts.filter { $0 >= 3 }.count, counts.count / 3)
    }

    /// Auto replies exist and each comes 1–3 s after a buyer message of the same pair.
    func testAutoRepliesFollowBuyerMessagesImmediately() {
        var autos = 0
        for thread in data.threads {
            for (i, m) in thread.enumerated() where m.auto {
                autos += 1
                let previousBuyer = thread[..<i].last { $0.sender == .buyer }
                XCTAssertNotNil(previousBuyer)
                XCTAssert((1_000...3_000).contains(m.ts - previousBuyer!.ts), "auto reply \(m.ts - previousBuyer!.ts) ms after")
            }
        }
        XCTAssertGreaterThan(autos, 1_000)
    }

    /// Answer times: mostly 5–60 s, some slow (> 60 s), a few outliers (> 900 s), and some
    /// turns never answered.
    func testResponseTimesAreRealistic() {
        let turns = data.turns
        let answered = turns.compactMap(\.responseMs)
        let normal = answered.filter { (4_000...60_000).contains($0) }.count
        let slow = answered.filter { $0 > 60_000 }.count
        let outliers = answered.filter { $0 > 900_000 }.count
        let unanswered = turns.filter { $0.answeredAt == nil }.count
        XCTAssertGreaterThan(Double(normal) / Double(answered.count), 0.7)
        XCTAssertGreaterThan(Double(slow) / Double(answered.count), 0.05)
        XCTAssertGreaterThan(outliers, 50)
        XCTAssertLessThan(Double(outliers) / Double(answered.count), 0.05)
        XCTAssertGreaterThan(unanswered, 100)
        XCTAssertLessThan(Double(unanswered) / Double(turns.count), 0.15)
    }

    /// Some turns open before midnight and are answered after it (within the outlier cap).
    func testConversationsCrossMidnight() {
        let crossing = data.turns.filter { t in
            guard let a = t.answeredAt else { return false }
            return data.day(a) != data.day(t.openedAt) && a - t.openedAt <= 900_000
        }
        XCTAssertGreaterThan(crossing.count, 3)
    }

    /// Outreach (主动跟进): an agent writes to a buyer on a day the buyer never writes to it.
    func testOutreachWithSilentBuyers() {
        var wrote: [String: (buyer: Bool, agent: Bool)] = [:]
        for m in data.messages where !m.auto {
            let key = "\(m.agent)|\(m.buyer)|\(data.day(m.ts))"
            var v = wrote[key] ?? (false, false)
            if m.sender == .buyer { v.buyer = true } else { v.agent = true }
            wrote[key] = v
        }
        XCTAssertGreaterThan(wrote.values.filter { $0.agent && !$0.buyer }.count, 100)
    }

    /// Some buyers talk to two agents on the same day.
    func testBuyersTalkToTwoAgents() {
        var agents: [String: Set<String>] = [:]
        for m in data.messages where m.sender == .buyer { agents["\(m.buyer)|\(data.day(m.ts))", default: []].insert(m.agent) }
        XCTAssertGreaterThan(agents.values.filter { $0.count >= 2 }.count, 50)
    }
}
