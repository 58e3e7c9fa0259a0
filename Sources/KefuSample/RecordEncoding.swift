import KefuCore

/// Field encodings shared by the CSV and JSON Lines writers: SPEC §2 text forms of times,
/// money and enumerations, appended to a `BufferedFile` as bytes.
extension BufferedFile {
    /// A decimal integer.
    func int(_ n: Int64) {
        if n < 0 { byte(0x2D) }
        var v = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(v % 10) + 0x30
                v /= 10
                count += 1
            } while v > 0
            while count > 0 { count -= 1; byte(d[count]) }
        }
    }

    /// A CSV field, quoted per RFC 4180 when it holds a comma, quote or line break.
    func csv(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                self.bytes(bytes)
                return
            }
            byte(0x22)
            for b in bytes {
                if b == 0x22 { byte(0x22) }
                byte(b)
            }
            byte(0x22)
        }
    }

    /// A JSON string literal.
    func json(_ s: String) {
        byte(0x22)
        var s = s
        s.withUTF8 { bytes in
            for b in bytes {
                switch b {
                case 0x22: byte(0x5C); byte(0x22)
                case 0x5C: byte(0x5C); byte(0x5C)
                case 0..<0x20:
                    text("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    byte(hex[Int(b >> 4)]); byte(hex[Int(b & 15)])
                default: byte(b)
                }
            }
        }
        byte(0x22)
    }

    /// An instant as shop-local ISO 8601 with its offset (`2026-11-11T00:00:03+08:00`).
    func timestamp(_ t: Instant, _ zone: ShopTimeZone) { text(Timestamp.format(t, zone: zone)) }

    /// Fen as yuan with two decimals (`299.90`).
    func yuan(_ fen: Fen) { text(Yuan.format(fen)) }

    /// Minutes after midnight as `HH:MM`.
    func clock(_ minutes: Int) {
        byte(UInt8(minutes / 600) + 0x30); byte(UInt8(minutes / 60 % 10) + 0x30); byte(0x3A)
        byte(UInt8(minutes % 60 / 10) + 0x30); byte(UInt8(minutes % 10) + 0x30)
    }

    /// QA points: an integer when whole, else Swift's shortest exact decimal.
    func points(_ p: Double) {
        if p == p.rounded(), abs(p) < 1e15 { int(Int64(p)) } else { text(String(p)) }
    }
}
