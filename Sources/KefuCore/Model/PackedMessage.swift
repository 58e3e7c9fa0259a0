/// A buyer's message as the engine walks it, in 16 bytes: its instant, its place in the
/// buyer's messages (input order), and its agent (an interned integer) with the sender and
/// auto-reply flags in the low bits. The buyer is implied.
struct PackedMessage: Sendable, Equatable {
    var ts: Instant
    /// Position among the buyer's messages, in input order (same-instant ties, SPEC §3).
    var seq: UInt32
    private var bits: UInt32

    init(ts: Instant, seq: UInt32, agent: Int32, sender: Sender, auto: Bool) {
        self.init(ts: ts, seq: seq, bits: PackedMessage.bits(agent: agent, sender: sender, auto: auto))
    }

    init(ts: Instant, seq: UInt32, bits: UInt32) {
        self.ts = ts
        self.seq = seq
        self.bits = bits
    }

    /// The agent and the flags, as stored.
    var agentAndFlags: UInt32 { bits }

    init(_ m: StoredMessage, seq: UInt32) { self.init(ts: m.ts, seq: seq, bits: m.bits) }

    static func bits(agent: Int32, sender: Sender, auto: Bool) -> UInt32 {
        precondition(agent < 1 << 30, "more than 2^30 agents")
        return UInt32(agent) << 2 | (sender == .buyer ? 2 : 0) | (auto && sender == .agent ? 1 : 0)
    }

    var agent: Int32 { Int32(bits >> 2) }
    var isBuyer: Bool { bits & 2 != 0 }
    var isAuto: Bool { bits & 1 != 0 }
    /// An agent message that is not an auto reply: one that answers turns and attributes orders.
    var isAgentReply: Bool { bits & 3 == 0 }
    var sender: Sender { isBuyer ? .buyer : .agent }

    /// Same natural key (SPEC §2: ts + buyer + agent + sender + auto; the buyer is implied).
    func sameKey(_ o: PackedMessage) -> Bool { ts == o.ts && bits == o.bits }

    /// The natural key without the input position, for set look-ups.
    var key: Key { Key(ts: ts, bits: bits) }
    struct Key: Hashable, Sendable { var ts: Instant; var bits: UInt32 }
}

/// SPEC §3's walk order within one pair: time, then buyer before agent at the same instant,
/// then input order.
@inline(__always) func walkOrder(_ a: PackedMessage, _ b: PackedMessage) -> Bool {
    if a.ts != b.ts { return a.ts < b.ts }
    if a.isBuyer != b.isBuyer { return a.isBuyer }
    return a.seq < b.seq
}

/// A message as the book stores it, in 12 bytes: its instant (in two halves, so the struct
/// packs at 4-byte alignment) and its agent with the sender and auto-reply flags. Its buyer
/// is the segment it is stored in, its input position its place there.
struct StoredMessage: Sendable, Equatable {
    private var tsLow: UInt32
    private var tsHigh: UInt32
    /// Agent and flags, as in `PackedMessage`.
    let bits: UInt32

    init(ts: Instant, bits: UInt32) {
        let t = UInt64(bitPattern: ts)
        tsLow = UInt32(truncatingIfNeeded: t)
        tsHigh = UInt32(truncatingIfNeeded: t >> 32)
        self.bits = bits
    }

    @inline(__always) var ts: Instant { Instant(bitPattern: UInt64(tsHigh) << 32 | UInt64(tsLow)) }

    /// The natural key within the buyer's messages.
    var key: PackedMessage.Key { PackedMessage.Key(ts: ts, bits: bits) }
}

/// A buyer's messages in input order, read as `PackedMessage`s whose `seq` is their position.
struct BuyerMessages: RandomAccessCollection, Sendable {
    let stored: ArraySlice<StoredMessage>

    var startIndex: Int { 0 }
    var endIndex: Int { stored.count }
    @inline(__always) subscript(i: Int) -> PackedMessage { PackedMessage(stored[stored.startIndex + i], seq: UInt32(i)) }
}
