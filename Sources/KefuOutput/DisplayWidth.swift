/// Terminal display width of text: East Asian wide and fullwidth characters take two
/// columns, combining marks none. Used to align tables with Chinese names.
public enum DisplayWidth {
    /// Columns a scalar occupies.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 || (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        if v < 0x1100 { return 1 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Columns a string occupies.
    public static func of(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + of($1) } }

    /// `s` cut to at most `width` columns (a wide character that would straddle the edge is dropped).
    public static func clip(_ s: String, to width: Int) -> String {
        var out = String.UnicodeScalarView()
        var used = 0
        for u in s.unicodeScalars {
            let w = of(u)
            if used + w > width { break }
            out.append(u)
            used += w
        }
        return String(out)
    }

    /// `s` clipped and padded with spaces to exactly `width` columns.
    public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        let c = clip(s, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(c)))
        return right ? fill + c : c + fill
    }
}
