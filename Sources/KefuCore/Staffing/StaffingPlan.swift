/// Staffing advice for one day (SPEC §9): per hour, the forecast load, the agents it needs,
/// the agents `shifts.csv` puts on, and whether the hour is under-, fine or overstaffed.
public struct StaffingPlan: Sendable, Equatable {
    public var day: LocalDate
    public var forecast: Forecast
    public var options: StaffingOptions
    /// Index 0–23: local hours.
    public var hours: [StaffingHour]

    /// Sizes every hour of `forecast` and compares it with the shifts covering its day.
    public init(forecast: Forecast, shifts: some Sequence<Shift>, options: StaffingOptions) {
        let coverage = ShiftCoverage(day: forecast.day, shifts: shifts)
        self.day = forecast.day
        self.forecast = forecast
        self.options = options
        hours = (0..<24).map { h in
            StaffingHour(hour: h, load: forecast.load.hours[h], scheduled: coverage.agentsPerHour[h], options: options)
        }
    }
}

/// Whether an hour's schedule meets its need.
public enum StaffingStatus: String, Sendable, Codable {
    /// 人手不足: fewer scheduled than needed.
    case under
    /// 合适
    case fine
    /// 人手过剩: more than the tolerance above the need.
    case over
    /// Buyers are expected but history has no valid conversation to measure a handle time.
    case unknown
}

/// One hour of a staffing plan.
public struct StaffingHour: Sendable, Equatable {
    public var hour: Int
    /// Forecast consults started in the hour (λ).
    public var arrivals: Double
    /// Forecast handle time (AHT), ms.
    public var handleTimeMs: Double?
    /// N: agents that must be available (nil when unknown).
    public var needed: Int?
    /// ⌈N / (1 − shrinkage)⌉: agents to schedule.
    public var scheduledNeeded: Int?
    /// Agents on shift (fractions of the hour summed).
    public var scheduled: Double
    /// scheduled − scheduledNeeded: negative is a shortfall.
    public var gap: Double?
    /// The service level the schedule as it is gives, after shrinkage; nil when no buyers are expected.
    public var serviceLevel: Double?
    /// Occupancy of the needed agents' chat slots, A/(N·c); nil without need.
    public var occupancy: Double?
    /// Under when scheduled < scheduled need; over when scheduled exceeds the need by more than
    /// `overTolerance × need` and by more than one agent; else fine.
    public var status: StaffingStatus

    init(hour: Int, load: HourlyLoad, scheduled: Double, options: StaffingOptions) {
        self.hour = hour
        arrivals = load.arrivals
        handleTimeMs = load.handleTimeMs
        self.scheduled = scheduled
        let aht = load.handleTimeMs ?? 0
        guard load.arrivals <= 0 || aht > 0 else {
            needed = nil; scheduledNeeded = nil; gap = nil; serviceLevel = nil; occupancy = nil
            status = .unknown
            return
        }
        let req = AgentSizing.requirement(arrivalsPerHour: load.arrivals, handleTimeMs: aht, options: options)
        needed = req.agents
        scheduledNeeded = req.scheduled
        occupancy = req.agents > 0 ? req.occupancy : nil
        serviceLevel = load.arrivals > 0
            ? AgentSizing.serviceLevel(scheduledAgents: scheduled, arrivalsPerHour: load.arrivals, handleTimeMs: aht, options: options)
            : nil
        let need = Double(req.scheduled)
        let gap = scheduled - need
        self.gap = gap
        let epsilon = 1e-9
        if gap < -epsilon {
            status = .under
        } else if gap > max(1, options.overTolerance * need) + epsilon {
            status = .over
        } else {
            status = .fine
        }
    }
}
