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
        return text.reduce(0) { $0 + of($1) }
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
