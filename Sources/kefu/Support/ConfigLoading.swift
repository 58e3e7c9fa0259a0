import Foundation
import KefuCore
import KefuImport

/// The shop's configuration, as every command finds it: `path` (`--config`), else `./kefu.toml`
/// when it exists, else SPEC's defaults.
func loadConfiguration(_ path: String?) throws -> KefuConfig {
    let file = path ?? (FileManager.default.fileExists(atPath: "kefu.toml") ? "kefu.toml" : nil)
    guard let file else { return KefuConfig() }
    do { return try ConfigFile.load(path: file) } catch { throw UserFacingError("\(error)") }
}
