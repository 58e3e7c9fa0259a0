/// Every buyer's messages, 12 bytes each, in one flat array: each buyer's in one segment, in
/// input order, so a book of ten million messages is one allocation plus twelve bytes per buyer.
///
/// A segment has room to grow. When it is full, it moves to the end of the array with twice
/// the room; the space it leaves is reclaimed by sliding the segments down once a quarter of
/// the array is such space. A bulk load that counts each buyer's messages first (`expect`,
/// then `reserveExpected`) lays every segment out once at its final size: its messages then
/// go straight to their place, and the array needs no more memory than they do.
///
/// Duplicates (SPEC §2: ts + buyer + agent + sender + auto) are found without a scan while a
/// segment is in time order (exports are): a new message later than the last cannot repeat
/// one, an earlier one is looked up by binary search. A segment out of time order is scanned,
/// or, when long, checked against a set of its keys.
struct MessageStore: Sendable {
    private(set) var flat: [StoredMessage] = []
    /// Per buyer: where its segment starts in `flat`.
    private var start: [UInt32] = []
    /// Per buyer: its number of messages, with `unsorted` set once they are out of time order.
    private var length: [UInt32] = []
    /// Per buyer: the slots its segment occupies.
    private var room: [UInt32] = []
    /// Per buyer, during a bulk load: the messages a first pass counted.
    private var expected: [UInt32] = []
    /// Slots of `flat` that no segment uses any more.
    private var garbage = 0
    /// Natural keys of long segments out of time order, where a scan would be slow.
    private var bigKeys: [Int32: Set<PackedMessage.Key>] = [:]
    /// Distinct messages stored.
    private(set) var count = 0

    /// A segment out of time order is scanned for duplicates up to this length; longer ones keep a set.
    private static let scanLimit = 64
    private static let unsorted: UInt32 = 1 << 31

    /// Gives buyer `b`'s segment room for `n` more messages at once (a bulk load that reads a
    /// buyer's messages together), so adding them moves nothing.
    mutating func makeRoom(buyer b: Int32, for n: Int) {
        let i = Int(b)
        let need = Int(length[i] & ~MessageStore.unsorted) + n
        if need > Int(room[i]) { relocate(i, room: need) }
    }

    /// Room for `n` more messages in all.
    mutating func reserveMessages(_ n: Int) { flat.reserveCapacity(flat.count + n) }

    /// Room for `n` more buyers.
    mutating func reserveBuyers(_ n: Int) {
        start.reserveCapacity(start.count + n)
        length.reserveCapacity(length.count + n)
        room.reserveCapacity(room.count + n)
    }

    /// The range of buyer integers.
    var buyerCount: Int { start.count }

    /// Makes room for one more buyer (buyer integers are dense).
    mutating func addBuyer() {
        start.append(0)
        length.append(0)
        room.append(0)
        if !expected.isEmpty { expected.append(0) }
    }

    /// Buyer `b`'s messages, in input order.
    func messages(of b: Int32) -> BuyerMessages {
        let s = Int(start[Int(b)])
        return BuyerMessages(stored: flat[s..<(s + Int(length[Int(b)] & ~MessageStore.unsorted))])
    }

    /// Stores a message of buyer `b` (`bits`: agent and flags); false when one with the same
    /// natural key is stored already (the first one wins).
    mutating func add(ts: Instant, bits: UInt32, buyer b: Int32) -> Bool {
        let i = Int(b)
        let n = Int(length[i] & ~MessageStore.unsorted)
        let s = Int(start[i])
        var inOrder = length[i] & MessageStore.unsorted == 0
        if inOrder, n > 0 {
            var k: Int
            if ts >= flat[s + n - 1].ts {
                // Only the last messages, at the same instant, can repeat it.
                k = s + n - 1
                while k >= s, flat[k].ts == ts {
                    if flat[k].bits == bits { return false }
                    k -= 1
                }
            } else {
                k = lowerBound(ts, in: s..<(s + n))
                while k < s + n, flat[k].ts == ts {
                    if flat[k].bits == bits { return false }
                    k += 1
                }
                inOrder = false
            }
        } else if !inOrder {
            if n < MessageStore.scanLimit {
                for k in s..<(s + n) where flat[k].ts == ts && flat[k].bits == bits { return false }
            } else {
                if bigKeys[b] == nil { bigKeys[b] = Set(flat[s..<(s + n)].map(\.key)) }
                guard bigKeys[b]!.insert(PackedMessage.Key(ts: ts, bits: bits)).inserted else { return false }
            }
        }
        if n == Int(room[i]) { relocate(i, room: max(4, 2 * n)) }
        flat[Int(start[i]) + n] = StoredMessage(ts: ts, bits: bits)
        length[i] = UInt32(n + 1) | (inOrder ? 0 : MessageStore.unsorted)
        count += 1
        return true
    }

