import Foundation

/// How many agents one hour needs (SPEC §9), by Erlang C.
///
/// **Chat concurrency.** An agent carries `c` chats at once, so `N` agents are modelled as
/// `N·c` chat slots, each one an Erlang C server whose service time is the whole measured
/// conversation duration (AHT): a conversation holds one of its agent's chat windows from its
/// first message to its last, and a waiting buyer is taken by whichever window frees up first.
/// So traffic `A = λ·AHT` erlangs of slot time, the probability of waiting is `C(N·c, A)`,
/// `SL(t) = 1 − C·e^{−(N·c − A)·t/AHT}`, and occupancy is `A/(N·c)`. With `c = 1` this is
/// plain Erlang C. (Dividing the handle time by `c` over `N` servers instead gives the same
/// exponential rate and occupancy but a larger C, as if an agent's `c` windows could not be
/// pooled with other agents'; the slot model is the closer fit for chat.)
public enum AgentSizing {
    /// The smallest `N` that meets the target service level with occupancy at most the cap,
    /// and the figures at that `N`. Zero agents when no buyers arrive.
    /// - Parameters:
    ///   - arrivalsPerHour: λ, conversations started per hour (≥ 0).
    ///   - handleTimeMs: AHT, the mean conversation duration (> 0 when λ > 0).
    public static func requirement(arrivalsPerHour lambda: Double, handleTimeMs: Double, options: StaffingOptions) -> AgentRequirement {
        let a = traffic(arrivalsPerHour: lambda, handleTimeMs: handleTimeMs)
        guard a > 0 else {
            return AgentRequirement(traffic: 0, agents: 0, scheduled: 0, serviceLevel: 1, occupancy: 0, averageSpeedOfAnswerMs: 0)
        }
        let c = options.concurrency
        let within = Double(options.withinMs)
        var blocking = 1.0 // B(0)
        var servers = 0
        var agents = 0
        while true {
            agents += 1
            for _ in 0..<c {
                servers += 1
                blocking = ErlangC.nextBlocking(blocking, servers: servers, traffic: a)
            }
            let occupancy = ErlangC.occupancy(servers: servers, traffic: a)
            guard Double(servers) > a, occupancy <= options.occupancyCap else { continue }
            let waiting = ErlangC.waiting(fromBlocking: blocking, servers: servers, traffic: a)
            let sl = ErlangC.serviceLevel(waiting: waiting, servers: servers, traffic: a, handleTime: handleTimeMs, within: within)
            if sl >= options.targetServiceLevel {
                return AgentRequirement(traffic: a, agents: agents, scheduled: scheduled(forAgents: agents, shrinkage: options.shrinkage),
                                        serviceLevel: sl, occupancy: occupancy,
                                        averageSpeedOfAnswerMs: waiting * handleTimeMs / (Double(servers) - a))
            }
        }
    }

    /// Agents to put on the schedule so that `agents` are available: ⌈N / (1 − shrinkage)⌉.
    /// A quotient within 1e-9 of a whole number counts as that number (14 / 0.7 is 20, not 21).
    public static func scheduled(forAgents agents: Int, shrinkage: Double) -> Int {
        guard agents > 0 else { return 0 }
        return Int((Double(agents) / (1 - shrinkage) - 1e-9).rounded(.up))
    }

    /// The service level `scheduledAgents` on the schedule give: after shrinkage they offer
    /// `⌊scheduled·(1 − shrinkage)·c⌋` chat slots (a part of a window takes no chat). 1 without traffic.
    public static func serviceLevel(scheduledAgents: Double, arrivalsPerHour lambda: Double, handleTimeMs: Double,
                                    options: StaffingOptions) -> Double {
        let a = traffic(arrivalsPerHour: lambda, handleTimeMs: handleTimeMs)
        let slots = Int((scheduledAgents * (1 - options.shrinkage) * Double(options.concurrency) + 1e-9).rounded(.down))
        return ErlangC.serviceLevel(servers: slots, traffic: a, handleTime: handleTimeMs, within: Double(options.withinMs))
    }

    /// Traffic A = λ·AHT in erlangs, from arrivals per hour and a handle time in ms.
    public static func traffic(arrivalsPerHour lambda: Double, handleTimeMs: Double) -> Double {
        lambda > 0 ? lambda * handleTimeMs / 3_600_000 : 0
    }
}

/// The agents one hour needs, and how the queue behaves with exactly that many.
public struct AgentRequirement: Sendable, Equatable {
    /// A = λ·AHT, erlangs.
    public var traffic: Double
    /// N: agents available for chats.
    public var agents: Int
    /// ⌈N / (1 − shrinkage)⌉: agents to schedule.
    public var scheduled: Int
    /// SL at N agents.
    public var serviceLevel: Double
    /// A / (N·c).
    public var occupancy: Double
    /// ASA at N agents, ms.
    public var averageSpeedOfAnswerMs: Double
}
