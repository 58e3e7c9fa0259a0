/// Integers kept as zigzag varints in one byte array: a number near zero, positive or
/// negative, takes one byte. The dashboard keeps what each buyer added to its figures in this
/// form (a buyer's many zero counters cost a byte each, and one array per buyer, not several).
struct VarintBytes: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends `x`.
    mutating func put(_ x: Int64) {
        var v = UInt64(bitPattern: (x << 1) ^ (x >> 63))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func put(_ x: Int) { put(Int64(x)) }
    mutating func put(_ x: Int32) { put(Int64(x)) }

    /// Reads the integers back in the order they were put.
    var reader: Reader { Reader(bytes: bytes) }

    struct Reader {
        let bytes: [UInt8]
        private var at = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func next() -> Int64 {
            var shift: UInt64 = 0, v: UInt64 = 0
            while true {
                let b = bytes[at]; at += 1
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
        }

        mutating func nextInt() -> Int { Int(next()) }
        mutating func nextInt32() -> Int32 { Int32(truncatingIfNeeded: next()) }
    }
}
