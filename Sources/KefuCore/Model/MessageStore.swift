/// Every buyer's messages, packed (16 bytes each), in one flat array: each buyer's in one
/// segment, in input order, so a buyer's messages are one `ArraySlice` and a book of ten
/// million messages is one allocation plus eight bytes per buyer.
///
/// Two ways in:
/// - `add` stores one message at once (the live path, the dashboard). A segment that is full
///   moves to the end of the array with room to grow (to the next power of two); the space it
///   leaves is reclaimed by sliding the segments down when it is a quarter of the array.
/// - `queue` then `storeQueued` (a bulk load): queued messages are appended in arrival order
///   (with their buyer where the input position will go), then grouped by buyer in place,
///   by a counting sort that follows the permutation's cycles, and deduplicated. Nothing is
///   copied, so a load needs no more memory than the messages themselves.
struct MessageStore: Sendable {
    private(set) var flat: [PackedMessage] = []
    /// Per buyer: where its segment starts in `flat`.
    private var start: [UInt32] = []
    /// Per buyer: its number of messages, with `roomy` set when the segment has room up to the
    /// next power of two (at least 4); without it, the segment is exactly that long.
    private var length: [UInt32] = []
    /// Slots of `flat` that no segment uses any more.
    private var garbage = 0
    /// Natural keys of the messages of buyers with many, where a scan of the segment would be slow.
    private var bigKeys: [Int32: Set<PackedMessage.Key>] = [:]
    /// The next input position.
    private var nextSeq: UInt32 = 0
    /// Distinct messages stored.
    private(set) var count = 0
    /// Messages queued and not yet stored (they sit at the end of `flat`, not in any segment).
    private(set) var queued = 0

    /// A segment is scanned for duplicates up to this length; longer ones keep a set.
    private static let scanLimit = 64
    private static let roomy: UInt32 = 1 << 31

    /// The range of buyer integers.
    var buyerCount: Int { start.count }

    /// Makes room for one more buyer (buyer integers are dense).
    mutating func addBuyer() {
        start.append(0)
        length.append(0)
    }

    /// Buyer `b`'s messages, in input order.
    func messages(of b: Int32) -> ArraySlice<PackedMessage> {
        let s = Int(start[Int(b)])
        return flat[s..<(s + MessageStore.count(length[Int(b)]))]
    }

    @inline(__always) private static func count(_ length: UInt32) -> Int { Int(length & ~roomy) }

    /// The slots a segment occupies.
    private static func capacity(_ length: UInt32) -> Int {
        let n = count(length)
        guard length & roomy != 0 else { return n }
        return max(4, n <= 1 ? 1 : 1 << (Int.bitWidth - (n - 1).leadingZeroBitCount))
    }

    /// Stores `m` (its `seq` is assigned here) as buyer `b`'s; false when a message with the
    /// same natural key is stored already (the first one wins).
    mutating func add(_ m: PackedMessage, buyer b: Int32) -> Bool {
        precondition(queued == 0, "store the queued messages before adding one")
        let i = Int(b)
        let n = MessageStore.count(length[i])
        if n < MessageStore.scanLimit {
            let s = Int(start[i])
            for k in s..<(s + n) where flat[k].sameKey(m) { return false }
        } else {
            if bigKeys[b] == nil { bigKeys[b] = Set(messages(of: b).map(\.key)) }
            guard bigKeys[b]!.insert(m.key).inserted else { return false }
        }
        if n == MessageStore.capacity(length[i]) { relocate(i, adding: 1) }
        flat[Int(start[i]) + n] = PackedMessage(ts: m.ts, seq: nextSeq, bits: m.agentAndFlags)
        nextSeq += 1
        length[i] = UInt32(n + 1) | MessageStore.roomy
        count += 1
        return true
    }

    /// Moves segment `i` to the end of `flat` with room for `k` more messages (its length
    /// stays; the caller fills the room and sets it).
    private mutating func relocate(_ i: Int, adding k: Int) {
        let n = MessageStore.count(length[i])
        let room = max(4, 1 << (Int.bitWidth - (n + k - 1).leadingZeroBitCount))
        // Reclaim when a quarter is garbage, or an eighth if the array would have to grow.
        if garbage > 4096, garbage * 4 > flat.count || (flat.count + room > flat.capacity && garbage * 8 > flat.count) {
            collectGarbage()
        }
        let from = Int(start[i])
        let to = flat.count
        precondition(to + room < Int(UInt32.max), "more than 2^32 messages")
        for k in from..<(from + n) { flat.append(flat[k]) }
        flat.append(contentsOf: repeatElement(PackedMessage(ts: 0, seq: 0, bits: 0), count: room - n))
        garbage += MessageStore.capacity(length[i])
        start[i] = UInt32(to)
        length[i] = UInt32(n) | MessageStore.roomy
    }

