import KefuCore

/// An agent's presence, from the age of its last message: busy (≤ 2 min, in a conversation),
/// online (≤ 15 min), away (older, or no message at all).
public enum AgentStatus: Int, Sendable, Comparable {
    case busy, online, away

    public static let busyMs: Int64 = 120_000
    public static let onlineMs: Int64 = 900_000

    public init(lastActivity: Instant?, now: Instant) {
        guard let last = lastActivity else { self = .away; return }
        let age = now - last
        self = age <= AgentStatus.busyMs ? .busy : age <= AgentStatus.onlineMs ? .online : .away
    }

    public func label(_ l: Language) -> String {
        switch self {
        case .busy: return l.pick("忙碌", "busy")
        case .online: return l.pick("在线", "online")
        case .away: return l.pick("离开", "away")
        }
    }

    public static func < (a: AgentStatus, b: AgentStatus) -> Bool { a.rawValue < b.rawValue }
}
