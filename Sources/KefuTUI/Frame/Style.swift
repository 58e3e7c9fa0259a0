/// A colour as themes name it: the terminal's default, one of the 16 ANSI colours, or 24-bit RGB.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    /// ANSI colour 0–15 (black, red, green, yellow, blue, magenta, cyan, white, then bright).
    case ansi(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// How one cell looks.
public struct Style: Sendable, Hashable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }

    public static let plain = Style()

    public func bolded() -> Style { var s = self; s.bold = true; return s }
    public func reversed() -> Style { var s = self; s.reverse = true; return s }
    public func on(_ background: ThemeColor) -> Style { var s = self; s.bg = background; return s }
}
