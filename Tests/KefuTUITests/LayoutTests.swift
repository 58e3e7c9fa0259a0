import XCTest
@testable import KefuTUI

/// Display-width placement: CJK takes two columns, columns align, nothing passes the edge.
final class LayoutTests: XCTestCase {
    func testDisplayWidthOfCJKAndLatin() {
        XCTAssertEqual(DisplayWidth.of("秦子轩"), 6)
        XCTAssertEqual(DisplayWidth.of("Emma Li"), 7)
        XCTAssertEqual(DisplayWidth.of("¥1,234"), 6)
        XCTAssertEqual(DisplayWidth.of("询单→付款"), 9, "→ is one column, four ideographs two each")
    }

    func testFitPadsAndClipsByColumns() {
        XCTAssertEqual(DisplayWidth.fit("李佳怡", 8), "李佳怡  ")
        XCTAssertEqual(DisplayWidth.fit("李佳怡", 8, alignRight: true), "  李佳怡")
        // 5 columns: 欧阳 (4) + … (1); 欧阳娜 would be 6.
        XCTAssertEqual(DisplayWidth.fit("欧阳娜娜", 5), "欧阳…")
        // 4 columns: 欧 (2) + … (1) + a space, as 欧阳 + … would take 5.
        XCTAssertEqual(DisplayWidth.fit("欧阳娜娜", 4), "欧… ")
    }

    func testWideCharacterStraddlingTheEdgeBecomesASpace() {
        var f = Frame(width: 5, height: 1)
        let end = f.put("ab秦子", x: 0, y: 0, style: .plain)
        // a b 秦秦 | 子 would need columns 4–5: column 4 is blanked instead.
        XCTAssertEqual(f.lines[0], "ab秦 ")
        XCTAssertEqual(end, 5)
        XCTAssertTrue(f[3, 0].isContinuation)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var f = Frame(width: 4, height: 1)
        f.put("秦子", x: 0, y: 0, style: .plain)
        f.put("x", x: 1, y: 0, style: .plain)
        XCTAssertEqual(f.lines[0], " x子")
    }

    /// Every row's column boundaries land on the same display columns, CJK names or not: the
    /// table header's boundaries are found from the frame and checked on every body row.
    func testTeamTableColumnsAlignWithCJKNames() {
        for (w, h) in [(80, 24), (160, 48), (72, 20)] {
            for language in Language.allCases {
                let s = Fixture.state(.team, language: language, width: w, height: h)
                let frame = render(s, size: Size(width: w, height: h), theme: .dark)
                let widths = TableWidget.widths(TeamScreen.columns(s, width: w), total: w)
                let starts = widths.indices.map { i in widths.prefix(i).reduce(0, +) + i }
                XCTAssertLessThanOrEqual(starts.last! + widths.last!, w, "\(w)x\(h): the table fits the width")
                let top = TeamScreen.tableTop(width: w, height: h)
                let rows = s.teamRows().count
                for y in (top + 1)...(top + rows) {
                    for x in starts.dropFirst() {
                        // The separator column before each column is blank and never the
                        // second half of a wide character: nothing spills across a boundary.
                        XCTAssertEqual(frame[x - 1, y].character, " ", "\(w)x\(h) \(language) row \(y) col \(x)")
                        XCTAssertFalse(frame[x - 1, y].isContinuation, "\(w)x\(h) row \(y) col \(x)")
                        XCTAssertFalse(frame[x, y].isContinuation, "a column never starts mid-character")
                    }
                }
                // The name column holds 秦子轩 at its start on the row that shows it.
                let qinRow = top + 1 + s.teamRows().firstIndex { $0.agentID == "qin.zx" }!
                XCTAssertEqual(frame[starts[1], qinRow].character, "秦")
            }
        }
    }

    func testNoLineIsWiderThanTheFrame() {
        for screen in Screen.allCases {
            for (w, h) in [(72, 20), (80, 24), (101, 31), (160, 48)] {
                for language in Language.allCases {
                    var s = Fixture.state(screen, language: language, width: w, height: h)
                    for help in [false, true] {
                        s.showHelp = help
                        let frame = render(s, size: Size(width: w, height: h), theme: .dark)
                        for (y, line) in frame.lines.enumerated() {
                            XCTAssertEqual(DisplayWidth.of(line), w, "\(screen) \(w)x\(h) \(language) line \(y)")
                        }
                    }
                }
            }
        }
    }

    func testResizeBelowMinimumShowsTheNeededSize() {
        let s = Fixture.state(.heatmap, language: .zh, width: 71, height: 24)
        let text = render(s, size: Size(width: 71, height: 24), theme: .dark).text
        XCTAssertTrue(text.contains("需要 72×20,当前 71×24"))
    }
}