    /// The first index of `range` whose message is not earlier than `ts` (the range in time order).
    private func lowerBound(_ ts: Instant, in range: Range<Int>) -> Int {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if flat[mid].ts < ts { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Moves segment `i` to the end of `flat` with `newRoom` slots.
    private mutating func relocate(_ i: Int, room newRoom: Int) {
        // Reclaim when a quarter is garbage, or an eighth if the array would have to grow.
        if garbage > 4096, garbage * 4 > flat.count || (flat.count + newRoom > flat.capacity && garbage * 8 > flat.count) {
            collectGarbage()
        }
        let n = Int(length[i] & ~MessageStore.unsorted)
        let from = Int(start[i])
        let to = flat.count
        precondition(to + newRoom < Int(UInt32.max), "more than 2^32 messages")
        for k in from..<(from + n) { flat.append(flat[k]) }
        flat.append(contentsOf: repeatElement(StoredMessage(ts: 0, bits: 0), count: newRoom - n))
        garbage += Int(room[i])
        start[i] = UInt32(to)
        room[i] = UInt32(newRoom)
    }

    /// Slides every segment down over the space moved segments left; with `shrink`, each
    /// segment keeps only the room its messages fill.
    private mutating func collectGarbage(shrink: Bool = false) {
        let lengths = length, rooms = room
        var starts: [UInt32] = []
        swap(&starts, &start)
        var order = (0..<Int32(lengths.count)).filter { rooms[Int($0)] > 0 }
        order.sort { starts[Int($0)] < starts[Int($1)] }
        var write = 0
        flat.withUnsafeMutableBufferPointer { f in
            for b in order {
                let from = Int(starts[Int(b)]), n = Int(lengths[Int(b)] & ~MessageStore.unsorted)
                if from != write { for k in 0..<n { f[write + k] = f[from + k] } }
                starts[Int(b)] = UInt32(write)
                write += shrink ? n : Int(rooms[Int(b)])
            }
        }
        swap(&starts, &start)
        if shrink { for b in order { room[Int(b)] = length[Int(b)] & ~MessageStore.unsorted } }
        flat.removeSubrange(write...)
        garbage = 0
    }

    // MARK: bulk loading

    /// Counts `n` messages that buyer `b` will be sent (a bulk load's first pass).
    mutating func expect(buyer b: Int32, count n: Int = 1) {
        if expected.isEmpty { expected = [UInt32](repeating: 0, count: start.count) }
        expected[Int(b)] &+= UInt32(truncatingIfNeeded: n)
    }

    /// Lays out room for the counted messages: each buyer's segment at once at its size (its
    /// messages so far plus those counted), in one allocation with a little spare capacity for
    /// later moves, which costs memory only once it is used.
    mutating func reserveExpected() {
        guard !expected.isEmpty else { return }
        var counts: [UInt32] = []
        swap(&counts, &expected)
        let total = counts.reduce(0) { $0 + Int($1) }
        let kept = (0..<counts.count).reduce(0) { counts[$1] > 0 ? $0 + Int(length[$1] & ~MessageStore.unsorted) : $0 }
        if garbage > 0 { collectGarbage() }
        let need = flat.count + total + kept
        precondition(need < Int(UInt32.max), "more than 2^32 messages")
        flat.reserveCapacity(need + need / 32)
        for b in counts.indices where counts[b] > 0 {
            relocate(b, room: Int(length[b] & ~MessageStore.unsorted) + Int(counts[b]))
        }
    }

    /// Gives back room that a bulk load reserved and did not fill (its duplicates and bad rows)
    /// when it adds up to more than 1/16 of the messages.
    mutating func releaseUnusedRoom() {
        let unused = flat.count - count
        if unused * 16 > count { collectGarbage(shrink: true) }
    }
}
