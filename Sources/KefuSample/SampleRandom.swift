/// A deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Only integer arithmetic and IEEE-754 basic operations are used, so the same seed gives the
/// same sequence, and therefore byte-identical sample data, on every platform.
public struct SampleRandom: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for a seed; any 64-bit value works, including 0.
    public init(seed: UInt64) {
        var sm = seed
        s0 = SampleRandom.splitMix(&sm)
        s1 = SampleRandom.splitMix(&sm)
        s2 = SampleRandom.splitMix(&sm)
        s3 = SampleRandom.splitMix(&sm)
    }

    /// A generator for a seed and a list of stream labels (a day, an agent index, ...): streams
    /// with different labels are independent, so one day can be generated without the others.
    public init(seed: UInt64, stream labels: UInt64...) {
        var h = SampleRandom.mix(seed)
        for label in labels { h = SampleRandom.mix(h ^ SampleRandom.mix(label &+ 0x9E37_79B9_7F4A_7C15)) }
        self.init(seed: h)
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0..<n` (n ≥ 1), by multiply-high.
    @inline(__always)
    public mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform integer in a closed range.
    @inline(__always)
    public mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }

    /// A uniform Int64 in a closed range (milliseconds, fen).
    @inline(__always)
    public mutating func int64(in r: ClosedRange<Int64>) -> Int64 {
        r.lowerBound + Int64(next().multipliedFullWidth(by: UInt64(r.upperBound - r.lowerBound + 1)).high)
    }

    /// A uniform Double in `[0, 1)` with 53 random bits.
    @inline(__always)
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability p.
    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An index drawn with the given integer weights (at least one positive).
    public mutating func weighted(_ weights: [Int]) -> Int {
        var r = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// A uniformly chosen element of a non-empty array.
    @inline(__always)
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Rounds a non-negative expected count to an integer whose mean is that count.
    public mutating func count(expected x: Double) -> Int {
        let whole = Int(x)
        return whole + (chance(x - Double(whole)) ? 1 : 0)
    }

    // MARK: - SplitMix64

    @inline(__always)
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix(state)
    }

    /// SplitMix64's finaliser: a bijective 64-bit mixer.
    @inline(__always)
    static func mix(_ x0: UInt64) -> UInt64 {
        var z = x0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
