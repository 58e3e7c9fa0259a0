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

    /// The fast paths (ASCII; one scalar per character) measure and place text exactly as
    /// going character by character does, over random mixes of ASCII, Chinese, symbols,
    /// combining marks and emoji sequences, written over each other at random places and edges.
    func testFastPathsPlaceTextAsCharacterByCharacter() {
        let pieces = ["a", "Z", " ", "7", "秦", "子", "¥", "·", "—", "…", "▲", "█", "万", "，", "ｱ", "가", "e\u{301}", "👍🏽", "👨‍👩‍👧",
                      "\u{200D}", "\u{3099}", "か\u{3099}", "\u{FE0F}", "★"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) }, text)
            var fast = Frame(width: 12, height: 1)
            var slow = Frame(width: 12, height: 1)
            for _ in 0..<3 {
                let x = Int.random(in: -2..<12, using: &rng)
                let limit = Bool.random(using: &rng) ? nil : Int.random(in: 0...12, using: &rng)
                let piece = (0..<Int.random(in: 1..<6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
                XCTAssertEqual(fast.put(piece, x: x, y: 0, style: .plain, limit: limit),
                               Self.putByCharacter(&slow, piece, x: x, limit: limit), piece)
                XCTAssertEqual(fast, slow, "\(piece) at \(x)")
            }
        }
    }

    /// `Frame.put` written plainly: character by character, each measured on its own.
    private static func putByCharacter(_ f: inout Frame, _ text: String, x: Int, limit: Int?) -> Int {
        let edge = min(limit ?? f.width, f.width)
        func clearWide(_ x: Int) {
            guard x >= 0, x < f.width else { return }
            if f[x, 0].isContinuation, x > 0 { f[x - 1, 0] = Cell(" ", style: f[x - 1, 0].style) }
            if !f[x, 0].isContinuation, DisplayWidth.of(f[x, 0].character) == 2, x + 1 < f.width { f[x + 1, 0] = Cell(" ", style: f[x + 1, 0].style) }
        }
        var col = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col >= edge { break }
            if col + w > edge {
                if col >= 0 { clearWide(col); f[col, 0] = Cell(" ") }
                return edge
            }
            if col >= 0 {
                clearWide(col)
                f[col, 0] = Cell(ch)
                if w == 2 { clearWide(col + 1); f[col + 1, 0] = Cell(" ", isContinuation: true) }
            }
            col += w
        }
        return col
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