    /// Slides every segment down over the space segments left behind.
    private mutating func collectGarbage() {
        let lengths = length
        var starts: [UInt32] = []
        swap(&starts, &start)
        var order = (0..<Int32(lengths.count)).filter { MessageStore.count(lengths[Int($0)]) > 0 }
        order.sort { starts[Int($0)] < starts[Int($1)] }
        var write = 0
        flat.withUnsafeMutableBufferPointer { f in
            for b in order {
                let from = Int(starts[Int(b)]), n = MessageStore.count(lengths[Int(b)])
                if from != write { for k in 0..<n { f[write + k] = f[from + k] } }
                starts[Int(b)] = UInt32(write)
                write += MessageStore.capacity(lengths[Int(b)])
            }
        }
        swap(&starts, &start)
        flat.removeSubrange(write...)
        garbage = 0
    }

    // MARK: bulk loading

    /// Room for `n` more messages, so a bulk load never copies the array to grow it.
    mutating func reserve(_ n: Int) { flat.reserveCapacity(flat.count + n) }

    /// Queues a message of buyer `b` (`bits`: agent and flags) for `storeQueued`.
    mutating func queue(ts: Instant, buyer b: Int32, bits: UInt32) {
        flat.append(PackedMessage(ts: ts, seq: UInt32(b), bits: bits))
        queued += 1
    }

    /// Stores the queued messages under the natural-key rules, as if added one by one in
    /// arrival order: the book's messages first, then the first of each key. Returns how many
    /// duplicates there were among the queued messages with an arrival index below
    /// `rangeEnds[0]`, then below `rangeEnds[1]` (and at or above `rangeEnds[0]`), and so on.
    mutating func storeQueued(rangeEnds: [Int]) -> [Int] {
        var duplicates = [Int](repeating: 0, count: rangeEnds.count)
        let n = queued
        guard n > 0 else { return duplicates }
        let base = flat.count - n
        let buyers = start.count
        precondition(UInt64(nextSeq) + UInt64(n) < UInt64(UInt32.max) && flat.count < Int(UInt32.max), "more than 2^32 messages")
        let seqBase = nextSeq
        let removed = UInt32.max

        // Counting sort by buyer, in place: `cursor[b]` is where buyer b's next message goes;
        // afterwards it is where b's queued messages end.
        var cursor = [UInt32](repeating: 0, count: buyers)
        var done = [UInt64](repeating: 0, count: (n + 63) / 64)
        flat.withUnsafeMutableBufferPointer { f in
            for k in base..<(base + n) { cursor[Int(f[k].seq)] += 1 }
            var running = UInt32(base)
            for b in 0..<buyers { let c = cursor[b]; cursor[b] = running; running += c }
            // Follow each cycle of the permutation: every position is written once, and the
            // message picked up from a position not yet written is still the one that arrived there.
            for p in base..<(base + n) where done[(p - base) >> 6] & (1 << UInt64((p - base) & 63)) == 0 {
                var carried = f[p]
                var from = p
                while true {
                    let q = Int(cursor[Int(carried.seq)])
                    cursor[Int(carried.seq)] += 1
                    let placed = PackedMessage(ts: carried.ts, seq: seqBase + UInt32(from - base), bits: carried.agentAndFlags)
                    done[(q - base) >> 6] |= 1 << UInt64((q - base) & 63)
                    if q == p { f[p] = placed; break }
                    let next = f[q]
                    f[q] = placed
                    carried = next
                    from = q
                }
            }
        }
        done = []

        // Each buyer's queued messages back in arrival order, then its duplicates marked.
        var lo = base
        let starts = start, lengths = length
        flat.withUnsafeMutableBufferPointer { f in
            for b in 0..<buyers {
                let hi = Int(cursor[b])
                defer { lo = hi }
                guard hi > lo else { continue }
                let segment = UnsafeMutableBufferPointer(rebasing: f[lo..<hi])
                if segment.count > 1 { MessageStore.sortBySeq(segment) }
                let old = Int(starts[b]), oldCount = MessageStore.count(lengths[b])
                let stored = UnsafeBufferPointer(rebasing: f[old..<(old + oldCount)])
                MessageStore.markDuplicates(segment, after: stored, removed: removed) { seq in
                    let arrival = Int(seq - seqBase)
                    if let j = rangeEnds.firstIndex(where: { arrival < $0 }) { duplicates[j] += 1 }
                }
            }
        }

        // Close the gaps, buyer by buyer; buyers with messages before join theirs at the end.
        var write = base
        var merges: [(buyer: Int, at: Int, count: Int)] = []
        lo = base
        for b in 0..<buyers {
            let hi = Int(cursor[b])
            defer { lo = hi }
            guard hi > lo else { continue }
            let at = write
            for k in lo..<hi where flat[k].seq != removed {
                flat[write] = flat[k]
                write += 1
            }
            let kept = write - at
            guard kept > 0 else { continue }
            count += kept
            if MessageStore.count(length[b]) == 0 {
                start[b] = UInt32(at)
                length[b] = UInt32(kept)
            } else {
                merges.append((b, at, kept))
            }
        }
        flat.removeSubrange(write...)
        for m in merges {
            relocateMerging(m.buyer, from: m.at, count: m.count)
            bigKeys[Int32(m.buyer)] = nil
        }
        nextSeq = seqBase + UInt32(n)
        queued = 0
        if garbage > 4096, garbage * 4 > flat.count { collectGarbage() }
        return duplicates
    }

