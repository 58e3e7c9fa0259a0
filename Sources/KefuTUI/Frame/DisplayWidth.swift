import CNcurses

/// Display width of text in terminal columns, measured with libc `wcwidth` (the table ncurses
/// places characters by): CJK ideographs take 2 columns, combining marks 0.
public enum DisplayWidth {
    /// `wcwidth` answers by the LC_CTYPE codeset: in the C locale every CJK character is -1.
    /// Switch to a UTF-8 codeset once, before the first measurement, if the process has none.
    private static let utf8Ready: Bool = {
        if kefu_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
        return kefu_codeset_is_utf8() != 0
    }()

    /// Columns one character occupies (0, 1 or 2). Control characters count 0.
    public static func of(_ ch: Character) -> Int {
        _ = utf8Ready
        var width = 0
        for (i, scalar) in ch.unicodeScalars.enumerated() {
            let w = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
            if i == 0 { width = max(w, 0) } else if w > width && scalar.value >= 0x1100 { width = w }
        }
        return min(width, 2)
    }

    /// Columns a string occupies.
    public static func of(_ text: String) -> Int {
        if let w = asciiWidth(text) { return w }
        if isScalarPerCharacter(text) { return text.unicodeScalars.reduce(0) { $0 + of($1) } }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Columns a character of one scalar occupies (what `of(Character)` gives for it).
    @inline(__always) static func of(_ scalar: Unicode.Scalar) -> Int {
        _ = utf8Ready
        return min(max(Int(wcwidth(wchar_t(bitPattern: scalar.value))), 0), 2)
    }

    /// Whether every character of `text` is a single scalar, known without segmenting it:
    /// every scalar is one that never joins its neighbours into one character (printable
    /// ASCII and Latin-1, punctuation, arrows, box drawing, blocks and symbols, CJK and kana
    /// without their combining marks, Hangul syllables, full-width forms). The dashboard's text
    /// is nearly all of this kind; anything else (combining marks, joiners, emoji sequences)
    /// goes character by character.
    static func isScalarPerCharacter(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            switch s.value {
            case 0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x23FF, 0x2500...0x27BF,
                 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF60, 0xFFE0...0xFFE6:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// The width of a string of printable ASCII (one column a byte), without measuring each
    /// character; nil when the string has any other byte.
    @inline(__always) static func asciiWidth(_ text: String) -> Int? {
        var count = 0
        for b in text.utf8 {
            guard b >= 0x20 && b < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// The longest prefix of `text` that fits in `columns`, and its width.
    public static func prefix(_ text: String, fitting columns: Int) -> (text: String, width: Int) {
        var out = "", used = 0
        for ch in text {
            let w = of(ch)
            if used + w > columns { break }
            out.append(ch); used += w
        }
        return (out, used)
    }

    /// `text` clipped to `columns` (with `…` when cut) and padded with spaces to exactly that width.
    public static func fit(_ text: String, _ columns: Int, alignRight: Bool = false, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        let w = of(text)
        if w <= columns {
            let pad = String(repeating: " ", count: columns - w)
            return alignRight ? pad + text : text + pad
        }
        let cut = prefix(text, fitting: ellipsis ? columns - 1 : columns)
        let body = ellipsis ? cut.text + "…" : cut.text
        return body + String(repeating: " ", count: columns - cut.width - (ellipsis ? 1 : 0))
    }
}
