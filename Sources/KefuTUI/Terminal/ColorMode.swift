/// How many colours the terminal gets, decided from the environment and terminfo.
public enum ColorMode: Sendable, Equatable {
    /// NO_COLOR or TERM=dumb: attributes only.
    case none
    case ansi8
    case ansi256
    /// 24-bit colour numbers (`r << 16 | g << 8 | b`), where terminfo has a direct-colour entry.
    case direct

    /// NO_COLOR (any value) or TERM=dumb ⇒ none; else by the terminal's colour count, using
    /// direct colour only when COLORTERM asks for it and terminfo offers 2²⁴ colours.
    public static func choose(environment env: [String: String], terminalColors: Int) -> ColorMode {
        if env["NO_COLOR"] != nil || env["TERM"] == "dumb" || terminalColors < 8 { return .none }
        let wantsTrue = ["truecolor", "24bit"].contains(env["COLORTERM"]?.lowercased() ?? "")
        if wantsTrue && terminalColors >= 0x1000000 { return .direct }
        return terminalColors >= 256 ? .ansi256 : .ansi8
    }

    /// Whether the environment rules colour out before the terminal is even opened.
    public static func forbidden(_ env: [String: String]) -> Bool { env["NO_COLOR"] != nil || env["TERM"] == "dumb" }

    /// The terminal colour number for a theme colour; -1 is the terminal's default.
    public func number(_ c: ThemeColor) -> Int32 {
        switch (self, c) {
        case (.none, _), (_, .terminalDefault): return -1
        case (.ansi8, .ansi(let i)): return Int32(i % 8)
        case (_, .ansi(let i)): return Int32(i)
        case (.direct, .rgb(let r, let g, let b)): return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        case (.ansi256, .rgb(let r, let g, let b)): return Int32(ColorMode.nearest256(r, g, b))
        case (.ansi8, .rgb(let r, let g, let b)): return Int32(ColorMode.nearest8(r, g, b))
        }
    }

    /// The nearest xterm-256 colour: the 6×6×6 cube or the 24-step grey ramp.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func cube(_ v: UInt8) -> Int { levels.indices.min { abs(levels[$0] - Int(v)) < abs(levels[$1] - Int(v)) }! }
        let (ci, cj, ck) = (cube(r), cube(g), cube(b))
        let cubeColor = (levels[ci], levels[cj], levels[ck])
        let grey = (Int(r) + Int(g) + Int(b)) / 3
        let gi = min(23, max(0, (grey - 8 + 5) / 10))
        let greyLevel = 8 + gi * 10
        let dc = distance((Int(r), Int(g), Int(b)), cubeColor)
        let dg = distance((Int(r), Int(g), Int(b)), (greyLevel, greyLevel, greyLevel))
        return dg < dc ? 232 + gi : 16 + 36 * ci + 6 * cj + ck
    }

    /// The nearest of the 8 basic ANSI colours (as xterm draws them).
    public static func nearest8(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let basic = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        return basic.indices.min { distance((Int(r), Int(g), Int(b)), basic[$0]) < distance((Int(r), Int(g), Int(b)), basic[$1]) }!
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
