/// Walks one buyer at a time into its conversations (SPEC §3), reusing its buffers from buyer
/// to buyer: the dashboard's trackers re-walk only the buyers whose records changed.
///
/// A buyer's conversations are the ones `ScoringEngine.conversations(_:asOf:)` lists for it,
/// in the same order; each comes with its agent's interned integer.
struct ConversationWalker: Sendable {
    private let builder: ConversationBuilder
    private var walk = WalkBuffers()
    /// Agent ids by integer, made once each (an integer names the same agent for good).
    private var agentNames: [String] = []

    init(config: KefuConfig) {
        builder = ConversationBuilder(zone: config.zone, outlierMs: config.thresholds.outlierMs)
    }

    /// Buyer `b`'s conversations as of `asOf`; without their turns when `turns` is false.
    mutating func conversations(ofBuyerID b: Int32, in book: RecordBook, asOf: Instant?, turns: Bool = true)
        -> [(agent: Int32, conversation: Conversation)] {
        builder.walk(book.packedMessages(ofBuyerID: b), asOf: asOf, into: &walk)
        let buyer = book.buyerIDs[b]
        var out: [(agent: Int32, conversation: Conversation)] = []
        out.reserveCapacity(walk.spans.count)
        for s in walk.spans {
            while agentNames.count <= Int(s.agent) { agentNames.append(book.agentIDs[Int32(agentNames.count)]) }
            out.append((s.agent, Conversation(agent: agentNames[Int(s.agent)], buyer: buyer, day: LocalDate(day: s.day), start: s.start,
                                              end: s.end, firstBuyerMessage: s.firstBuyerMessage, buyerMessages: s.buyerMessages,
                                              agentMessages: s.agentMessages, turns: turns ? Array(walk.turns[s.turns]) : [])))
        }
        return out
    }
}
