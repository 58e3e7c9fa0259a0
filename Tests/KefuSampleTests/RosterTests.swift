import XCTest
import KefuCore
@testable import KefuSample

final class RosterTests: XCTestCase {
    let data = SampleData.standard

    private func isChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// 12 agents: 12 × 15% → 1 VIP... max(1, 12·15/100 = 1) = 1; aftersale 12/4 = 3; presale 8.
    func testAgentsHaveChineseNamesShopIdsRolesGroupsGradesAndHireDates() {
        let agents = data.agents
        XCTAssertEqual(agents.count, 12)
        XCTAssertEqual(Set(agents.map(\.id)).count, 12)
        XCTAssert(agents.allSatisfy { $0.id.hasPrefix("旗舰店:") })
        XCTAssert(agents.allSatisfy { isChinese($0.name ?? "") })
        XCTAssert(agents.contains { $0.id == "旗舰店:小美" })
        XCTAssertEqual(agents.filter { $0.role == .presale }.count, 8)
        XCTAssertEqual(agents.filter { $0.role == .aftersale }.count, 3)
        XCTAssertEqual(agents.filter { $0.role == .vip }.count, 1)
        XCTAssertEqual(Set(agents.compactMap(\.group)), ["售前一组", "售前二组", "售后组", "VIP组"])
        XCTAssertGreaterThanOrEqual(Set(agents.compactMap(\.grade)).count, 2)
        XCTAssert(agents.allSatisfy { ($0.grade ?? 0) >= 1 })
        XCTAssert(agents.allSatisfy { $0.hiredOn! < SampleGenerator.defaultStart })
    }

    /// Past the 20 Chinese nicknames come Latin ones (Kiki, ...), then numbered repeats.
    func testLargeRostersGetLatinNicknamesAndStayUnique() {
        let roster = SampleRoster(count: 60, seed: 1, hiredBefore: SampleGenerator.defaultStart)
        let ids = roster.agents.map(\.id)
        XCTAssertEqual(Set(ids).count, 60)
        XCTAssert(ids.contains("旗舰店:Kiki"))
        XCTAssert(ids.contains("旗舰店:小美2"))
    }

    /// Skills differ by role: VIP agents convert better than the presale average.
    func testSkillsDifferBetweenAgents() {
        let profiles = SampleGenerator().roster.profiles
        let presale = profiles.filter { $0.role == .presale }
        let vip = profiles.filter { $0.role == .vip }
        let presaleConversion = presale.map(\.conversion).reduce(0, +) / Double(presale.count)
        XCTAssertGreaterThan(vip.map(\.conversion).min()!, presaleConversion)
        XCTAssertGreaterThan(Set(profiles.map(\.slowness)).count, 10)
        XCTAssertGreaterThan(Set(presale.map(\.upsell)).count, 1)
    }

    /// Measured on the records: the fastest agent's mean answer is well under the slowest's.
    func testResponseSpeedDiffersBetweenAgents() {
        var sums: [String: (Int64, Int)] = [:]
        for thread in data.threads {
            var open: Instant?
            for m in thread {
                if m.sender == .buyer { if open == nil { open = m.ts } } else if !m.auto, let o = open {
                    let rt = m.ts - o
                    if rt <= 60_000 { sums[m.agent, default: (0, 0)].0 += rt; sums[m.agent, default: (0, 0)].1 += 1 }
                    open = nil
                }
            }
        }
        let means = sums.values.filter { $0.1 > 100 }.map { Double($0.0) / Double($0.1) }
        XCTAssertGreaterThan(means.max()! / means.min()!, 1.3)
    }

    func testOneQAPointsRowPerAgentPerMonth() {
        XCTAssertEqual(data.qa.count, 12)
        XCTAssertEqual(Set(data.qa.map(\.agent)), Set(data.agents.map(\.id)))
        XCTAssert(data.qa.allSatisfy { $0.month == Month("2026-11")! && (65...98).contains($0.points) })
        // Two months (10-25 … 11-07): a row per agent for each.
        let twoMonths = SampleData(SampleGenerator(agents: 3, days: 14, start: LocalDate("2026-10-25")!))
        XCTAssertEqual(Set(twoMonths.qa.map { "\($0.month)|\($0.agent)" }).count, 6)
    }

    func testShiftsOnePerWorkingAgentPerDaySomeAcrossMidnight() {
        let shifts = data.shifts
        let keys = shifts.map { "\($0.agent)|\($0.date)" }
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssertEqual(Set(shifts.map(\.date)).count, 14)
        XCTAssert(shifts.contains { $0.end <= $0.start && $0.start == 20 * 60 && $0.end == 2 * 60 })
        // Every agent has a day off in a week, except on 双11 (11-10 and 11-11) when all work.
        let perDay = Dictionary(grouping: shifts, by: \.date).mapValues(\.count)
        XCTAssertEqual(perDay[data.date("2026-11-11")], 12)
        XCTAssertEqual(perDay[data.date("2026-11-10")], 12)
        XCTAssert(perDay.values.contains { $0 < 12 })
    }
}
