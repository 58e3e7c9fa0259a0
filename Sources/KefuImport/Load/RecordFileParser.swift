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

/// Reads one record file: a CSV named after its kind (`orders.csv`, `orders-2026-11.csv`) or a
/// JSON Lines file (`*.jsonl`, `*.ndjson`).
public enum RecordFileParser {
    /// Whether a file name is a JSON Lines stream.
    public static func isJSONLines(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
    }

    /// Parses a file. Throws (line 0) when it cannot be read or decoded, or its name is not a
    /// record file; bad rows are returned in `issues`.
    public static func parse(file path: String, zone: ShopTimeZone) throws(ImportIssue) -> ParsedFile {
        let name = (path as NSString).lastPathComponent
        let kind = RecordKind.forCSV(named: name)
        guard kind != nil || isJSONLines(name) else {
            let known = RecordKind.allCases.map(\.fileName).joined(separator: ", ")
            throw ImportIssue(file: name, line: 0, reason: "not a record file (expected \(known), *.jsonl or *.ndjson)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportIssue(file: name, line: 0, reason: "cannot be read")
        }
        let text: (bytes: [UInt8], encoding: TextDecoding.Encoding)
        do { text = try TextDecoding.utf8(from: [UInt8](data)) } catch {
            throw ImportIssue(file: name, line: 0, reason: error.reason)
        }
        if let kind { return parseCSV(utf8: text.bytes, kind: kind, file: name, encoding: text.encoding, zone: zone) }
        return parseJSONLines(utf8: text.bytes, file: name, encoding: text.encoding, zone: zone)
    }

    /// Parses CSV text (UTF-8, no BOM) of one kind. A missing required column is one issue at line 1.
    public static func parseCSV(utf8 bytes: [UInt8], kind: RecordKind, file: String,
                                encoding: TextDecoding.Encoding = .utf8, zone: ShopTimeZone) -> ParsedFile {
        var result = ParsedFile(file: file, kind: kind, encoding: encoding, records: [], issues: [])
        var reader = CSVReader(utf8: bytes)
        do {
            guard try reader.next() else {
                result.issues.append(ImportIssue(file: file, line: 0, reason: "is empty (no header)"))
                return result
            }
            let header = HeaderMap(kind: kind, header: reader.fields)
            if !header.missing.isEmpty {
                let list = header.missing.joined(separator: ", ")
                result.issues.append(ImportIssue(file: file, line: reader.line,
                                                 reason: "missing column\(header.missing.count == 1 ? "" : "s") \(list)"))
                return result
            }
            while try reader.next() {
                if let problem = reader.problem {
                    result.issues.append(ImportIssue(file: file, line: reader.line, reason: problem))
                    continue
                }
                do {
                    let record = try RecordDecoder.decode(kind, CSVFields(reader: reader, header: header), zone: zone)
                    result.records.append(LineRecord(record: record, line: reader.line))
                } catch {
                    result.issues.append(ImportIssue(file: file, line: reader.line, reason: error.reason))
                }
            }
        } catch {
            result.issues.append(ImportIssue(file: file, line: error.line, reason: error.reason))
        }
        return result
    }

    /// Parses JSON Lines text: one record per non-blank line.
    public static func parseJSONLines(utf8 bytes: [UInt8], file: String,
                                      encoding: TextDecoding.Encoding = .utf8, zone: ShopTimeZone) -> ParsedFile {
        var result = ParsedFile(file: file, kind: nil, encoding: encoding, records: [], issues: [])
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            var line = 1
            while start < b.count {
                var end = start
                while end < b.count, b[end] != 0x0A { end += 1 }
                var stop = end
                if stop > start, b[stop - 1] == 0x0D { stop -= 1 }
                let slice = UnsafeBufferPointer(rebasing: b[start..<stop])
                if slice.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                    do throws(RowError) {
                        result.records.append(LineRecord(record: try JSONLineDecoder.decode(bytes: slice, zone: zone), line: line))
                    } catch {
                        result.issues.append(ImportIssue(file: file, line: line, reason: error.reason))
                    }
                }
                start = end + 1
                line += 1
            }
        }
        return result
    }

    /// The current CSV record's fields, by column.
    private struct CSVFields: FieldSource {
        let reader: CSVReader
        let header: HeaderMap
        func raw(_ column: Column) -> String? {
            guard let i = header.index[column.ordinal] else { return nil }
            return reader.field(i) ?? ""
        }
    }
}
