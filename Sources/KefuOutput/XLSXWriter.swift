import Foundation
import ZIPFoundation

/// Writes sheets as an Office Open XML workbook (.xlsx): one worksheet per sheet, a bold frozen
/// header row, numbers as numbers, money as yuan with two decimals, shares as percentages,
/// and column widths that fit Chinese text (two units per CJK character).
public enum XLSXWriter {
    public enum Failure: Error, CustomStringConvertible {
        case cannotCreate(String)
        public var description: String {
            switch self { case .cannotCreate(let p): return "\(p): cannot be written" }
        }
    }

    /// Writes `sheets` to `path`, replacing any file there.
    public static func write(_ sheets: [Sheet], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.removeItem(at: url)
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .create) } catch { throw Failure.cannotCreate(path) }
        var files: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRels),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRels(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, sheet) in sheets.enumerated() { files.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet))) }
        for (name, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    // MARK: parts

    static func contentTypes(_ n: Int) -> String {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
        """
        for i in 0..<n {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

    static func workbook(_ sheets: [Sheet]) -> String {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
        """
        var used = Set<String>()
        for (i, sheet) in sheets.enumerated() {
            var name = sanitizedSheetName(sheet.name)
            if !used.insert(name).inserted { name = String(name.prefix(28)) + " \(i + 1)"; used.insert(name) }
            s += "<sheet name=\"\(escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    static func workbookRels(_ n: Int) -> String {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        """
        for i in 0..<n {
            s += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(n + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    /// Cell styles: 0 default, 1 bold header, 2 yuan `0.00`, 3 percentage `0.0%`, 4 number `0.00`.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
    </styleSheet>
    """

    static func worksheet(_ sheet: Sheet) -> String {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
        """
        s += "<cols>"
        for i in sheet.columns.indices {
            s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(columnWidth(sheet, i))\" customWidth=\"1\"/>"
        }
        s += "</cols><sheetData>"
        s += "<row r=\"1\">"
        for (i, c) in sheet.columns.enumerated() { s += inlineString(ref: ref(i, 1), c.title, style: 1) }
        s += "</row>"
        for (r, row) in sheet.rows.enumerated() {
            let rowNumber = r + 2
            s += "<row r=\"\(rowNumber)\">"
            for (i, cell) in row.enumerated() where i < sheet.columns.count {
                let kind = sheet.columns[i].kind
                let at = ref(i, rowNumber)
                switch cell {
                case .empty: continue
                case .text(let t): s += inlineString(ref: at, t, style: 0)
                case .integer(let v): s += "<c r=\"\(at)\"><v>\(v)</v></c>"
                case .fen(let f): s += "<c r=\"\(at)\" s=\"2\"><v>\(yuanText(f))</v></c>"
                case .number(let v):
                    guard v.isFinite else { continue }
                    s += "<c r=\"\(at)\" s=\"\(kind == .share ? 3 : 4)\"><v>\(v)</v></c>"
                }
            }
            s += "</row>"
        }
        return s + "</sheetData></worksheet>"
    }

    // MARK: helpers

    /// Exact decimal text of fen as yuan (`29990` → `299.9`), so the stored number is exact.
    static func yuanText(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        let cents = a % 100
        return "\(sign)\(a / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    static func columnWidth(_ sheet: Sheet, _ i: Int) -> Int {
        var w = DisplayWidth.of(sheet.columns[i].title)
        for row in sheet.rows.prefix(2000) where i < row.count {
            switch row[i] {
            case .text(let t): w = max(w, DisplayWidth.of(t))
            case .fen(let f): w = max(w, yuanText(f).count + 3)
            case .integer(let v): w = max(w, String(v).count + 1)
            case .number: w = max(w, 8)
            case .empty: break
            }
        }
        return min(max(w + 2, 6), 60)
    }

    static func inlineString(ref: String, _ text: String, style: Int) -> String {
        "<c r=\"\(ref)\" t=\"inlineStr\"\(style > 0 ? " s=\"\(style)\"" : "")><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
    }

    static func ref(_ column: Int, _ row: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row)"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most control characters.
                if u.value < 0x20 && u != "\n" && u != "\t" && u != "\r" { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Excel sheet names: at most 31 characters, none of `[]:*?/\`.
    static func sanitizedSheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        return cleaned.isEmpty ? "Sheet" : String(cleaned.prefix(31))
    }
}
