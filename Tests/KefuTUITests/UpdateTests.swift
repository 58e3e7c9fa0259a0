import KefuCore
import XCTest
@testable import KefuTUI

/// `update`: keys, filter, sort, drill-down and back, rule switch, help — all without a terminal.
final class UpdateTests: XCTestCase {
    private func names(_ s: AppState) -> [String] { s.teamRows().map { $0.name ?? $0.agentID } }

    func testEveryKeyOfTheTableIsHandledAndListedInHelp() {
        // Each binding's keys map back to its own action on a screen where it applies, and the
        // help overlay drawn there lists its label and text.
        for binding in KeyBindings.table {
            let screen = binding.screens?.first ?? .team
            for key in binding.keys {
                XCTAssertEqual(KeyBindings.action(for: key, on: screen), binding.action, "\(key) on \(screen)")
            }
            var s = Fixture.state(screen, language: .en, width: 160, height: 48)
            s.showHelp = true
            let text = render(s, size: Size(width: 160, height: 48), theme: .monochrome).text
            XCTAssertTrue(text.contains(binding.label), "help on \(screen) lacks \(binding.label)")
            XCTAssertTrue(text.contains(binding.help(.en)), "help on \(screen) lacks \(binding.help(.en))")
        }
    }

    func testQuestionMarkOpensHelpAndAnyKeyClosesIt() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("?")))
        XCTAssertTrue(s.showHelp)
        _ = update(&s, .key(.char("j")))
        XCTAssertFalse(s.showHelp)
        XCTAssertEqual(s.selectedRow, 0, "the key that closes help does nothing else")
    }

    func testSortCyclesThroughVisibleColumnsAndReverses() {
        var s = Fixture.state(width: 80)
        XCTAssertEqual(s.sortColumn, .score)
        // Default: score, highest first; agents without a score last (by id: temp9 < vip01).
        XCTAssertEqual(names(s), ["秦子轩", "欧阳娜娜", "李佳怡", "Emma Li", "赵磊", "王小明", "temp9", "Alexander Hamilton-Smith"])
        _ = update(&s, .key(.char("s")))
        XCTAssertEqual(s.sortColumn, .rank, "after score comes rank at 80 columns")
        XCTAssertFalse(s.sortDescending, "rank sorts best (1) first")
        _ = update(&s, .key(.char("s")))
        XCTAssertEqual(s.sortColumn, .name, "the cycle wraps to the first column")
        _ = update(&s, .key(.char("s")))
        XCTAssertEqual(s.sortColumn, .role)
        _ = update(&s, .key(.char("s")))
        XCTAssertEqual(s.sortColumn, .status, "group is shown (and sortable) only from 120 columns")
        // Sales, largest first: 12,850 > 4,624 > 3,012 > 1,888 > 756, then the zeros by id.
        s.sortColumn = .sales; s.sortDescending = true
        XCTAssertEqual(Array(names(s).prefix(5)), ["Alexander Hamilton-Smith", "秦子轩", "李佳怡", "Emma Li", "王小明"])
        _ = update(&s, .key(.char("S")))
        XCTAssertEqual(names(s).last, "Alexander Hamilton-Smith")
    }

    func testFilterMatchesNameRoleAndGroup() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("/")))
        XCTAssertTrue(s.editingFilter)
        for c in "售后" { _ = update(&s, .key(.char(c))) }
        XCTAssertEqual(Set(names(s)), ["欧阳娜娜", "赵磊"], "role in Chinese")
        _ = update(&s, .key(.enter))
        XCTAssertFalse(s.editingFilter)
        s.filter = "b组"
        XCTAssertEqual(Set(names(s)), ["Emma Li", "王小明"], "group, case-insensitive")
        s.filter = "emma"
        XCTAssertEqual(names(s), ["Emma Li"], "name, case-insensitive")
        s.filter = "vip"
        XCTAssertEqual(names(s), ["Alexander Hamilton-Smith"], "role in English")
        _ = update(&s, .key(.escape))
        XCTAssertEqual(s.filter, "", "Esc clears the filter")
        XCTAssertEqual(names(s).count, 8)
    }

    func testTypingInTheFilterDoesNotTriggerKeys() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("/")))
        let effects = update(&s, .key(.char("q")))
        XCTAssertEqual(effects, [], "q is a letter of the filter, not quit")
        XCTAssertEqual(s.filter, "q")
        _ = update(&s, .key(.backspace))
        XCTAssertEqual(s.filter, "")
    }

    func testDrillDownAndBack() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("j")))
        _ = update(&s, .key(.char("j")))
        XCTAssertEqual(s.selectedAgent(on: .team)?.name, "李佳怡", "third row by score")
        _ = update(&s, .key(.enter))
        XCTAssertEqual(s.screen, .agent)
        XCTAssertEqual(s.agentID, "li.jy")
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24), theme: .dark).text.contains("李佳怡"))
        _ = update(&s, .key(.escape))
        XCTAssertEqual(s.screen, .team)
        // From the warnings screen, Esc returns there.
        _ = update(&s, .key(.char("3")))
        _ = update(&s, .key(.enter))
        XCTAssertEqual(s.agentID, "wang.xm", "the first warning (presale before aftersale)")
        _ = update(&s, .key(.escape))
        XCTAssertEqual(s.screen, .warnings)
    }

    func testTabCyclesAllScreensAndNumbersJump() {
        var s = Fixture.state()
        var seen: [Screen] = []
        for _ in 0..<5 { _ = update(&s, .key(.tab)); seen.append(s.screen) }
        XCTAssertEqual(seen, [.heatmap, .warnings, .agent, .rules, .team])
        _ = update(&s, .key(.backTab))
        XCTAssertEqual(s.screen, .rules)
        _ = update(&s, .key(.char("2")))
        XCTAssertEqual(s.screen, .heatmap)
    }

    func testRuleSwitchCyclesAndAsksForFigures() {
        var s = Fixture.state()
        XCTAssertEqual(update(&s, .key(.char("r"))), [.switchRule(.order)])
        XCTAssertEqual(update(&s, .key(.char("r"))), [.switchRule(.payment)])
        // Under payment 李佳怡 has ¥3,012 − ¥399 = ¥2,613 (the fixture moves one order to Emma Li).
        let li = s.teamRows().first { $0.agentID == "li.jy" }!
        XCTAssertEqual(li.tally.salesFen, 261_300)
        XCTAssertEqual(update(&s, .key(.char("r"))), [.switchRule(.orderFirst)])
    }

    func testSelectionStaysInTheListAndOnScreen() {
        var s = Fixture.state(height: 20)
        // At 72×20… the body holds height − 1 − (table top + 1) rows: 20 − 1 − 9 = 10.
        _ = update(&s, .resize(width: 80, height: 20))
        _ = update(&s, .key(.char("G")))
        XCTAssertEqual(s.selectedRow, 7, "8 agents: the last index is 7")
        _ = update(&s, .key(.down))
        XCTAssertEqual(s.selectedRow, 7)
        _ = update(&s, .key(.char("g")))
        XCTAssertEqual(s.selectedRow, 0)
        _ = update(&s, .key(.pageDown))
        XCTAssertEqual(s.selectedRow, 7, "a page of 10 rows from 0 stops at the last row")
        s.filter = "秦"
        s.clampSelection()
        XCTAssertEqual(s.selectedRow, 0, "a shorter list pulls the selection in")
    }

    func testClickSelectsTheRowUnderTheMouseAndWheelScrolls() {
        var s = Fixture.state()
        let body = ListGeometry.body(.team, width: 80, height: 24)!
        _ = update(&s, .click(x: 5, y: body.top + 3))
        XCTAssertEqual(s.selectedRow, 3)
        _ = update(&s, .click(x: 5, y: 0))
        XCTAssertEqual(s.selectedRow, 3, "a click outside the table changes nothing")
        _ = update(&s, .wheel(1))
        XCTAssertEqual(s.selectedRow, 6, "the wheel moves three rows")
    }

    func testLanguageThemeAndQuit() {
        var s = Fixture.state()
        _ = update(&s, .key(.char("L")))
        XCTAssertEqual(s.language, .en)
        _ = update(&s, .key(.char("t")))
        XCTAssertEqual(s.themeIndex, 1)
        for _ in 0..<3 { _ = update(&s, .key(.char("t"))) }
        XCTAssertEqual(s.themeIndex, 0, "four themes wrap around")
        XCTAssertEqual(update(&s, .key(.char("q"))), [.quit])
        var t = Fixture.state()
        t.editingFilter = true
        XCTAssertEqual(update(&t, .key(.interrupt)), [.quit], "Ctrl-C quits even while typing a filter")
    }

    func testNewDataKeepsTheClockMonotonic() {
        var s = Fixture.state()
        _ = update(&s, .tick(Fixture.now + 10_000))
        _ = update(&s, .data(Fixture.snapshot()))
        XCTAssertEqual(s.clock, Fixture.now + 10_000, "an older snapshot does not move the clock back")
    }

    /// `w` opens the what-if panel on the agent screen; ↑/↓ pick a lever (wrapping), ←/→ move it
    /// by 5% steps; the panel shows the core's `WhatIf` outcome for exactly those moves; Esc
    /// closes it and a second Esc leaves the screen.
    func testWhatIfPanelKeys() {
        var s = Fixture.state(.agent, language: .en, width: 80, height: 24)
        _ = update(&s, .key(.char("w")))
        XCTAssertEqual(s.whatIf, WhatIfState())
        _ = update(&s, .key(.right)); _ = update(&s, .key(.right))
        _ = update(&s, .key(.down)); _ = update(&s, .key(.char("h")))
        _ = update(&s, .key(.up)); _ = update(&s, .key(.up))
        XCTAssertEqual(s.whatIf?.steps, [2, -1, 0, 0, 0])
        XCTAssertEqual(s.whatIf?.selected, 4, "up from the first lever wraps to the last")
        XCTAssertEqual(s.whatIf?.adjustments, [WhatIf.Adjustment(metric: .conversion, change: .relative(0.1)),
                                                WhatIf.Adjustment(metric: .aov, change: .relative(-0.05))])
        let snap = s.snapshot!
        let outcome = WhatIf(plan: .standard).simulate(agentID: "wang.xm", in: snap.month, kpiPoints: 80, adjustments: s.whatIf!.adjustments)!
        XCTAssertNotEqual(outcome.payBefore.totalFen, outcome.payAfter.totalFen, "the moves change the pay")
        let text = render(s, size: Size(width: 80, height: 24), theme: .dark).text
        XCTAssertTrue(text.contains(Formats.yuan(outcome.payBefore.totalFen) + "  →  " + Formats.yuan(outcome.payAfter.totalFen)), text)
        XCTAssertTrue(text.contains(Formats.score(outcome.after.score)), text)
        _ = update(&s, .key(.escape))
        XCTAssertNil(s.whatIf)
        XCTAssertEqual(s.screen, .agent)
        _ = update(&s, .key(.escape))
        XCTAssertEqual(s.screen, .team)
    }
}
