import ArgumentParser
import KefuCore
import KefuStore

/// `--db PATH` (the kefu store), `--config` and `--zone`, shared by the commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The kefu store (SQLite). Default: $XDG_DATA_HOME/kefu/kefu.sqlite, else ~/.local/share/kefu/kefu.sqlite.",
        valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("The configuration file (default: ./kefu.toml when it exists, else the built-in defaults).",
                               valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp(
        "The shop's time zone, for timestamps without an offset and for local days (default: the configuration's, else Asia/Shanghai).",
        valueName: "zone"))
    var zone: String?

    /// Opens (or creates) the store; a file that is not a kefu store is refused, untouched.
    func open() throws -> Store {
        do {
            return try Store.open(path: db ?? Store.defaultPath)
        } catch let error as StoreError {
            throw UserFacingError(error.description)
        }
    }

    /// The configuration (`--config`, else ./kefu.toml, else the defaults), with `--zone`, when
    /// given, as its time zone: every command reads the same shop the same way.
    func settings() throws -> KefuConfig {
        var settings = try loadConfiguration(config)
        if let zone {
            guard let z = ShopTimeZone(identifier: zone) else { throw UserFacingError("--zone: unknown time zone \"\(zone)\"") }
            settings.zone = z
        }
        return settings
    }

    /// The shop's time zone (see `settings`).
    func shopZone() throws -> ShopTimeZone { try settings().zone }
}
