import KefuCore

/// Shop time for the tests: UTC+8 without transitions, like Asia/Shanghai.
let zone = ShopTimeZone(fixedOffsetSeconds: 8 * 3600)

func date(_ text: String) -> LocalDate { LocalDate(text)! }

/// The instant of a shop-local wall-clock time on `day`.
func at(_ day: String, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Instant {
    zone.startOfDay(date(day)) + Int64((hour * 3600 + minute * 60 + second) * 1000)
}

/// A conversation on `day` starting at hh:mm and lasting `seconds`.
/// A consult reception by default; `buyer: 0` makes outreach, `agent: 0` an unanswered consult.
func conversation(_ day: String, _ hour: Int, _ minute: Int, seconds: Int, agent: String = "a1",
                  buyerMessages: Int = 2, agentMessages: Int = 2, turns: [Turn] = []) -> Conversation {
    let start = at(day, hour, minute)
    return Conversation(agent: agent, buyer: "b", day: date(day), start: start, end: start + Int64(seconds * 1000),
                        firstBuyerMessage: buyerMessages > 0 ? start : nil, buyerMessages: buyerMessages,
                        agentMessages: agentMessages, turns: turns)
}

func shift(_ agent: String, _ day: String, _ start: String, _ end: String) -> Shift {
    func minutes(_ s: String) -> Int { let p = s.split(separator: ":"); return Int(p[0])! * 60 + Int(p[1])! }
    return Shift(agent: agent, date: date(day), start: minutes(start), end: minutes(end))
}
