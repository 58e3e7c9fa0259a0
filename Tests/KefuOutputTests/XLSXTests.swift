import Foundation
import XCTest
import KefuCore
@testable import KefuOutput

/// The xlsx export, opened by an independent reader (Python's openpyxl).
final class XLSXTests: XCTestCase {
    func testWorkbookOpensInOpenpyxlWithTypedCells() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("out.xlsx").path
        let sheet = Sheet(name: "agents 客服", columns: [
            Sheet.Column("name", .text), Sheet.Column("sales_yuan", .yuan), Sheet.Column("conversion", .share),
            Sheet.Column("consults", .integer),
        ], rows: [
            [.text("秦子轩"), .fen(29_990), .number(0.25), .integer(94)],
            [.text("Kiki <&>"), .fen(-5), .empty, .integer(0)],
        ])
        try XLSXWriter.write([sheet, Sheet(name: "team", columns: [Sheet.Column("x", .text)], rows: [])], to: path)

        let script = """
        import openpyxl, sys, json
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.worksheets[0]
        print(json.dumps({
          "sheets": wb.sheetnames,
          "header": [c.value for c in ws[1]],
          "row2": [ws.cell(2, i).value for i in range(1, 5)],
          "row3": [ws.cell(3, i).value for i in range(1, 5)],
          "fmt_money": ws.cell(2, 2).number_format,
          "fmt_share": ws.cell(2, 3).number_format,
          "frozen": ws.freeze_panes,
          "bold": ws.cell(1, 1).font.b,
          "width_name": ws.column_dimensions["A"].width,
        }, ensure_ascii=False))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw XCTSkip("python3 with openpyxl is not installed") }
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        XCTAssertEqual(json["sheets"] as? [String], ["agents 客服", "team"])
        XCTAssertEqual(json["header"] as? [String], ["name", "sales_yuan", "conversion", "consults"])
        let row2 = json["row2"] as! [Any]
        XCTAssertEqual(row2[0] as? String, "秦子轩")
        XCTAssertEqual(row2[1] as? Double, 299.9, "money is a number, in yuan")
        XCTAssertEqual(row2[2] as? Double, 0.25)
        XCTAssertEqual(row2[3] as? Int, 94)
        let row3 = json["row3"] as! [Any]
        XCTAssertEqual(row3[0] as? String, "Kiki <&>")
        XCTAssertEqual(row3[1] as? Double, -0.05)
        XCTAssertTrue(row3[2] is NSNull, "no data stays empty")
        XCTAssertEqual(json["fmt_money"] as? String, "#,##0.00")
        XCTAssertEqual(json["fmt_share"] as? String, "0.0%")
        XCTAssertEqual(json["frozen"] as? String, "A2")
        XCTAssertEqual(json["bold"] as? Bool, true)
        XCTAssertGreaterThanOrEqual(json["width_name"] as? Double ?? 0, 8, "秦子轩 is 6 columns wide, plus padding")
    }

    func testYuanTextIsExact() {
        XCTAssertEqual(XLSXWriter.yuanText(29_990), "299.90")
        XCTAssertEqual(XLSXWriter.yuanText(5), "0.05")
        XCTAssertEqual(XLSXWriter.yuanText(-105), "-1.05")
        XCTAssertEqual(XLSXWriter.ref(0, 1), "A1")
        XCTAssertEqual(XLSXWriter.ref(27, 3), "AB3")
    }
}
