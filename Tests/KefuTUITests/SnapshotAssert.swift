import Foundation
import XCTest
@testable import KefuTUI

/// Compares a frame with `__Snapshots__/<Class>/<name>.txt`: the text, then a style layer
/// (one letter per cell, `.` for the plain default style) and the legend of the letters.
///
/// Snapshots are committed. A missing or different snapshot fails; set
/// `KEFU_RECORD_SNAPSHOTS=1` to (re)write them, then review the diff.
func assertSnapshot(_ frame: Frame, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let path = dir.appendingPathComponent(name + ".txt")
    let actual = snapshotText(frame)
    if ProcessInfo.processInfo.environment["KEFU_RECORD_SNAPSHOTS"] != nil {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: path, encoding: .utf8) else {
        XCTFail("missing snapshot \(path.path); run with KEFU_RECORD_SNAPSHOTS=1 to record it", file: file, line: line)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        XCTFail("snapshot \(name) differs at line \(first + 1):\nexpected: \(first < e.count ? e[first] : "<end>")\nactual:   \(first < a.count ? a[first] : "<end>")",
                file: file, line: line)
    }
}

/// The text of a frame, then its style layer and legend.
func snapshotText(_ frame: Frame) -> String {
    var letters: [Style: Character] = [.plain: "."]
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var order: [Style] = []
    var styleLines: [String] = []
    for y in 0..<frame.height {
        var s = ""
        for x in 0..<frame.width where !frame[x, y].isContinuation {
            let style = frame[x, y].style
            if letters[style] == nil {
                letters[style] = order.count < alphabet.count ? alphabet[order.count] : "?"
                order.append(style)
            }
            s.append(letters[style]!)
        }
        styleLines.append(s)
    }
    let legend = order.map { "\(letters[$0]!) = \(describe($0))" }
    return frame.lines.joined(separator: "\n") + "\n--- styles ---\n" + styleLines.joined(separator: "\n") + "\n--- legend ---\n"
        + legend.joined(separator: "\n") + "\n"
}

private func describe(_ s: Style) -> String {
    func c(_ color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: return "default"
        case .ansi(let i): return "ansi\(i)"
        case .rgb(let r, let g, let b): return String(format: "#%02x%02x%02x", r, g, b)
        }
    }
    var parts = ["fg \(c(s.fg))", "bg \(c(s.bg))"]
    if s.bold { parts.append("bold") }
    if s.reverse { parts.append("reverse") }
    if s.underline { parts.append("underline") }
    if s.dim { parts.append("dim") }
    return parts.joined(separator: " ")
}