    /// Moves buyer `i`'s segment to the end of `flat`, followed by `k` of its new messages
    /// stored at `from` (which becomes garbage).
    private mutating func relocateMerging(_ i: Int, from: Int, count k: Int) {
        let n = MessageStore.count(length[i])
        let room = max(4, 1 << (Int.bitWidth - (n + k - 1).leadingZeroBitCount))
        let old = Int(start[i])
        let to = flat.count
        precondition(to + room < Int(UInt32.max), "more than 2^32 messages")
        for j in old..<(old + n) { flat.append(flat[j]) }
        for j in from..<(from + k) { flat.append(flat[j]) }
        flat.append(contentsOf: repeatElement(PackedMessage(ts: 0, seq: 0, bits: 0), count: room - n - k))
        garbage += MessageStore.capacity(length[i]) + k
        start[i] = UInt32(to)
        length[i] = UInt32(n + k) | MessageStore.roomy
    }

    /// Sorts a buyer's queued messages by input position: insertion sort for the short,
    /// nearly sorted segments of a buyer, the library's sort for long ones.
    private static func sortBySeq(_ s: UnsafeMutableBufferPointer<PackedMessage>) {
        guard s.count <= 32 else { var s = s; s.sort { $0.seq < $1.seq }; return }
        for i in 1..<s.count {
            let x = s[i]
            var j = i
            while j > 0, s[j - 1].seq > x.seq { s[j] = s[j - 1]; j -= 1 }
            s[j] = x
        }
    }

    /// Marks (seq = `removed`) each queued message whose natural key a stored message or an
    /// earlier queued one has, calling `found` with its input position.
    private static func markDuplicates(_ queued: UnsafeMutableBufferPointer<PackedMessage>, after stored: UnsafeBufferPointer<PackedMessage>,
                                removed: UInt32, found: (UInt32) -> Void) {
        if stored.count + queued.count > scanLimit {
            var keys = Set(stored.map(\.key))
            for k in queued.indices where !keys.insert(queued[k].key).inserted {
                found(queued[k].seq)
                queued[k].seq = removed
            }
            return
        }
        // A message later than every one before it cannot repeat one: time-ordered input skips the scan.
        var latest = stored.reduce(Instant.min) { max($0, $1.ts) }
        for k in queued.indices {
            let m = queued[k]
            if m.ts > latest { latest = m.ts; continue }
            if stored.contains(where: { $0.sameKey(m) })
                || queued[..<k].contains(where: { $0.seq != removed && $0.sameKey(m) }) {
                found(m.seq)
                queued[k].seq = removed
            }
        }
    }
}
