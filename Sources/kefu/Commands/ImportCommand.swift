import ArgumentParser
import Foundation
import KefuCore
import KefuImport
import KefuStore

/// `kefu import`: record files into the store, one transaction per file, idempotently.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import record files (CSV of SPEC §2, JSON Lines) into the store.",
        discussion: """
        Each file is imported in one transaction, whole or not at all: a file with a bad row \
        (or a refund above its order's amount, counting orders already stored) stores nothing, \
        unless --skip-bad-rows. Records are stored once per natural key, so importing the same \
        data twice changes nothing; a later record of an order updates it (unpaid → paid, \
        never the reverse), a later record of a ticket updates its status. Prints, per file, \
        what was stored, updated, skipped (already stored) and rejected; exits 1 if anything \
        was rejected.

        Example:
          kefu import shop/ --db shop.sqlite
          kefu import orders-2026-11.csv refunds.csv --skip-bad-rows
        """)

    @Argument(help: ArgumentHelp("Folders of record files, or record files.", valueName: "dir-or-file"))
    var paths: [String]

    @OptionGroup var store: StoreOptions

    @Flag(name: .customLong("skip-bad-rows"), help: "Store a file's good rows even when some are bad (they are listed).")
    var skipBadRows = false

    func run() throws {
        var rejectedAnything = false
        try reportingFailures {
            let zone = try store.shopZone()
            let files = try DataSetLoader.loadOrder(paths.flatMap(recordFiles))
            let db = try store.open()
            for path in files {
                rejectedAnything = try !importFile(path, into: db, zone: zone) || rejectedAnything
            }
            let missing = try db.agentsMissing()
            if !missing.isEmpty {
                printError("note: agents.csv lacks \(missing.joined(separator: ", ")): kept, listed with an unknown role")
            }
            try db.close()
        }
        if rejectedAnything { throw ExitCode.failure }
    }

    /// The record files a path names: itself, or a folder's record files.
    private func recordFiles(_ path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw UserFacingError("\(path): no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let wanted = names.filter { RecordKind.forCSV(named: $0) != nil || RecordFileParser.isJSONLines($0) }
        guard !wanted.isEmpty else { throw UserFacingError("\(path): holds no record files (agents.csv, messages.csv, …, *.jsonl)") }
        return wanted.map { (path as NSString).appendingPathComponent($0) }
    }

    /// Imports one file in one transaction, each row written as the parser reads it (no file is
    /// held in memory); returns whether nothing of it was rejected. The first bad row refuses
    /// the file (unless --skip-bad-rows), and the rest is still read so every bad row is listed.
    private func importFile(_ path: String, into db: Store, zone: ShopTimeZone) throws -> Bool {
        var file = (path as NSString).lastPathComponent
        var badRows: [ImportIssue] = []
        var unreadable: ImportIssue?
        var writeFailure: Error?
        let counts = try db.importFile(invalid: skipBadRows ? .skip : .rejectAll) { sink in
            do throws(ImportIssue) {
                file = try RecordFileParser.stream(file: path, zone: zone) { item in
                    guard writeFailure == nil else { return }
                    switch item {
                    case .issue(let issue):
                        badRows.append(issue)
                        if !skipBadRows { sink.refuse() }
                    case .record(let r):
                        do { try sink.add(r.record, line: r.line) } catch { writeFailure = error }
                    }
                }.file
            } catch {
                unreadable = error
                sink.refuse()
            }
            if let writeFailure { throw writeFailure }
        }
        if let unreadable {
            printError("\(unreadable)")
            print("\(path): rejected, nothing stored")
            return false
        }
        let refused = counts.rejected.map { ImportIssue(file: file, line: $0.line, reason: $0.reason) }
        let issues = (badRows + refused).sorted { $0.line < $1.line }
        issues.forEach { printError("\($0)") }
        guard counts.committed else {
            print("\(path): rejected, nothing stored (\(issues.count) bad row\(issues.count == 1 ? "" : "s"))")
            return false
        }
        print("\(path): \(counts.stored) stored, \(counts.updated) updated, "
              + "\(counts.duplicates) skipped (already stored), \(issues.count) rejected")
        return issues.isEmpty
    }
}
