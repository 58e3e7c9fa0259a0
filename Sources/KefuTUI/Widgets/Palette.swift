/// The styles a screen draws with, derived from a theme. A monochrome theme gets its emphasis
/// from reverse video and bold, so every screen stays readable without colour.
public struct Palette: Sendable {
    public let theme: Theme
    public let base: Style
    public let muted: Style
    public let title: Style
    public let accent: Style
    public let border: Style
    public let header: Style
    public let selected: Style
    public let good: Style
    public let bad: Style
    public let warn: Style
    public let sparkline: Style

    public init(_ t: Theme) {
        theme = t
        let mono = t.isMonochrome
        base = Style(fg: t.text, bg: t.background)
        muted = Style(fg: t.muted, bg: t.background, dim: mono)
        title = Style(fg: t.title, bg: t.background, bold: true)
        accent = Style(fg: t.accent, bg: t.background, bold: mono)
        border = Style(fg: t.border, bg: t.background)
        header = Style(fg: t.headerText, bg: t.headerBackground, bold: true, reverse: mono)
        selected = Style(fg: t.selectionText, bg: t.selectionBackground, reverse: mono)
        good = Style(fg: t.good, bg: t.background)
        bad = Style(fg: t.bad, bg: t.background, bold: mono)
        warn = Style(fg: t.warn, bg: t.background, bold: true)
        sparkline = Style(fg: t.sparkline, bg: t.background)
    }

    /// Styles a figure against the team's: better by more than 10% is good, worse is bad.
    public func judge(_ value: Double?, team: Double?, lowerIsBetter: Bool) -> Style {
        guard let v = value, let t = team, t > 0 else { return base }
        let r = v / t
        let better = lowerIsBetter ? r < 0.9 : r > 1.1
        let worse = lowerIsBetter ? r > 1.1 : r < 0.9
        return better ? good : worse ? bad : base
    }
}
