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
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
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
                default: return false
                }
                guard i + need < n else { return false }
                let c1 = b[i + 1]
                guard c1 >= lo, c1 <= hi else { return false }
                var k = 2
                while k <= need {
                    guard b[i + k] & 0xC0 == 0x80 else { return false }
                    k += 1
                }
                i += need + 1
            }
            return true
        }
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
