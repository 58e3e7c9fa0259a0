/// A colour theme: a named set of colour slots (btop style). `.terminalDefault` is the
/// terminal's own colour. Loaded from a flat `key = value` file by `ThemeFile`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var background: ThemeColor = .terminalDefault
    public var text: ThemeColor = .terminalDefault
    /// Secondary text: labels, units, inactive rows.
    public var muted: ThemeColor = .terminalDefault
    public var title: ThemeColor = .terminalDefault
    public var accent: ThemeColor = .terminalDefault
    public var border: ThemeColor = .terminalDefault
    public var headerBackground: ThemeColor = .terminalDefault
    public var headerText: ThemeColor = .terminalDefault
    public var selectionBackground: ThemeColor = .terminalDefault
    public var selectionText: ThemeColor = .terminalDefault
    /// Better than the team, or an improvement.
    public var good: ThemeColor = .terminalDefault
    /// Worse than the team, or a decline.
    public var bad: ThemeColor = .terminalDefault
    /// Warnings (预警) and stale data.
    public var warn: ThemeColor = .terminalDefault
    public var sparkline: ThemeColor = .terminalDefault
    /// The heatmap gradient, low → high.
    public var heatLow: ThemeColor = .terminalDefault
    public var heatMid: ThemeColor = .terminalDefault
    public var heatHigh: ThemeColor = .terminalDefault

    public init(name: String) { self.name = name }

    /// True when every slot is the terminal default: the screen relies on bold, reverse and
    /// glyphs alone (NO_COLOR, TERM=dumb).
    public var isMonochrome: Bool {
        ThemeFile.keys.allSatisfy { self[keyPath: $0.path] == .terminalDefault }
    }

    /// No colour at all: used for NO_COLOR and TERM=dumb whatever theme was asked for.
    public static let monochrome = Theme(name: "monochrome")

    /// The default theme, also shipped as `Themes/dark.theme` (a test keeps the two equal), so the
    /// binary has a theme even when run outside the source tree.
    public static let dark: Theme = {
        var t = Theme(name: "dark")
        t.text = .rgb(0xd8, 0xde, 0xe9); t.muted = .rgb(0x80, 0x8a, 0x9c); t.title = .rgb(0xe5, 0xc0, 0x7b)
        t.accent = .rgb(0x61, 0xaf, 0xef); t.border = .rgb(0x4b, 0x52, 0x63)
        t.headerBackground = .rgb(0x28, 0x2c, 0x34); t.headerText = .rgb(0xe5, 0xe9, 0xf0)
        t.selectionBackground = .rgb(0x3e, 0x44, 0x51); t.selectionText = .rgb(0xff, 0xff, 0xff)
        t.good = .rgb(0x98, 0xc3, 0x79); t.bad = .rgb(0xe0, 0x6c, 0x75); t.warn = .rgb(0xe5, 0xc0, 0x7b)
        t.sparkline = .rgb(0x56, 0xb6, 0xc2)
        t.heatLow = .rgb(0x1e, 0x3a, 0x5f); t.heatMid = .rgb(0xd1, 0x9a, 0x66); t.heatHigh = .rgb(0xe0, 0x6c, 0x75)
        return t
    }()

    /// The colour of a value at `position` (0…1) along the heat gradient.
    public func heat(_ position: Double) -> ThemeColor {
        let p = min(max(position, 0), 1)
        return p < 0.5 ? ThemeColor.blend(heatLow, heatMid, p * 2) : ThemeColor.blend(heatMid, heatHigh, (p - 0.5) * 2)
    }
}

extension ThemeColor {
    /// Linear blend of two RGB colours; with any non-RGB end, the nearer end.
    static func blend(_ a: ThemeColor, _ b: ThemeColor, _ t: Double) -> ThemeColor {
        guard case .rgb(let r1, let g1, let b1) = a, case .rgb(let r2, let g2, let b2) = b else { return t < 0.5 ? a : b }
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return .rgb(mix(r1, r2), mix(g1, g2), mix(b1, b2))
    }
}
