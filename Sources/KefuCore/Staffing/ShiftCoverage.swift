/// Who is on shift, hour by hour, on one local day (SPEC §2 `shifts.csv`).
///
/// A shift runs from `start` to `end` minutes after local midnight of its date; `end ≤ start`
/// ends the next day, so the previous day's night shift covers this day's early hours. An
/// agent counts in an hour by the **fraction of the hour covered**: 08:30–17:30 gives 0.5 at
/// 8 h, 1 from 9 h to 16 h and 0.5 at 17 h. An agent's overlapping shifts count once.
/// Hours are local wall-clock hours (minutes after local midnight), as the shifts are written.
public struct ShiftCoverage: Sendable, Equatable {
    public var day: LocalDate
    /// Index 0–23: agents on shift in the hour (fractions of an hour summed over agents).
    public var agentsPerHour: [Double]
    /// Per agent, the minutes of each hour they are on shift (0–60), index 0–23.
    public var minutesByAgent: [String: [Int]]

    /// The coverage of `day` from all shifts (only those of `day` and the day before can reach it).
    public init(day: LocalDate, shifts: some Sequence<Shift>) {
        var onShift: [String: [Bool]] = [:]
        for shift in shifts {
            let offset = (shift.date.day - day.day) * 1440
            guard offset == 0 || offset == -1440 else { continue }
            let from = max(0, shift.start + offset)
            let to = min(1440, shift.start + shift.minutes + offset)
            guard from < to else { continue }
            var minutes = onShift[shift.agent] ?? [Bool](repeating: false, count: 1440)
            for m in from..<to { minutes[m] = true }
            onShift[shift.agent] = minutes
        }
        self.day = day
        let byAgent = onShift.mapValues { minutes in
            (0..<24).map { h in minutes[(h * 60)..<(h * 60 + 60)].lazy.filter { $0 }.count }
        }
        minutesByAgent = byAgent
        agentsPerHour = (0..<24).map { h in
            Double(byAgent.values.reduce(0) { $0 + $1[h] }) / 60
        }
    }

    /// Agents on shift for any part of hour `h`.
    public func agentsTouching(hour h: Int) -> Set<String> {
        Set(minutesByAgent.filter { $0.value[h] > 0 }.keys)
    }
}
