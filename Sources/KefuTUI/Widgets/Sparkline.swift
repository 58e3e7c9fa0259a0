/// A one-line chart of values with the eight block heights ▁▂▃▄▅▆▇█, scaled from 0 to the
/// largest value; a missing value is a blank.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func text(_ values: [Double?]) -> String {
        let top = values.compactMap { $0 }.max() ?? 0
        return String(values.map { v -> Character in
            guard let v else { return " " }
            guard top > 0 else { return blocks[0] }
            return blocks[min(7, max(0, Int((v / top * 7).rounded())))]
        })
    }
}

/// A horizontal bar of `width` cells filled to `share` (0…1), in eighths.
public enum Bar {
    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public static func text(_ share: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let eighths = Int((min(max(share, 0), 1) * Double(width * 8)).rounded())
        var s = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { s.append(partials[eighths % 8 - 1]) }
        return s + String(repeating: " ", count: width - DisplayWidth.of(s))
    }
}
