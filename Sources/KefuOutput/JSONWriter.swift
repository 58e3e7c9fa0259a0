/// A minimal JSON writer that keeps key order, writes integers as integers and nil as null.
struct JSONWriter {
    private(set) var text = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit: String
    private var depth: Int { needsComma.count - 1 }

    init(pretty: Bool = true) { indentUnit = pretty ? "  " : "" }

    private var newline: String { indentUnit.isEmpty ? "" : "\n" }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { text += "," }
        if depth > 0 { text += newline + String(repeating: indentUnit, count: depth) }
        needsComma[needsComma.count - 1] = true
    }

    mutating func beginObject(_ key: String? = nil) { open("{", key) }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open("[", key) }
    mutating func endArray() { close("]") }

    private mutating func open(_ bracket: String, _ key: String?) {
        if depth > 0 || key != nil { separator() }
        if let key { text += quoted(key) + (indentUnit.isEmpty ? ":" : ": ") }
        text += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if hadItems { text += newline + String(repeating: indentUnit, count: depth) }
        text += bracket
    }

    mutating func field(_ key: String, raw: String) {
        separator()
        text += quoted(key) + (indentUnit.isEmpty ? ":" : ": ") + raw
    }

    mutating func field(_ key: String, _ v: String?) { field(key, raw: v.map(quoted) ?? "null") }
    mutating func field(_ key: String, _ v: Int?) { field(key, raw: v.map { String($0) } ?? "null") }
    mutating func field(_ key: String, _ v: Int64?) { field(key, raw: v.map { String($0) } ?? "null") }
    mutating func field(_ key: String, _ v: Bool) { field(key, raw: v ? "true" : "false") }
    mutating func field(_ key: String, _ v: Double?) { field(key, raw: v.map(number) ?? "null") }

    func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
