/// A value of a flat JSON object. Numbers keep their text, so `299.9` becomes 29990 fen
/// exactly, never passing through a Double.
public enum JSONScalar: Sendable, Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
}

/// Parses one flat JSON object (`{"k": scalar, ...}`): strings with every escape (including
/// `\uXXXX` and surrogate pairs), numbers as text, `true`, `false`, `null`. Nested objects and
/// arrays are rejected: a record line never needs them.
public enum FlatJSON {
    public static func parseObject(_ text: String) throws(RowError) -> [String: JSONScalar] {
        var copy = text
        return try copy.withUTF8 { b in Result { () throws(RowError) in try parseObject(bytes: b) } }.get()
    }

    public static func parseObject(bytes: UnsafeBufferPointer<UInt8>) throws(RowError) -> [String: JSONScalar] {
        var p = Parser(b: bytes)
        return try p.object()
    }

    private struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

        mutating func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        }

        func fail(_ what: String) -> RowError {
            RowError("invalid JSON: \(what) at byte \(i + 1)")
        }

        mutating func expect(_ c: UInt8, _ what: String) throws(RowError) {
            skipSpace()
            guard i < b.count, b[i] == c else { throw fail("expected \(what)") }
            i += 1
        }

        mutating func object() throws(RowError) -> [String: JSONScalar] {
            skipSpace()
            guard i < b.count, b[i] == 0x7B else { throw RowError("invalid JSON: a record line must be an object {...}") }
            i += 1
            var out: [String: JSONScalar] = [:]
            skipSpace()
            if i < b.count, b[i] == 0x7D {
                i += 1
            } else {
                while true {
                    skipSpace()
                    guard i < b.count, b[i] == 0x22 else { throw fail("expected a key in quotes") }
                    let key = try string()
                    try expect(0x3A, "':'")
                    skipSpace()
                    let value = try scalar(key: key)
                    guard out.updateValue(value, forKey: key) == nil else { throw RowError("invalid JSON: key \"\(key)\" appears twice") }
                    skipSpace()
                    guard i < b.count else { throw fail("expected ',' or '}'") }
                    if b[i] == 0x2C { i += 1; continue }
                    if b[i] == 0x7D { i += 1; break }
                    throw fail("expected ',' or '}'")
                }
            }
            skipSpace()
            guard i == b.count else { throw fail("unexpected text after the object") }
            return out
        }

        mutating func scalar(key: String) throws(RowError) -> JSONScalar {
            guard i < b.count else { throw fail("expected a value") }
            switch b[i] {
            case 0x22: return .string(try string())
            case 0x74: try literal("true"); return .bool(true)
            case 0x66: try literal("false"); return .bool(false)
            case 0x6E: try literal("null"); return .null
            case 0x2D, 0x30...0x39: return .number(try number())
            case 0x7B, 0x5B: throw RowError("invalid JSON: \"\(key)\" holds a nested value; record lines are flat")
            default: throw fail("expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(RowError) {
            let n = word.utf8CodeUnitCount
            guard i + n <= b.count else { throw fail("expected a value") }
            for k in 0..<n where b[i + k] != word.utf8Start[k] { throw fail("expected a value") }
            i += n
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as written.
        mutating func number() throws(RowError) -> String {
            let start = i
            if b[i] == 0x2D { i += 1 }
            func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
            guard isDigit(i) else { throw fail("bad number") }
            if b[i] == 0x30 { i += 1 } else { while isDigit(i) { i += 1 } }
            if i < b.count, b[i] == 0x2E {
                i += 1
                guard isDigit(i) else { throw fail("bad number") }
                while isDigit(i) { i += 1 }
            }
            if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
                i += 1
                if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                guard isDigit(i) else { throw fail("bad number") }
                while isDigit(i) { i += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        }

        mutating func string() throws(RowError) -> String {
            i += 1 // opening quote
            let start = i
            // Fast path: no escapes.
            while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
            if i < b.count, b[i] == 0x22 {
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            }
            var out = Array(b[start..<i])
            while true {
                guard i < b.count else { throw fail("unterminated string") }
                let c = b[i]
                if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                guard c >= 0x20 else { throw fail("control character in a string") }
                if c != 0x5C { out.append(c); i += 1; continue }
                i += 1
                guard i < b.count else { throw fail("unterminated string") }
                let e = b[i]
                i += 1
                switch e {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    let escapeStart = i - 2
                    let unpaired = RowError("invalid JSON: unpaired surrogate at byte \(escapeStart + 1)")
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { throw unpaired }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw unpaired }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw unpaired
                    }
                    out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default: throw fail("bad escape")
                }
            }
        }

        mutating func hex4() throws(RowError) -> UInt32 {
            guard i + 4 <= b.count else { throw fail("bad \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: throw fail("bad \\u escape")
                }
                v = v << 4 | UInt32(d)
                i += 1
            }
            return v
        }
    }
}
