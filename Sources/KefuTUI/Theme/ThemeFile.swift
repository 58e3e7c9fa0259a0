import Foundation

/// Reads and finds theme files: flat `key = value` lines, `#` comments, colours as `#rrggbb`,
/// ANSI names (`red`, `bright_blue`, …) or empty for the terminal default.
///
/// ```
/// # Themes/light.theme
/// text = #1f2328
/// background =
/// good = green
/// ```
public enum ThemeFile {
    /// Every key a theme file may set, and the slot it fills.
    public static var keys: [(name: String, path: WritableKeyPath<Theme, ThemeColor>)] { [
        ("background", \.background), ("text", \.text), ("muted", \.muted), ("title", \.title),
        ("accent", \.accent), ("border", \.border), ("header_bg", \.headerBackground), ("header_fg", \.headerText),
        ("selected_bg", \.selectionBackground), ("selected_fg", \.selectionText), ("good", \.good), ("bad", \.bad),
        ("warn", \.warn), ("sparkline", \.sparkline), ("heat_low", \.heatLow), ("heat_mid", \.heatMid), ("heat_high", \.heatHigh),
    ] }

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a theme; unset keys stay the terminal default. Errors name the file and line.
    public static func parse(_ text: String, name: String, file: String) throws -> Theme {
        var theme = Theme(name: name)
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw ThemeError(file: file, line: index + 1, reason: "expected `key = value`")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard let slot = keys.first(where: { $0.name == key }) else {
                throw ThemeError(file: file, line: index + 1, reason: "unknown key `\(key)`")
            }
            guard let colour = color(value) else {
                throw ThemeError(file: file, line: index + 1, reason: "`\(value)` is not a colour (#rrggbb, a name, or empty)")
            }
            theme[keyPath: slot.path] = colour
        }
        return theme
    }

    /// `#rrggbb`, an ANSI name (optionally `bright_`), `default` or empty.
    public static func color(_ text: String) -> ThemeColor? {
        let v = text.lowercased()
        if v.isEmpty || v == "default" { return .terminalDefault }
        if v.hasPrefix("#"), v.count == 7, let n = UInt32(v.dropFirst(), radix: 16) {
            return .rgb(UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff))
        }
        let bright = v.hasPrefix("bright_")
        if let i = ansiNames.firstIndex(of: bright ? String(v.dropFirst(7)) : v) { return .ansi(bright ? i + 8 : i) }
        return nil
    }

    /// Loads `--theme NAME|PATH`: a path to a file, or a name looked up in the theme folders.
    /// `monochrome` needs no file.
    public static func load(_ nameOrPath: String, searchPaths: [String]) throws -> Theme {
        let fm = FileManager.default
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            guard let text = try? String(contentsOfFile: nameOrPath, encoding: .utf8) else {
                throw ThemeError(file: nameOrPath, line: 0, reason: "cannot read the theme file")
            }
            let name = URL(fileURLWithPath: nameOrPath).deletingPathExtension().lastPathComponent
            return try parse(text, name: name, file: nameOrPath)
        }
        for dir in searchPaths {
            let path = dir + "/" + nameOrPath + ".theme"
            if fm.fileExists(atPath: path), let text = try? String(contentsOfFile: path, encoding: .utf8) {
                return try parse(text, name: nameOrPath, file: path)
            }
        }
        if nameOrPath == "dark" { return .dark }
        if nameOrPath == "monochrome" { return .monochrome }
        throw ThemeError(file: nameOrPath, line: 0, reason: "no such theme (looked in \(searchPaths.joined(separator: ", ")))")
    }

    /// Every theme found in the folders, by name, dark first: what the `t` key cycles through.
    public static func all(searchPaths: [String]) -> [Theme] {
        var names: [String] = []
        for dir in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for f in files.sorted() where f.hasSuffix(".theme") {
                let n = String(f.dropLast(6))
                if !names.contains(n) { names.append(n) }
            }
        }
        var themes = names.compactMap { try? load($0, searchPaths: searchPaths) }
        if !themes.contains(where: { $0.name == "dark" }) { themes.insert(.dark, at: 0) }
        if !themes.contains(where: { $0.name == "monochrome" }) { themes.append(.monochrome) }
        themes.sort { ($0.name == "dark" ? 0 : 1, $0.name) < ($1.name == "dark" ? 0 : 1, $1.name) }
        return themes
    }

    /// Where themes are looked for: `$KEFU_THEMES`, `./Themes`, and beside the executable
    /// (`<bin>/Themes`, `<bin>/../share/kefu/Themes`, and the source tree of a `swift build`).
    public static func defaultSearchPaths(environment: [String: String], executable: String) -> [String] {
        var paths: [String] = []
        if let env = environment["KEFU_THEMES"], !env.isEmpty { paths.append(env) }
        paths.append(FileManager.default.currentDirectoryPath + "/Themes")
        let bin = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        paths.append(bin.appendingPathComponent("Themes").path)
        paths.append(bin.appendingPathComponent("../share/kefu/Themes").standardized.path)
        paths.append(bin.appendingPathComponent("../../../Themes").standardized.path)
        paths.append(bin.appendingPathComponent("../../Themes").standardized.path)
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }
}

/// A theme file problem, naming the file and line.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}
