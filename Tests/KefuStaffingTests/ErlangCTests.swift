import Foundation
import XCTest
@testable import KefuCore

final class ErlangCTests: XCTestCase {
    /// SPEC §9's published check value (pyworkforce): 100 contacts per 30 min = 200 per hour,
    /// AHT 3 min, so A = 200 × 0.05 h = 10 erlangs. With one chat at a time, N = 13 gives
    /// SL(20 s) = 0.796 < 0.8 and N = 14 gives 0.888, occupancy 10/14 = 0.714 (cap 0.85 not
    /// binding); scheduled = ⌈14 / 0.7⌉ = 20.
    func testPublishedCheckValue() {
        var options = StaffingOptions()
        options.concurrency = 1
        options.targetServiceLevel = 0.8
        options.withinMs = 20_000
        options.shrinkage = 0.3
        let req = AgentSizing.requirement(arrivalsPerHour: 200, handleTimeMs: 180_000, options: options)
        XCTAssertEqual(req.traffic, 10, accuracy: 1e-12)
        XCTAssertEqual(req.agents, 14)
        XCTAssertEqual(req.scheduled, 20)
        XCTAssertEqual(req.serviceLevel, 0.888, accuracy: 0.0005)
        XCTAssertEqual(req.occupancy, 0.714, accuracy: 0.0005)
        // One agent fewer misses the target: SL(13) = 0.796.
        XCTAssertEqual(ErlangC.serviceLevel(servers: 13, traffic: 10, handleTime: 180, within: 20), 0.796, accuracy: 0.0005)
        // C(14, 10) = 0.174 and ASA = 0.174 × 180 s / 4 = 7.8 s.
        XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: 14, traffic: 10), 0.1741, accuracy: 0.0001)
        XCTAssertEqual(req.averageSpeedOfAnswerMs, 7_836, accuracy: 5)
    }

    /// The recurrence agrees with the textbook formula evaluated directly in Double while
    /// Aᴺ/N! is still representable (N ≤ 60).
    func testMatchesDirectFormulaForModerateN() {
        for a in [0.5, 3.0, 10.0, 27.5, 45.0] {
            for n in (Int(a) + 1)...60 {
                XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: n, traffic: a), directC(n, a), accuracy: 1e-10, "N=\(n) A=\(a)")
            }
        }
    }

    /// Large loads stay finite and agree with an independent log-space evaluation:
    /// 8,000 chats per hour × 3 min = 400 erlangs, N from 401 to 600.
    func testLargeLoadsAreFiniteAndCorrect() {
        let a = 400.0
        for n in stride(from: 401, through: 600, by: 7) {
            let c = ErlangC.probabilityOfWaiting(servers: n, traffic: a)
            XCTAssertTrue(c.isFinite && c >= 0 && c <= 1)
            XCTAssertEqual(c, logSpaceC(n, a), accuracy: 1e-9, "N=\(n)")
        }
        var options = StaffingOptions()
        options.concurrency = 1
        let req = AgentSizing.requirement(arrivalsPerHour: 8_000, handleTimeMs: 180_000, options: options)
        XCTAssertTrue(req.serviceLevel.isFinite && req.averageSpeedOfAnswerMs.isFinite)
        XCTAssertGreaterThan(req.agents, 400)
        XCTAssertLessThan(req.agents, 480)
        XCTAssertGreaterThanOrEqual(req.serviceLevel, 0.8)
        // One agent fewer fails the target or the cap: N is the smallest.
        let fewer = req.agents - 1
        let slFewer = ErlangC.serviceLevel(servers: fewer, traffic: a, handleTime: 180, within: 30)
        XCTAssertTrue(slFewer < 0.8 || a / Double(fewer) > 0.85)
    }

    func testUnstableQueueHasNoService() {
        XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: 10, traffic: 10), 1)
        XCTAssertEqual(ErlangC.serviceLevel(servers: 9, traffic: 10, handleTime: 180, within: 20), 0)
        XCTAssertEqual(ErlangC.averageSpeedOfAnswer(servers: 10, traffic: 10, handleTime: 180), .infinity)
        XCTAssertEqual(ErlangC.serviceLevel(servers: 0, traffic: 0, handleTime: 180, within: 20), 1)
    }

    func testServiceLevelIncreasesWithAgents() {
        for a in [2.0, 10.0, 75.0] {
            var previous = -1.0
            for n in 1...(Int(a) * 2 + 5) {
                let sl = ErlangC.serviceLevel(servers: n, traffic: a, handleTime: 180, within: 20)
                XCTAssertGreaterThanOrEqual(sl, previous, "A=\(a) N=\(n)")
                // Strictly, until it rounds to 1 in Double.
                if Double(n) > a, previous < 1 { XCTAssertGreaterThan(sl, previous, "A=\(a) N=\(n)") }
                previous = sl
            }
        }
    }

    func testNeededAgentsIncreaseWithArrivals() {
        let options = StaffingOptions()
        var previous = 0
        for lambda in stride(from: 0.0, through: 3_000, by: 37.5) {
            let n = AgentSizing.requirement(arrivalsPerHour: lambda, handleTimeMs: 240_000, options: options).agents
            XCTAssertGreaterThanOrEqual(n, previous, "λ=\(lambda)")
            previous = n
        }
        XCTAssertEqual(AgentSizing.requirement(arrivalsPerHour: 0, handleTimeMs: 240_000, options: options).agents, 0)
        XCTAssertGreaterThan(previous, 50)
    }

    /// 2,000 per hour × 3 min = 100 erlangs with a lax target (50% within 30 s): the service
    /// level alone is met near 101–105 agents, but occupancy ≤ 85% needs N ≥ 100 / 0.85 = 117.6,
    /// so 118. Without a cap (1.0) fewer suffice.
    func testOccupancyCapBinds() {
        var options = StaffingOptions()
        options.concurrency = 1
        options.targetServiceLevel = 0.5
        let capped = AgentSizing.requirement(arrivalsPerHour: 2_000, handleTimeMs: 180_000, options: options)
        XCTAssertEqual(capped.agents, 118)
        XCTAssertEqual(capped.occupancy, 100.0 / 118, accuracy: 1e-12)
        options.occupancyCap = 1
        let uncapped = AgentSizing.requirement(arrivalsPerHour: 2_000, handleTimeMs: 180_000, options: options)
        XCTAssertLessThan(uncapped.agents, 110)
        XCTAssertGreaterThan(uncapped.agents, 100)
    }

    /// ⌈N / (1 − s)⌉: 14 / 0.7 = 20 exactly (not 21 from the binary error of 0.7); 15 / 0.7 =
    /// 21.43 → 22; 1 / 0.7 → 2; no shrinkage keeps N; no agents need no schedule.
    func testShrinkageRounding() {
        XCTAssertEqual(AgentSizing.scheduled(forAgents: 14, shrinkage: 0.3), 20)
        XCTAssertEqual(AgentSizing.scheduled(forAgents: 15, shrinkage: 0.3), 22)
        XCTAssertEqual(AgentSizing.scheduled(forAgents: 1, shrinkage: 0.3), 2)
        XCTAssertEqual(AgentSizing.scheduled(forAgents: 7, shrinkage: 0), 7)
        XCTAssertEqual(AgentSizing.scheduled(forAgents: 9, shrinkage: 0.1), 10)
        XCTAssertEqual(AgentSizing.scheduled(forAgents: 0, shrinkage: 0.3), 0)
    }

    /// Concurrency 3 turns N agents into 3N chat slots: the check load (A = 10) needs 14 slots,
    /// so ⌈14 / 3⌉ = 5 agents (15 slots: SL 0.941, occupancy 10/15 = 0.667); scheduled ⌈5/0.7⌉ = 8.
    func testConcurrencyPoolsChatSlots() {
        var options = StaffingOptions()
        options.concurrency = 3
        options.withinMs = 20_000
        let req = AgentSizing.requirement(arrivalsPerHour: 200, handleTimeMs: 180_000, options: options)
        XCTAssertEqual(req.agents, 5)
        XCTAssertEqual(req.scheduled, 8)
        XCTAssertEqual(req.occupancy, 10.0 / 15, accuracy: 1e-12)
        XCTAssertEqual(req.serviceLevel, 0.9415, accuracy: 0.0005)
        // 8 scheduled × 0.7 = 5.6 agents → ⌊16.8⌋ = 16 slots.
        let sl = AgentSizing.serviceLevel(scheduledAgents: 8, arrivalsPerHour: 200, handleTimeMs: 180_000, options: options)
        XCTAssertEqual(sl, ErlangC.serviceLevel(servers: 16, traffic: 10, handleTime: 180_000, within: 20_000), accuracy: 1e-15)
    }

    func testOptionsValidation() {
        var options = StaffingOptions()
        XCTAssertNoThrow(try options.validate())
        options.targetServiceLevel = 1
        XCTAssertThrowsError(try options.validate())
        options = StaffingOptions()
        options.shrinkage = 1
        XCTAssertThrowsError(try options.validate())
        options = StaffingOptions()
        options.concurrency = 0
        XCTAssertThrowsError(try options.validate())
    }

    // MARK: - References

    private func directC(_ n: Int, _ a: Double) -> Double {
        var sum = 0.0
        var term = 1.0 // Aᵏ/k!
        for k in 0..<n {
            if k > 0 { term = pow(a, Double(k)) / tgamma(Double(k + 1)) }
            sum += term
        }
        let top = pow(a, Double(n)) / tgamma(Double(n + 1)) * Double(n) / (Double(n) - a)
        return top / (sum + top)
    }

    private func logSpaceC(_ n: Int, _ a: Double) -> Double {
        let logs = (0..<n).map { Double($0) * log(a) - lgamma(Double($0 + 1)) }
        let logTop = Double(n) * log(a) - lgamma(Double(n + 1)) + log(Double(n) / (Double(n) - a))
        let m = max(logs.max()!, logTop)
        let sum = logs.reduce(0) { $0 + exp($1 - m) }
        let top = exp(logTop - m)
        return top / (sum + top)
    }
}
