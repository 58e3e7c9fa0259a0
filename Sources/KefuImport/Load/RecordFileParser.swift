import Foundation
import KefuCore

/// A record and the physical line (1-based) it starts on.
public struct LineRecord: Sendable, Equatable {
    public var record: Record
    public var line: Int
    public init(record: Record, line: Int) { self.record = record; self.line = line }
}

/// One file parsed on its own, with no book: its good records and its bad rows.
/// Cross-record checks (refunds against their orders) are the loader's or the store's job.
public struct ParsedFile: Sendable {
    /// The file's name, as issues show it.
    public var file: String
    /// The CSV kind, or nil for JSON Lines (which mixes kinds).
    public var kind: RecordKind?
    public var encoding: TextDecoding.Encoding
    public var records: [LineRecord]
    public var issues: [ImportIssue]
}

/// What a record file is: its name as issues show it, its kind and its encoding.
public struct RecordFileFormat: Sendable, Equatable {
    public var file: String
    /// The CSV kind, or nil for JSON Lines (which mixes kinds).
    public var kind: RecordKind?
    public var encoding: TextDecoding.Encoding
}

/// One step of a streamed file, in file order: a good record or a bad row.
public enum ParsedItem: Sendable, Equatable {
    case record(LineRecord)
    case issue(ImportIssue)
}

/// Reads one record file: a CSV named after its kind (`orders.csv`, `orders-2026-11.csv`) or a
/// JSON Lines file (`*.jsonl`, `*.ndjson`).
///
/// Files are streamed: a UTF-8 file is read in chunks of 1 MiB and each row is handed on as it
/// is decoded, so no file is ever held whole (see `TextSource` for GB18030 files).
public enum RecordFileParser {
    /// Whether a file name is a JSON Lines stream.
    public static func isJSONLines(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
    }

    /// Streams a file: calls `body` with each good record and each bad row, in file order.
    /// Throws (line 0) when the file cannot be read or decoded, or its name is not a record
    /// file; nothing was handed on then. A CSV without a required column yields one issue at
    /// line 1 and no records.
    ///
    ///     try RecordFileParser.stream(file: "shop/orders.csv", zone: .shanghai) { item in
    ///         switch item {
    ///         case .record(let r): store(r.record)
    ///         case .issue(let bad): print(bad)   // orders.csv:7: amount "-3" is negative
    ///         }
    ///     }
    @discardableResult
    public static func stream(file path: String, zone: ShopTimeZone,
                              _ body: (ParsedItem) -> Void) throws(ImportIssue) -> RecordFileFormat {
        try withoutActuallyEscaping(body) { (body) throws(ImportIssue) -> RecordFileFormat in
            var visitor = ItemVisitor(body: body, zone: zone)
            return try scan(file: path, zone: zone, &visitor)
        }
    }

    /// Parses a whole file into memory (see `stream` for large files).
    public static func parse(file path: String, zone: ShopTimeZone) throws(ImportIssue) -> ParsedFile {
        var result = ParsedFile(file: "", kind: nil, encoding: .utf8, records: [], issues: [])
        let format = try stream(file: path, zone: zone) { result.take($0) }
        (result.file, result.kind, result.encoding) = (format.file, format.kind, format.encoding)
        return result
    }

    /// Parses CSV text (UTF-8, no BOM) of one kind. A missing required column is one issue at
    /// line 1; an empty file holds no records.
    public static func parseCSV(utf8 bytes: [UInt8], kind: RecordKind, file: String,
                                encoding: TextDecoding.Encoding = .utf8, zone: ShopTimeZone) -> ParsedFile {
        var result = ParsedFile(file: file, kind: kind, encoding: encoding, records: [], issues: [])
        var visitor = ItemVisitor(body: { result.take($0) }, zone: zone)
        var reader = CSVReader(utf8: bytes)
        readCSV(&reader, kind: kind, file: file, zone: zone, &visitor)
        return result
    }

    /// Parses JSON Lines text: one record per non-blank line.
    public static func parseJSONLines(utf8 bytes: [UInt8], file: String,
                                      encoding: TextDecoding.Encoding = .utf8, zone: ShopTimeZone) -> ParsedFile {
        var result = ParsedFile(file: file, kind: nil, encoding: encoding, records: [], issues: [])
        var visitor = ItemVisitor(body: { result.take($0) }, zone: zone)
        var lines = LineReader(utf8: bytes)
        readJSONLines(&lines, file: file, zone: zone, &visitor)
        return result
    }

    // MARK: streaming core

