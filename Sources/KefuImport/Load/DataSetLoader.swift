import Foundation
import KefuCore

/// How to load a data set.
public struct LoadOptions: Sendable {
    /// The zone in which timestamps without an offset are read.
    public var zone: ShopTimeZone
    /// Keep a file's good rows and report its bad ones, instead of refusing the file.
    public var skipBadRows: Bool

    public init(zone: ShopTimeZone = .shanghai, skipBadRows: Bool = false) {
        self.zone = zone; self.skipBadRows = skipBadRows
    }
}

/// What loading one file did: records stored, updated (a later order or ticket), duplicates
/// (already known), and rows rejected.
public struct FileSummary: Sendable, Equatable {
    public var file: String
    public var stored = 0
    public var updated = 0
    public var duplicates = 0
    public var rejected = 0

    public init(file: String) { self.file = file }
}

/// The result of loading a data set.
public struct LoadResult: Sendable {
    public var book: RecordBook
    /// One summary per file, in load order.
    public var files: [FileSummary]
    /// Bad rows left out (only with `skipBadRows`).
    public var skipped: [ImportIssue]
    /// Agent ids that records name but `agents.csv` lacks (sorted by UTF-8 bytes): kept, with no role.
    public var unknownAgents: [String]
}

/// Loads a data set (a folder, or a list of files) into a `RecordBook` under SPEC §2: files in
/// the order agents, orders, messages, refunds, ratings, tickets, qa, shifts, then JSON Lines;
/// a refund taking its order's refunds above the order's amount is a bad row; a file with a bad
/// row is refused whole unless bad rows are skipped. Every file is checked even when one fails,
/// so one run lists every problem.
public enum DataSetLoader {
    /// Loads every record file of a folder: the CSVs of SPEC §2 (also `orders-*.csv` and the
    /// like) and `*.jsonl` / `*.ndjson`. Other files are ignored.
    public static func load(directory: String, into book: RecordBook = RecordBook(),
                            options: LoadOptions) throws -> LoadResult {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw ImportFailure(issues: [ImportIssue(file: directory, line: 0, reason: "cannot be listed as a folder")])
        }
        let wanted = names.filter { RecordKind.forCSV(named: $0) != nil || RecordFileParser.isJSONLines($0) }
        guard !wanted.isEmpty else {
            let known = RecordKind.allCases.map(\.fileName).joined(separator: ", ")
            throw ImportFailure(issues: [ImportIssue(file: directory, line: 0, reason: "holds no record files (\(known), *.jsonl)")])
        }
        return try load(files: wanted.map { (directory as NSString).appendingPathComponent($0) }, into: book, options: options)
    }

    /// Loads the given files (CSV by name, or JSON Lines), in SPEC order whatever order they are given in.
    ///
    /// Each file is streamed: every row is checked and added to the book as it is read, so no
    /// file's bytes or records are ever held whole. A file with a bad row still has its good
    /// rows added, but the load then throws and the book is dropped, so nothing of a refused
    /// load is kept; the remaining files are still read and checked, to list every problem.
    public static func load(files: [String], into book: RecordBook = RecordBook(),
                            options: LoadOptions) throws -> LoadResult {
        let ordered = loadOrder(files)
        var session = LoadSession(book: book, options: options, files: ordered)
        for path in ordered { session.load(path) }
        session.finish()
        if !session.refused.isEmpty { throw ImportFailure(issues: session.refused) }
        return LoadResult(book: session.book, files: session.summaries, skipped: session.skipped,
                          unknownAgents: unknownAgents(in: session.book))
    }

    /// Parses one file with no book (see `RecordFileParser.parse`).
    public static func parse(file path: String, zone: ShopTimeZone) throws(ImportIssue) -> ParsedFile {
        try RecordFileParser.parse(file: path, zone: zone)
    }

    /// Paths sorted by kind in load order (JSON Lines last), then by name.
    public static func loadOrder(_ paths: [String]) -> [String] {
        func rank(_ path: String) -> Int {
            let name = (path as NSString).lastPathComponent
            guard let kind = RecordKind.forCSV(named: name) else { return RecordKind.allCases.count }
            return RecordKind.allCases.firstIndex(of: kind)!
        }
        return paths.sorted { a, b in
            let (ra, rb) = (rank(a), rank(b))
            return ra != rb ? ra < rb : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }

    /// Agents named by messages, ratings, tickets, QA points or shifts but absent from `agents.csv`.
    public static func unknownAgents(in book: RecordBook) -> [String] {
        var named = book.namedAgents
        for key in book.qa.keys { named.insert(key.agent) }
        for key in book.shifts.keys { named.insert(key.agent) }
        return named.filter { book.agents[$0] == nil }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
