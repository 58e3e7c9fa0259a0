import Foundation
import KefuCore
import TOMLKit

/// A configuration file that could not be used: the file, and the key (or line) at fault.
public struct ConfigFileError: Error, Sendable, CustomStringConvertible {
    /// The file path (or another name for the text).
    public var source: String
    /// `key: reason` (`thresholds.slow_respons_s: unknown key`) or `line L, column C: reason`.
    public var detail: String

    public init(source: String, detail: String) { self.source = source; self.detail = detail }

    public var description: String { "\(source): \(detail)" }
}

/// Reads `kefu.toml` into a `KefuConfig`. Missing keys keep their defaults; unknown keys, bad
/// values, unknown metrics, zones and rules are errors naming the key; the result is validated
/// (a scorecard whose weights do not sum to 100 is refused).
public enum ConfigFile {
    /// Reads and parses a file.
    public static func load(path: String) throws -> KefuConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigFileError(source: path, detail: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(source: path, detail: "is not UTF-8 text")
        }
        return try parse(text, source: path)
    }

    /// Parses TOML text; `source` names it in errors.
    public static func parse(_ toml: String, source: String) throws -> KefuConfig {
        let root: TOMLTable
        do { root = try TOMLTable(string: toml) } catch let e as TOMLParseError {
            throw ConfigFileError(source: source, detail: "line \(e.source.begin.line), column \(e.source.begin.column): \(e.description)")
        }
        do {
            let config = try ConfigReader.read(root)
            try config.validate()
            return config
        } catch let e as ConfigError {
            throw ConfigFileError(source: source, detail: e.description)
        }
    }
}
