import KefuCore

/// How a generated chat went, for what follows it (orders, ratings, tickets).
struct ChatOutcome {
    var end: Instant
    var firstAnswer: Instant?
    var agentMessages = 0
    var unanswered = 0
    var outliers = 0
}

extension DayGenerator {
    /// A buyer-initiated chat: each question may get a follow-up from the buyer and an
    /// immediate auto reply, then an answer after a realistic delay (or none: an unanswered
    /// turn, after which the buyer often leaves).
    mutating func chat(agent: Int, buyer: String, start: Instant, questions: Int,
                       offShift: Bool, stress: Double) -> ChatOutcome {
        let profile = roster.profiles[agent]
        var outcome = ChatOutcome(end: start)
        var t = start
        for i in 0..<questions {
            message(t, buyer, agent, .buyer)
            var lastBuyer = t
            if rng.chance(0.3) {
                lastBuyer = t + ms(4_000...25_000)
                message(lastBuyer, buyer, agent, .buyer)
            }
            outcome.end = max(outcome.end, lastBuyer)
            if rng.chance(i == 0 ? profile.autoReplyRate : profile.autoReplyRate * 0.1) {
                let auto = t + ms(1_000...3_000)
                message(auto, buyer, agent, .agent, auto: true)
                outcome.end = max(outcome.end, auto)
            }
            if rng.chance(min(0.7, profile.unansweredRate * (offShift ? 12 : 1) * stress)) {
                outcome.unanswered += 1
                if rng.chance(0.6) { break }
                t = outcome.end + ms(120_000...900_000)
                continue
            }
            let delay = responseDelay(profile, offShift: offShift, stress: stress)
            if delay > 900_000 { outcome.outliers += 1 }
            var answer = t + delay
            if answer <= lastBuyer { answer = lastBuyer + ms(3_000...20_000) }
            message(answer, buyer, agent, .agent)
            outcome.agentMessages += 1
            if outcome.firstAnswer == nil { outcome.firstAnswer = answer }
            var last = answer
            if rng.chance(0.25) {
                last = answer + ms(4_000...40_000)
                message(last, buyer, agent, .agent)
                outcome.agentMessages += 1
            }
            outcome.end = max(outcome.end, last)
            t = outcome.end + ms(8_000...240_000)
        }
        return outcome
    }

    /// Milliseconds from a buyer's question to the agent's answer: mostly 4–60 s (faster
    /// agents answer sooner), some slow (61–900 s), a few outliers (> 900 s); more of both
    /// in rush hours and off shift.
    mutating func responseDelay(_ p: SampleAgentProfile, offShift: Bool, stress: Double) -> Int64 {
        let s = p.slowness * stress * (offShift ? 4 : 1)
        let outlier = min(0.25, 0.012 * s)
        let slow = min(0.6, 0.1 * s)
        let u = rng.unit()
        if u < outlier { return ms(901_000...7_200_000) }
        let v = rng.unit()
        if u < outlier + slow { return (61 + Int64(v * v * 839)) * 1000 }
        return (4 + Int64(v * v * 56 * min(1, 0.45 + 0.35 * p.slowness))) * 1000
    }
}
