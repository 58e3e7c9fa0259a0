/// An RFC 4180 CSV reader over UTF-8 bytes: quoted fields may hold commas, doubled quotes and
/// line breaks; records end in LF or CRLF. Each record knows the physical line (1-based) it
/// starts on. Records whose fields are all empty (blank lines, Excel's `,,,,` rows) are skipped.
///
/// Fields are kept as byte ranges into the buffer and turned into strings only when asked for,
/// so unused columns (long chat texts) cost a scan and nothing more. Over a `TextSource` the
/// reader holds one chunk of the file at a time (plus the record that straddles two chunks).
public struct CSVReader {
    /// A field's bytes, and whether it holds doubled quotes to collapse.
    struct Span {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// A malformed record: an unterminated quote (the rest of the file is unreadable).
    public struct Malformed: Error, Sendable {
        public var line: Int
        public var reason: String
    }

    /// The longest record read from a streamed file: a longer one is taken for a quote that is
    /// never closed, so a broken file never makes the reader hold all of it.
    static let maxRecordBytes = 64 << 20

    private var bytes: [UInt8]
    private var position = 0
    private var nextLine = 1
    private var spans: [Span] = []
    /// Where more text comes from; nil once there is no more.
    private var source: TextSource?

    /// The line the current record starts on.
    public private(set) var line = 0
    /// Set when the current record has text after a closing quote (`"a"b`); the record is bad.
    public private(set) var problem: String?

    /// A reader over UTF-8 text (no BOM).
    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        spans.reserveCapacity(16)
    }

    /// A reader over a file's text, read chunk by chunk.
    init(source: TextSource) {
        bytes = []
        bytes.reserveCapacity(2 * ChunkedFile.defaultChunkSize)
        self.source = source
        spans.reserveCapacity(16)
    }

    /// The number of fields in the current record.
    public var fieldCount: Int { spans.count }

    /// Moves to the next record; false at the end of the input.
    public mutating func next() throws(Malformed) -> Bool {
        while true {
            guard try readRecord() else { return false }
            if spans.contains(where: { $0.end > $0.start }) || problem != nil { return true }
        }
    }

    /// The text of field `i` of the current record, or nil when the record has fewer fields.
    public func field(_ i: Int) -> String? {
        guard i < spans.count else { return nil }
        let s = spans[i]
        return bytes.withUnsafeBufferPointer { b in
            let slice = UnsafeBufferPointer(rebasing: b[s.start..<s.end])
            guard s.escaped else { return String(decoding: slice, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(slice.count)
            var k = 0
            while k < slice.count {
                out.append(slice[k])
                k += slice[k] == 0x22 ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Where field `i`'s raw bytes lie in `withBuffer`'s buffer (an empty range when the record
    /// has fewer fields); nil when the field holds doubled quotes, whose bytes are not its text.
    func rawRange(_ i: Int) -> Range<Int>? {
        guard i < spans.count else { return 0..<0 }
        let s = spans[i]
        return s.escaped ? nil : s.start..<s.end
    }

    /// Calls `body` with the buffer that `rawRange` points into.
    func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer(body)
    }

    /// All fields of the current record.
    public var fields: [String] { (0..<spans.count).map { field($0)! } }

    /// The first comma, LF or CR at or after `i` (or the end), looking at eight bytes at a
    /// time: a byte equals one of them when XOR with it leaves a zero byte, which
    /// `(x - 0x01…01) & ~x & 0x80…80` flags.
    @inline(__always) static func delimiter(in b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        let n = b.count
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let v = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let comma = v ^ (ones &* 0x2C), lf = v ^ (ones &* 0x0A), cr = v ^ (ones &* 0x0D)
                let hit = ((comma &- ones) & ~comma | (lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs
                if hit != 0 { return i + hit.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < n {
            let c = b[i]
            if c == 0x2C || c == 0x0A || c == 0x0D { return i }
            i += 1
        }
        return n
    }

    /// How reading one record from the buffer ended.
    private enum Step {
        case record
        case needMore
        case malformed(Malformed)
    }

    private mutating func readRecord() throws(Malformed) -> Bool {
        while true {
            spans.removeAll(keepingCapacity: true)
            problem = nil
            if position >= bytes.count, !refill() { return false }
            switch scanRecord(final: source == nil) {
            case .record: return true
            case .malformed(let e):
                position = bytes.count
                source = nil
                throw e
            case .needMore:
                if bytes.count - position > CSVReader.maxRecordBytes {
                    position = bytes.count
                    source = nil
                    throw Malformed(line: nextLine, reason: "a record runs over 64 MiB (is a quoted field never closed?)")
                }
                _ = refill()
            }
        }
    }

    /// Moves the unread bytes to the front and appends the next chunk; false when none came
    /// (the source is then dropped, so the rest of the buffer is the end of the text).
    private mutating func refill() -> Bool {
        guard let src = source else { return false }
        if position > 0 {
            bytes.removeSubrange(0..<position)
            position = 0
        }
        if src.read(appendingTo: &bytes) == 0 {
            source = nil
            return false
        }
        return true
    }

    /// Reads one record at `position`. Unless `final`, a record that reaches the end of the
    /// buffer before its line break may continue in the next chunk: nothing is consumed.
    private mutating func scanRecord(final: Bool) -> Step {
        let n = bytes.count
        let startLine = nextLine
        line = startLine
        var pos = position
        var lines = nextLine
        var spans = self.spans
        self.spans = []
        var problem: String? = nil
        let step: Step = bytes.withUnsafeBufferPointer { b in
            while true {
                if pos < n, b[pos] == 0x22 { // quoted field
                    let start = pos + 1
                    var i = start
                    var escaped = false
                    var closed = false
                    while i < n {
                        let c = b[i]
                        if c == 0x22 {
                            if i + 1 < n, b[i + 1] == 0x22 { escaped = true; i += 2; continue }
                            if i + 1 >= n, !final { return .needMore } // a doubled quote may straddle the chunks
                            closed = true
                            break
                        }
                        if c == 0x0A { lines += 1 }
                        i += 1
                    }
                    guard closed else {
                        if !final { return .needMore }
                        return .malformed(Malformed(line: startLine, reason: "a quoted field is never closed"))
                    }
                    spans.append(Span(start: start, end: i, escaped: escaped))
                    pos = i + 1
                    if pos < n, b[pos] != 0x2C, b[pos] != 0x0A, b[pos] != 0x0D {
                        problem = "text after the closing quote of field \(spans.count)"
                        while pos < n, b[pos] != 0x2C, b[pos] != 0x0A, b[pos] != 0x0D { pos += 1 }
                    }
                } else {
                    let start = pos
                    pos = CSVReader.delimiter(in: b, from: pos)
                    spans.append(Span(start: start, end: pos, escaped: false))
                }
                // pos is at a delimiter or the end.
                if pos >= n {
                    if !final { return .needMore }
                    break
                }
                let c = b[pos]
                if c == 0x2C {
                    pos += 1
                    if pos >= n {
                        if !final { return .needMore }
                        spans.append(Span(start: n, end: n, escaped: false))
                        break
                    }
                    continue
                }
                if c == 0x0D {
                    pos += 1
                    if pos >= n, !final { return .needMore } // CR LF may straddle the chunks
                    if pos < n, b[pos] == 0x0A { pos += 1 }
                } else {
                    pos += 1
                }
                lines += 1
                break
            }
            return .record
        }
        self.spans = spans
        self.problem = problem
        if case .record = step {
            position = pos
            nextLine = lines
        }
        return step
    }
}
