import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KefuCore
import KefuImport
import KefuStore

/// Where records come from (`--data`) and how to read them, shared by the reading commands.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A folder of record files: the CSVs of SPEC §2 and/or *.jsonl.", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("The kefu store to read (default, without --data: the default store).", valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("The configuration file (default: ./kefu.toml when it exists, else the built-in defaults).", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("skip-bad-rows"), help: "Read the good rows of a file with bad ones, listing the bad.")
    var skipBadRows = false

    /// The configuration: `--config`, else `./kefu.toml` when present, else SPEC's defaults.
    func loadConfig() throws -> KefuConfig { try loadConfiguration(config) }

    func validate() throws {
        if data != nil, db != nil { throw ValidationError("give --data DIR or --db PATH, not both") }
    }

    /// Reads the records: the data set of `--data`, else the store of `--db` (or the default store).
    ///
    /// With `periodFrom` (the first day of the report, pay run or what-if), a store is read
    /// only as far as such a report needs: every record of each buyer with anything since that day's start minus the
    /// attribution window, whatever its age (look-backs see a buyer's whole history, SPEC §1),
    /// plus every agent and the ratings, tickets, QA points and shifts since then. A buyer with
    /// nothing since then adds nothing to the period, so the report is the same.
    func load(config: KefuConfig, periodFrom: LocalDate? = nil) throws -> RecordBook {
        returnLargeBlocksToTheSystem()
        guard let data else {
            let since = periodFrom.map { config.zone.startOfDay($0) - config.thresholds.attributionWindowMs }
            return try loadStore(since: since, zone: config.zone)
        }
        return try loadDataSet(data, config: config)
    }

    private func loadStore(since: Instant?, zone: ShopTimeZone) throws -> RecordBook {
        let path = db ?? Store.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            throw UserFacingError(db == nil
                ? "no --data DIR given and no store at \(path) (fill one with `kefu import DIR`)"
                : "\(path): no such store (create one with `kefu import DIR --db \(path)`)")
        }
        do {
            let store = try Store.open(path: path)
            return try since.map { try store.loadRecent(since: $0, zone: zone).book } ?? store.loadBook()
        } catch let error as StoreError {
            throw UserFacingError(error.description)
        }
    }

    /// Reads a data set folder, printing skipped rows and agents missing from agents.csv to stderr.
    private func loadDataSet(_ data: String, config: KefuConfig) throws -> RecordBook {
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

/// Has glibc's malloc serve every block of 128 KiB or more with its own mapping, given back to
/// the system when freed. By default the threshold rises (up to 32 MiB) as large blocks are
/// freed, and the arrays a load grows by doubling then leave their old buffers in the heap,
/// still resident: about 30 MB at 10 million messages (docs/benchmarks.md).
/// (`mallopt` is looked up at run time: Swift's Glibc module does not import <malloc.h>.)
private func returnLargeBlocksToTheSystem() {
    #if canImport(Glibc)
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    let mmapThreshold: Int32 = -3 // M_MMAP_THRESHOLD in <malloc.h>
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024)
    #endif
}
