import KefuCore

/// Sheets as text: an aligned table, CSV, or JSON (money as integer fen, like SPEC §10).
public enum SheetText {
    /// Display-width aligned table; numbers right-aligned, money as yuan.
    public static func table(_ sheet: Sheet) -> String {
        let header = sheet.columns.map(\.title)
        let body = sheet.rows.map { row in sheet.columns.indices.map { i in i < row.count ? text(row[i], sheet.columns[i].kind) : "" } }
        var widths = header.map { DisplayWidth.of($0) }
        for row in body { for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ cells: [String], header: Bool) -> String {
            var out = cells.enumerated().map { i, c in
                let right = !header && sheet.columns[i].kind != .text
                return DisplayWidth.pad(c, to: widths[i], right: right)
            }.joined(separator: "  ")
            while out.last == " " { out.removeLast() }
            return out
        }
        var lines = [line(header, header: true), String(repeating: "─", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))]
        lines += body.map { line($0, header: false) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header row; money as yuan with two decimals; empty for no data.
    public static func csv(_ sheet: Sheet) -> String {
        var lines = [sheet.columns.map { ReportCSV.field($0.title) }.joined(separator: ",")]
        for row in sheet.rows {
            lines.append(sheet.columns.indices.map { i in
                guard i < row.count else { return "" }
                if case .number(let v) = row[i] { return JSONWriter().number(v) }
                return ReportCSV.field(text(row[i], .text))
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"<sheet name>": [{column: value, ...}, ...], ...}`; `*_yuan` columns become integer `*_fen`.
    public static func json(_ sheets: [Sheet], extra: [(String, String)] = []) -> String {
        var w = JSONWriter()
        w.beginObject()
        for (k, v) in extra { w.field(k, v) }
        for sheet in sheets {
            w.beginArray(sheet.name)
            for row in sheet.rows {
                w.beginObject()
                for (i, column) in sheet.columns.enumerated() {
                    let cell = i < row.count ? row[i] : .empty
                    var key = column.title
                    if key.hasSuffix("_yuan") { key = String(key.dropLast(5)) + "_fen" }
                    switch cell {
                    case .empty: w.field(key, raw: "null")
                    case .text(let t): w.field(key, t)
                    case .integer(let v): w.field(key, v)
                    case .fen(let f): w.field(key, f)
                    case .number(let v): w.field(key, v)
                    }
                }
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.text + "\n"
    }

    static func text(_ cell: Sheet.Cell, _ kind: Sheet.Kind) -> String {
        switch cell {
        case .empty: return kind == .text ? "" : "—"
        case .text(let t): return t
        case .integer(let v): return String(v)
        case .fen(let f): return Yuan.format(f)
        case .number(let v):
            return kind == .share ? ReportTable.fixed(v * 100, 1) + "%" : ReportTable.fixed(v, 2)
        }
    }
}
