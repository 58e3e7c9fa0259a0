/// Interns ids (agents, buyers, orders, tickets): each distinct id gets a dense integer, in the
/// order first seen.
///
/// The ids' UTF-8 bytes live end to end in one arena, found through an open-addressing index
/// of (hash, integer) slots, so an id costs its bytes plus about a dozen more, and no object
/// per id. Ids are hashed and compared as bytes: they are opaque byte strings (SPEC §4 even
/// orders them as UTF-8 bytes), while Swift's `String` would normalise every Chinese id on
/// each hash and comparison.
struct IDTable: Sendable {
    /// Every id's bytes, end to end.
    private var arena: [UInt8] = []
    /// Where each id's bytes end in the arena (each starts where the previous one ends).
    private var ends: [UInt32] = []
    /// Open addressing, linear probing: `hash << 32 | (integer + 1)`, 0 for an empty slot.
    private var slots: [UInt64] = []

    var count: Int { ends.count }

    /// The integer of `s`, assigning the next one on first sight.
    mutating func intern(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { intern($0) }
    }

    /// The integer of the id with these UTF-8 bytes, assigning the next one on first sight.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if slots.isEmpty || (ends.count + 1) * 4 > slots.count * 3 { grow() }
        let h = IDTable.hash(bytes)
        let (found, slot) = probe(bytes, hash: h)
        if let found { return found }
        let id = Int32(ends.count)
        arena.append(contentsOf: bytes)
        precondition(arena.count <= Int(UInt32.max), "ids take more than 4 GiB")
        ends.append(UInt32(arena.count))
        slots[slot] = UInt64(h) << 32 | UInt64(id + 1)
        return id
    }

    /// The integer of `s`, if it was interned.
    func find(_ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { find($0) }
    }

    /// The integer of the id with these UTF-8 bytes, if it was interned.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !slots.isEmpty else { return nil }
        return probe(bytes, hash: IDTable.hash(bytes)).id
    }

    /// Looks the bytes up: their integer, or the empty slot where they would go.
    @inline(__always) private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> (id: Int32?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            ends.withUnsafeBufferPointer { ends in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    var i = Int(h) & mask
                    while true {
                        let slot = slots[i]
                        if slot == 0 { return (nil, i) }
                        if UInt32(truncatingIfNeeded: slot >> 32) == h {
                            let id = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                            let start = id == 0 ? 0 : Int(ends[id - 1])
                            let count = Int(ends[id]) - start
                            if count == bytes.count, count == 0 || memcmpEqual(arena.baseAddress! + start, bytes.baseAddress!, count) {
                                return (Int32(id), i)
                            }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// The id of an integer.
    subscript(_ i: Int32) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }

    /// Every id, by integer (a new array: O(count)).
    var names: [String] { (0..<Int32(count)).map { self[$0] } }

    /// Calls `body` with the UTF-8 bytes of id `i`.
    func withBytes<R>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = i == 0 ? 0 : Int(ends[Int(i) - 1])
        let end = Int(ends[Int(i)])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Whether id `a` sorts before id `b` as UTF-8 bytes (SPEC §4's tie rule).
    func less(_ a: Int32, _ b: Int32) -> Bool {
        withBytes(a) { x in withBytes(b) { y in x.lexicographicallyPrecedes(y) } }
    }

    /// Room for `n` more ids (taking `bytes` bytes in all, when known) without rehashing.
    mutating func reserveCapacity(_ n: Int, bytes: Int = 0) {
        let want = (ends.count + n) * 4 / 3 + 1
        while slots.count < want { grow() }
        ends.reserveCapacity(ends.count + n)
        if bytes > 0 { arena.reserveCapacity(arena.count + bytes) }
    }

    /// Doubles the index (at least 16 slots) and re-seats every slot.
    private mutating func grow() {
        let old = slots
        let capacity = max(16, old.count * 2)
        slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for slot in old where slot != 0 {
            var i = Int(slot >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    /// A 32-bit hash of bytes: FxHash over 8-byte words, finished with MurmurHash3's mix.
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= b.count {
                h = (h.rotatedLeft(5) ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x517C_C1B7_2722_0A95
                i += 8
            }
            if i < b.count {
                var tail: UInt64 = 0
                var shift: UInt64 = 0
                while i < b.count { tail |= UInt64(b[i]) << shift; shift += 8; i += 1 }
                h = (h.rotatedLeft(5) ^ tail) &* 0x517C_C1B7_2722_0A95
            }
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }
}

extension UInt64 {
    @inline(__always) fileprivate func rotatedLeft(_ k: UInt64) -> UInt64 { self << k | self >> (64 - k) }
}

@inline(__always) private func memcmpEqual(_ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
    while i + 8 <= n {
        if rx.loadUnaligned(fromByteOffset: i, as: UInt64.self) != ry.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    while i < n {
        if x[i] != y[i] { return false }
        i += 1
    }
    return true
}

/// Compares ids as UTF-8 bytes (SPEC §4's tie rule).
@inline(__always) public func utf8Less(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
