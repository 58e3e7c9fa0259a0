import ArgumentParser
import Foundation
import KefuCore
import KefuImport

/// Where records come from (`--data`) and how to read them, shared by the reading commands.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A folder of record files: the CSVs of SPEC §2 and/or *.jsonl.", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("The configuration file (default: ./kefu.toml when it exists, else the built-in defaults).", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("skip-bad-rows"), help: "Read the good rows of a file with bad ones, listing the bad.")
    var skipBadRows = false

    /// The configuration: `--config`, else `./kefu.toml` when present, else SPEC's defaults.
    func loadConfig() throws -> KefuConfig {
        if let config { return try readConfig(config) }
        if FileManager.default.fileExists(atPath: "kefu.toml") { return try readConfig("kefu.toml") }
        return KefuConfig()
    }

    private func readConfig(_ path: String) throws -> KefuConfig {
        do { return try ConfigFile.load(path: path) } catch { throw UserFacingError("\(error)") }
    }

    /// Reads the data set, printing skipped rows and agents missing from agents.csv to stderr.
    func load(config: KefuConfig) throws -> RecordBook {
        guard let data else { throw UserFacingError("give --data DIR (a folder of CSV / JSON Lines files)") }
        let result: LoadResult
        do {
            result = try DataSetLoader.load(directory: data, options: LoadOptions(zone: config.zone, skipBadRows: skipBadRows))
        } catch let failure as ImportFailure {
            throw UserFacingError("\(failure)")
        }
        for issue in result.skipped { printError("skipped \(issue)") }
        if !result.unknownAgents.isEmpty {
            printError("note: agents.csv lacks \(result.unknownAgents.joined(separator: ", ")): listed with an unknown role")
        }
        return result.book
    }
}