    /// Opens a file, judges its encoding and streams its rows to `visitor`.
    /// `encoding`: the file's encoding when a first pass found it (the file is not judged again).
    static func scan<V: RowVisitor>(file path: String, zone: ShopTimeZone, chunkSize: Int = ChunkedFile.defaultChunkSize,
                                    encoding: TextDecoding.Encoding? = nil, _ visitor: inout V) throws(ImportIssue) -> RecordFileFormat {
        let name = (path as NSString).lastPathComponent
        let kind = RecordKind.forCSV(named: name)
        guard kind != nil || isJSONLines(name) else {
            let known = RecordKind.allCases.map(\.fileName).joined(separator: ", ")
            throw ImportIssue(file: name, line: 0, reason: "not a record file (expected \(known), *.jsonl or *.ndjson)")
        }
        let source: TextSource
        do { source = try TextSource(path: path, chunkSize: chunkSize, encoding: encoding) } catch {
            throw ImportIssue(file: name, line: 0, reason: error.reason)
        }
        let format = RecordFileFormat(file: name, kind: kind, encoding: source.encoding)
        if let kind {
            var reader = CSVReader(source: source)
            readCSV(&reader, kind: kind, file: name, zone: zone, &visitor)
        } else {
            var lines = LineReader(source: source)
            readJSONLines(&lines, file: name, zone: zone, &visitor)
        }
        if source.failed { visitor.issue(ImportIssue(file: name, line: 0, reason: "could not be read to the end")) }
        return format
    }

    static func readCSV<V: RowVisitor>(_ reader: inout CSVReader, kind: RecordKind, file: String, zone: ShopTimeZone, _ visitor: inout V) {
        do {
            guard try reader.next() else { return } // an empty export: no records
            let header = HeaderMap(kind: kind, header: reader.fields)
            if !header.missing.isEmpty {
                let list = header.missing.joined(separator: ", ")
                visitor.issue(ImportIssue(file: file, line: reader.line,
                                          reason: "missing column\(header.missing.count == 1 ? "" : "s") \(list)"))
                return
            }
            // One row value for the whole file, its reader moved in: handing it on copies nothing.
            var row = CSVRow(reader: CSVReader(utf8: []), header: header, kind: kind, zone: zone, file: file)
            swap(&row.reader, &reader)
            defer { swap(&row.reader, &reader) }
            while try row.reader.next() {
                if let problem = row.reader.problem {
                    visitor.issue(ImportIssue(file: file, line: row.reader.line, reason: problem))
                    continue
                }
                visitor.row(row)
            }
        } catch {
            visitor.issue(ImportIssue(file: file, line: error.line, reason: error.reason))
        }
    }

    static func readJSONLines<V: RowVisitor>(_ lines: inout LineReader, file: String, zone: ShopTimeZone, _ visitor: inout V) {
        while true {
            let step = lines.next { bytes, line -> ParsedItem? in
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
                do throws(RowError) {
                    return .record(LineRecord(record: try JSONLineDecoder.decode(bytes: bytes, zone: zone), line: line))
                } catch {
                    return .issue(ImportIssue(file: file, line: line, reason: error.reason))
                }
            }
            switch step {
            case .end: return
            case .line(nil): continue
            case .line(.record(let r)?): visitor.record(r)
            case .line(.issue(let i)?): visitor.issue(i)
            case .tooLong(let line):
                visitor.issue(ImportIssue(file: file, line: line, reason: "a line runs over 64 MiB"))
                return
            }
        }
    }
}

/// Receives a streamed file's rows in order. CSV rows come undecoded, so a loader may read
/// their bytes directly; `CSVRow.decode` gives the record.
protocol RowVisitor {
    mutating func row(_ row: CSVRow)
    mutating func record(_ record: LineRecord)
    mutating func issue(_ issue: ImportIssue)
}

extension RowVisitor {
    /// Decodes the row and hands on its record or its problem.
    mutating func decodeRow(_ row: CSVRow) {
        do throws(RowError) {
            record(LineRecord(record: try row.decode(), line: row.line))
        } catch {
            issue(ImportIssue(file: row.file, line: row.line, reason: error.reason))
        }
    }
}

/// Hands every row on as a `ParsedItem`.
extension ParsedFile {
    /// Keeps a streamed item: a record or an issue.
    mutating func take(_ item: ParsedItem) {
        switch item {
        case .record(let r): records.append(r)
        case .issue(let i): issues.append(i)
        }
    }
}

private struct ItemVisitor: RowVisitor {
    let body: (ParsedItem) -> Void
    let zone: ShopTimeZone
    mutating func row(_ row: CSVRow) { decodeRow(row) }
    mutating func record(_ record: LineRecord) { body(.record(record)) }
    mutating func issue(_ issue: ImportIssue) { body(.issue(issue)) }
}

/// The current row of a CSV file, by column.
struct CSVRow {
    fileprivate(set) var reader: CSVReader
    let header: HeaderMap
    let kind: RecordKind
    let zone: ShopTimeZone
    let file: String

    var line: Int { reader.line }

    /// The row's record under the value rules of SPEC §2.
    func decode() throws(RowError) -> Record {
        try RecordDecoder.decode(kind, self, zone: zone)
    }

    /// Where a column's raw bytes lie in `reader.withBuffer`'s buffer (an empty range when the
    /// file or the row lacks it); nil when the field holds doubled quotes.
    func rawRange(_ column: Column) -> Range<Int>? {
        guard let i = header.index[column.ordinal] else { return 0..<0 }
        return reader.rawRange(i)
    }
}

extension CSVRow: FieldSource {
    func raw(_ column: Column) -> String? {
        guard let i = header.index[column.ordinal] else { return nil }
        return reader.field(i) ?? ""
    }

    func withRawBytes<R>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let range = rawRange(column) else { return nil }
        return reader.withBuffer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
