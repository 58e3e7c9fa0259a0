import ArgumentParser
import KefuCore
import KefuStore

/// `--db PATH` (the kefu store) and `--zone`, shared by the commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The kefu store (SQLite). Default: $XDG_DATA_HOME/kefu/kefu.sqlite, else ~/.local/share/kefu/kefu.sqlite.",
        valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("The shop's time zone, for timestamps without an offset and for local days.",
                               valueName: "zone"))
    var zone: String = "Asia/Shanghai"

    /// Opens (or creates) the store; a file that is not a kefu store is refused, untouched.
    func open() throws -> Store {
        do {
            return try Store.open(path: db ?? Store.defaultPath)
        } catch let error as StoreError {
            throw UserFacingError(error.description)
        }
    }

    func shopZone() throws -> ShopTimeZone {
        guard let z = ShopTimeZone(identifier: zone) else { throw UserFacingError("--zone: unknown time zone \"\(zone)\"") }
        return z
    }
}
