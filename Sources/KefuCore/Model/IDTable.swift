/// A string id (agent, buyer) hashed and compared as its UTF-8 bytes.
///
/// Swift's `String` hashes and compares by canonical equivalence, which normalises every
/// non-ASCII string (every Chinese agent id) on each hash. Ids are opaque byte strings (SPEC §4
/// even orders them as UTF-8 bytes), so byte identity is the right equality and much cheaper.
struct ByteKey: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        var t = text
        t.makeContiguousUTF8()
        self.text = t
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        var a = a.text, b = b.text
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmpEqual(x, y)) } }
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

@inline(__always) private func memcmpEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    for i in 0..<x.count where x[i] != y[i] { return false }
    return true
}

/// Interns ids: each distinct id gets a dense integer, and every record naming it shares one
/// `String` instance.
struct IDTable: Sendable {
    private var index: [ByteKey: Int32] = [:]
    /// The id of each integer.
    private(set) var names: [String] = []

    var count: Int { names.count }

    /// The integer of `s`, assigning the next one on first sight.
    mutating func intern(_ s: String) -> Int32 {
        let key = ByteKey(s)
        if let i = index[key] { return i }
        let i = Int32(names.count)
        index[key] = i
        names.append(key.text)
        return i
    }

    /// The integer of `s`, if it was interned.
    func find(_ s: String) -> Int32? { index[ByteKey(s)] }

    subscript(_ i: Int32) -> String { names[Int(i)] }
}

/// Compares ids as UTF-8 bytes (SPEC §4's tie rule).
@inline(__always) public func utf8Less(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
