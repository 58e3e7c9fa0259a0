/// An RFC 4180 CSV reader over UTF-8 bytes: quoted fields may hold commas, doubled quotes and
/// line breaks; records end in LF or CRLF. Each record knows the physical line (1-based) it
/// starts on. Records whose fields are all empty (blank lines, Excel's `,,,,` rows) are skipped.
///
/// Fields are kept as byte ranges into the buffer and turned into strings only when asked for,
/// so unused columns (long chat texts) cost a scan and nothing more.
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

    private let bytes: [UInt8]
    private var position = 0
    private var nextLine = 1
    private var spans: [Span] = []

    /// The line the current record starts on.
    public private(set) var line = 0
    /// Set when the current record has text after a closing quote (`"a"b`); the record is bad.
    public private(set) var problem: String?

    /// A reader over UTF-8 text (no BOM).
    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
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

    /// All fields of the current record.
    public var fields: [String] { (0..<spans.count).map { field($0)! } }

    private mutating func readRecord() throws(Malformed) -> Bool {
        spans.removeAll(keepingCapacity: true)
        problem = nil
        let n = bytes.count
        guard position < n else { return false }
        line = nextLine
        var pos = position
        var lines = nextLine
        let result: Result<Void, Malformed> = bytes.withUnsafeBufferPointer { b in
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
                            closed = true
                            break
                        }
                        if c == 0x0A { lines += 1 }
                        i += 1
                    }
                    guard closed else {
                        return .failure(Malformed(line: line, reason: "a quoted field is never closed"))
                    }
                    spans.append(Span(start: start, end: i, escaped: escaped))
                    pos = i + 1
                    if pos < n, b[pos] != 0x2C, b[pos] != 0x0A, b[pos] != 0x0D {
                        problem = "text after the closing quote of field \(spans.count)"
                        while pos < n, b[pos] != 0x2C, b[pos] != 0x0A, b[pos] != 0x0D { pos += 1 }
                    }
                } else {
                    let start = pos
                    while pos < n {
                        let c = b[pos]
                        if c == 0x2C || c == 0x0A || c == 0x0D { break }
                        pos += 1
                    }
                    spans.append(Span(start: start, end: pos, escaped: false))
                }
                // pos is at a delimiter or the end.
                if pos >= n { break }
                let c = b[pos]
                if c == 0x2C { pos += 1; if pos >= n { spans.append(Span(start: n, end: n, escaped: false)); break }; continue }
                if c == 0x0D { pos += 1; if pos < n, b[pos] == 0x0A { pos += 1 } } else { pos += 1 }
                lines += 1
                break
            }
            return .success(())
        }
        if case .failure(let e) = result { position = n; throw e }
        position = pos
        nextLine = lines
        return true
    }
}
