import XCTest
import KefuCore

final class StaffingPlanTests: XCTestCase {
    /// Hour 10 carries the check load (200 per hour, AHT 180 s → 14 agents, 20 scheduled at
    /// 20 s / 80% / shrinkage 30%, one chat at a time); hour 3 is quiet; hour 12 expects buyers
    /// but history has no handle time.
    private func forecast() -> Forecast {
        var hours = [HourlyLoad](repeating: HourlyLoad(arrivals: 0, handleTimeMs: 180_000), count: 24)
        hours[10] = HourlyLoad(arrivals: 200, handleTimeMs: 180_000)
        hours[11] = HourlyLoad(arrivals: 200, handleTimeMs: 180_000)
        hours[13] = HourlyLoad(arrivals: 200, handleTimeMs: 180_000)
        hours[12] = HourlyLoad(arrivals: 5, handleTimeMs: nil)
        return Forecast(day: date("2026-11-11"), kind: .promotion, profileKind: .promotion, load: DayLoad(hours: hours, days: 1))
    }

    private var options: StaffingOptions {
        var o = StaffingOptions()
        o.concurrency = 1
        o.withinMs = 20_000
        return o
    }

    /// Shifts: 20 agents 10:00–11:00 (exactly the need → fine, and 20 × 0.7 = 14 available give
    /// SL 0.888); 19 agents 11:00–12:00 (short by one → under; 13.3 → 13 available, SL 0.796);
    /// 26 agents 13:00–14:00 (6 over, more than max(1, 20% × 20 = 4) → over); 1 agent at 03 h
    /// with no buyers (1 is not more than max(1, 0) → fine).
    func testPlanAgainstShifts() {
        var shifts: [Shift] = []
        for i in 0..<20 { shifts.append(shift("a\(i)", "2026-11-11", "10:00", "11:00")) }
        for i in 0..<19 { shifts.append(shift("b\(i)", "2026-11-11", "11:00", "12:00")) }
        for i in 0..<26 { shifts.append(shift("c\(i)", "2026-11-11", "13:00", "14:00")) }
        shifts.append(shift("night", "2026-11-11", "03:00", "04:00"))
        let plan = StaffingPlan(forecast: forecast(), shifts: shifts, options: options)

        let h10 = plan.hours[10]
        XCTAssertEqual(h10.needed, 14)
        XCTAssertEqual(h10.scheduledNeeded, 20)
        XCTAssertEqual(h10.scheduled, 20)
        XCTAssertEqual(h10.gap, 0)
        XCTAssertEqual(h10.serviceLevel!, 0.888, accuracy: 0.0005)
        XCTAssertEqual(h10.occupancy!, 0.714, accuracy: 0.0005)
        XCTAssertEqual(h10.status, .fine)

        let h11 = plan.hours[11]
        XCTAssertEqual(h11.gap, -1)
        XCTAssertEqual(h11.serviceLevel!, 0.796, accuracy: 0.0005)
        XCTAssertEqual(h11.status, .under)

        XCTAssertEqual(plan.hours[13].gap, 6)
        XCTAssertEqual(plan.hours[13].status, .over)

        let h3 = plan.hours[3]
        XCTAssertEqual(h3.needed, 0)
        XCTAssertEqual(h3.scheduled, 1)
        XCTAssertNil(h3.serviceLevel)
        XCTAssertEqual(h3.status, .fine)

        XCTAssertEqual(plan.hours[12].status, .unknown)
        XCTAssertNil(plan.hours[12].needed)
    }

    /// The tolerance edge: 24 scheduled against 20 is 4 over, not more than 4 → fine; a need
    /// of 2 with 3 scheduled is 1 over, not more than max(1, 0.4) → fine; 4 scheduled → over.
    func testOverstaffTolerance() {
        var s24: [Shift] = []
        for i in 0..<24 { s24.append(shift("a\(i)", "2026-11-11", "10:00", "11:00")) }
        XCTAssertEqual(StaffingPlan(forecast: forecast(), shifts: s24, options: options).hours[10].status, .fine)

        var hours = [HourlyLoad](repeating: HourlyLoad(arrivals: 0, handleTimeMs: 180_000), count: 24)
        hours[9] = HourlyLoad(arrivals: 2, handleTimeMs: 180_000) // A = 0.1: 1 agent, 2 scheduled
        let small = Forecast(day: date("2026-11-11"), kind: .weekday, profileKind: .weekday, load: DayLoad(hours: hours, days: 3))
        let three = (0..<3).map { shift("x\($0)", "2026-11-11", "09:00", "10:00") }
        let planThree = StaffingPlan(forecast: small, shifts: three, options: options)
        XCTAssertEqual(planThree.hours[9].scheduledNeeded, 2)
        XCTAssertEqual(planThree.hours[9].status, .fine)
        let four = (0..<4).map { shift("x\($0)", "2026-11-11", "09:00", "10:00") }
        XCTAssertEqual(StaffingPlan(forecast: small, shifts: four, options: options).hours[9].status, .over)
    }
}
