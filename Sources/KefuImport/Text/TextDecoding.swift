import Glibc

/// Turns the bytes of an exported file into UTF-8: UTF-8 with a BOM (stripped), plain UTF-8,
/// or else GB18030/GBK (the encoding Chinese tools and Excel export), decoded with glibc iconv.
public enum TextDecoding {
    /// The encodings a file can be in.
    public enum Encoding: String, Sendable {
        case utf8BOM = "UTF-8 with BOM"
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// Why a file could not be read as text.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// The file's text as UTF-8 bytes, and the encoding it was found in.
    public static func utf8(from bytes: [UInt8]) throws(Failure) -> (bytes: [UInt8], encoding: Encoding) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = Array(bytes[3...])
            guard isValidUTF8(rest) else { throw Failure(reason: "starts with a UTF-8 BOM but is not valid UTF-8") }
            return (rest, .utf8BOM)
        }
        if isValidUTF8(bytes) { return (bytes, .utf8) }
        return (try gb18030ToUTF8(bytes), .gb18030)
    }

    /// Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { validPrefix($0) == $0.count }
    }

    /// The length of the longest prefix made of whole, well-formed UTF-8 sequences, when the
    /// rest is at most the start of one more (a chunk cut inside a character); nil when the
    /// bytes hold a malformed sequence.
    static func validPrefix(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        guard n > 0 else { return 0 }
        let base = UnsafeRawPointer(b.baseAddress!)
        var i = 0
        while i < n {
            // ASCII runs, eight bytes at a time.
            while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return nil
            }
            // Check what is there; a sequence cut by the end of the bytes is left for the next chunk.
            let have = min(need, n - 1 - i)
            if have >= 1 {
                let c1 = b[i + 1]
                guard c1 >= lo, c1 <= hi else { return nil }
            }
            var k = 2
            while k <= have {
                guard b[i + k] & 0xC0 == 0x80 else { return nil }
                k += 1
            }
            if have < need { return i }
            i += need + 1
        }
        return n
    }

    /// The encoding of a file, read in chunks: UTF-8 with a BOM, UTF-8, or else GB18030 (whose
    /// decoding is then the caller's: `gb18030ToUTF8` of the whole file).
    static func detect(_ file: ChunkedFile) throws(Failure) -> Encoding {
        var buffer: [UInt8] = []
        var isBOM: Bool? = nil
        var valid = true
        var carry = 0
        buffer.reserveCapacity(file.chunkSize + 4)
        while valid {
            buffer.removeFirst(buffer.count - carry)
            guard file.read(appendingTo: &buffer) > 0 else { break }
            if isBOM == nil {
                guard buffer.count >= 3 || file.atEnd else { carry = buffer.count; continue } // tiny chunks
                isBOM = buffer.starts(with: [0xEF, 0xBB, 0xBF])
            }
            guard let ok = buffer.withUnsafeBufferPointer({ validPrefix($0) }) else { valid = false; break }
            carry = buffer.count - ok
        }
        if file.failed { throw Failure(reason: "cannot be read") }
        if valid, carry > 0 { valid = false } // the file ends inside a character
        if isBOM == true {
            guard valid else { throw Failure(reason: "starts with a UTF-8 BOM but is not valid UTF-8") }
            return .utf8BOM
        }
        return valid ? .utf8 : .gb18030
    }

    /// Decodes GB18030 (a superset of GBK and GB2312) with iconv.
    public static func gb18030ToUTF8(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw Failure(reason: "this system's iconv cannot decode GB18030")
        }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return [] }
        var out = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var failedAt: Int?
        let written: Int = bytes.withUnsafeBufferPointer { input in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = input.count
            var produced = 0
            while inLeft > 0 {
                let room = out.count - produced
                var outLeft = room
                let rc = out.withUnsafeMutableBufferPointer { o -> Int in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(o.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                }
                produced += room - outLeft
                if rc == -1 {
                    if errno == E2BIG {
                        out.append(contentsOf: repeatElement(0, count: out.count))
                        continue
                    }
                    failedAt = input.count - inLeft
                    break
                }
            }
            return produced
        }
        if let at = failedAt {
            throw Failure(reason: "is neither UTF-8 nor GB18030 text (undecodable byte at offset \(at))")
        }
        out.removeSubrange(written...)
        return out
    }
}
