import XCTest
@testable import KefuTUI

final class ThemeTests: XCTestCase {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Themes").standardized.path

    func testShippedThemesLoadAndDarkMatchesTheBuiltIn() throws {
        let themes = ThemeFile.all(searchPaths: [Self.themesDir])
        XCTAssertEqual(themes.map(\.name), ["dark", "high-contrast", "light", "monochrome"])
        XCTAssertEqual(try ThemeFile.load("dark", searchPaths: [Self.themesDir]), Theme.dark)
        XCTAssertEqual(try ThemeFile.load("monochrome", searchPaths: [Self.themesDir]), Theme.monochrome)
        XCTAssertTrue(Theme.monochrome.isMonochrome)
        XCTAssertFalse(Theme.dark.isMonochrome)
    }

    func testParsesHexNamesAndEmpty() throws {
        let t = try ThemeFile.parse("# c\ntext = #FF8000\ngood = bright_green\nbad = red\nbackground =\nmuted = \"#010203\"\n",
                                    name: "x", file: "x.theme")
        XCTAssertEqual(t.text, .rgb(255, 128, 0))
        XCTAssertEqual(t.good, .ansi(10))
        XCTAssertEqual(t.bad, .ansi(1))
        XCTAssertEqual(t.background, .terminalDefault)
        XCTAssertEqual(t.muted, .rgb(1, 2, 3))
    }

    func testErrorsNameFileAndLine() {
        XCTAssertThrowsError(try ThemeFile.parse("text = #ffffff\n\nbogus = red\n", name: "x", file: "my.theme")) {
            XCTAssertEqual("\($0)", "my.theme:3: unknown key `bogus`")
        }
        XCTAssertThrowsError(try ThemeFile.parse("text = #ffff\n", name: "x", file: "my.theme")) {
            XCTAssertEqual("\($0)", "my.theme:1: `#ffff` is not a colour (#rrggbb, a name, or empty)")
        }
        XCTAssertThrowsError(try ThemeFile.parse("text red\n", name: "x", file: "my.theme")) {
            XCTAssertEqual("\($0)", "my.theme:1: expected `key = value`")
        }
    }

    func testColourModeFromEnvironment() {
        XCTAssertEqual(ColorMode.choose(environment: ["NO_COLOR": ""], terminalColors: 256), .none, "NO_COLOR with any value")
        XCTAssertEqual(ColorMode.choose(environment: ["TERM": "dumb"], terminalColors: 8), .none)
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "truecolor"], terminalColors: 256), .ansi256,
                       "truecolor asked, but terminfo has 256: nearest 256")
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "24bit"], terminalColors: 0x1000000), .direct)
        XCTAssertEqual(ColorMode.choose(environment: [:], terminalColors: 8), .ansi8)
    }

    func testNearestColours() {
        // Pure cube colours map to themselves: #ff0000 = 16 + 36·5 = 196; #5f87af = 16 + 36·1 + 6·2 + 3 = 67.
        XCTAssertEqual(ColorMode.nearest256(255, 0, 0), 196)
        XCTAssertEqual(ColorMode.nearest256(0x5f, 0x87, 0xaf), 67)
        // A mid grey goes to the grey ramp: #808080 → 232 + (128 − 8 + 5)/10 = 244 (level 128).
        XCTAssertEqual(ColorMode.nearest256(128, 128, 128), 244)
        XCTAssertEqual(ColorMode.nearest8(250, 20, 20), 1, "reddish → red")
        XCTAssertEqual(ColorMode.nearest8(10, 10, 10), 0)
        XCTAssertEqual(ColorMode.ansi256.number(.terminalDefault), -1)
        XCTAssertEqual(ColorMode.direct.number(.rgb(1, 2, 3)), 0x010203)
        XCTAssertEqual(ColorMode.ansi8.number(.ansi(9)), 1, "bright red on 8 colours is red")
    }

    func testMonochromeUsesReverseForSelectionAndHeader() {
        let p = Palette(.monochrome)
        XCTAssertTrue(p.selected.reverse)
        XCTAssertTrue(p.header.reverse)
        XCTAssertFalse(Palette(.dark).selected.reverse)
    }
}
