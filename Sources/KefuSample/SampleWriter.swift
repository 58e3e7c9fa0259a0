import Foundation
import KefuCore

/// Output format of `kefu sample`.
public enum SampleFormat: String, Sendable, CaseIterable {
    /// One CSV file per record kind (`agents.csv`, `messages.csv`, ...).
    case csv
    /// One `records.jsonl`, a record per line with a `"type"` key.
    case jsonl
}

/// Why a data set could not be written.
public enum SampleWriterError: Error, Equatable, CustomStringConvertible {
    case notEmpty(String)
    case notADirectory(String)
    case cannotCreate(String)

    public var description: String {
        switch self {
        case .notEmpty(let p): return "\(p): directory is not empty (use --force to overwrite)"
        case .notADirectory(let p): return "\(p): exists and is not a directory"
        case .cannotCreate(let p): return "\(p): cannot create file"
        }
    }
}

/// How many records of each kind were written.
public struct SampleCounts: Sendable, Equatable {
    public var agents = 0, messages = 0, orders = 0, refunds = 0, ratings = 0, tickets = 0, qa = 0, shifts = 0

    public init() {}

    mutating func count(_ r: Record) {
        switch r {
        case .agent: agents += 1
        case .message: messages += 1
        case .order: orders += 1
        case .refund: refunds += 1
        case .rating: ratings += 1
        case .ticket: tickets += 1
        case .qa: qa += 1
        case .shift: shifts += 1
        }
    }

    /// `12 agents, 101234 messages, ...` on one line.
    public var summary: String {
        "\(agents) agents, \(messages) messages, \(orders) orders, \(refunds) refunds, \(ratings) ratings, "
            + "\(tickets) tickets, \(qa) qa, \(shifts) shifts"
    }
}

/// Writes records as the data-set files of SPEC §2, streaming through buffered files.
public enum SampleWriter {
    /// The CSV files, in record-kind order, with their SPEC §2 headers.
    static let csvFiles: [(name: String, header: String)] = [
        ("agents.csv", "agent_id,name,role,group,grade,hired_on"),
        ("messages.csv", "ts,buyer_id,agent_id,sender,auto"),
        ("orders.csv", "order_id,buyer_id,created_at,paid_at,amount,items"),
        ("refunds.csv", "order_id,refunded_at,amount"),
        ("ratings.csv", "ts,buyer_id,agent_id,score"),
        ("tickets.csv", "ticket_id,agent_id,kind,opened_at,closed_at,status"),
        ("qa.csv", "month,agent_id,points"),
        ("shifts.csv", "agent_id,date,start,end"),
    ]

    /// Creates `directory` if needed; refuses one that holds files unless `force`.
    public static func prepare(directory: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        let fm = FileManager.default
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SampleWriterError.notADirectory(directory) }
            if !force, !(try fm.contentsOfDirectory(atPath: directory)).isEmpty {
                throw SampleWriterError.notEmpty(directory)
            }
        } else {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    /// Writes `records` into `directory` (which must exist) and returns the counts.
    public static func write(_ records: some Sequence<Record>, to directory: String,
                             format: SampleFormat, zone: ShopTimeZone) throws -> SampleCounts {
        var counts = SampleCounts()
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        switch format {
        case .csv:
            let files = try csvFiles.map { try BufferedFile(path: base + $0.name) }
            for (file, spec) in zip(files, csvFiles) { file.text(spec.header); file.byte(0x0A) }
            for r in records {
                counts.count(r)
                let file = files[kindIndex(r)]
                CSVRow.write(r, to: file, zone: zone)
                try file.endRow()
            }
            for file in files { try file.close() }
        case .jsonl:
            let file = try BufferedFile(path: base + "records.jsonl")
            for r in records {
                counts.count(r)
                JSONLine.write(r, to: file, zone: zone)
                try file.endRow()
            }
            try file.close()
        }
        return counts
    }

    static func kindIndex(_ r: Record) -> Int {
        switch r {
        case .agent: return 0
        case .message: return 1
        case .order: return 2
        case .refund: return 3
        case .rating: return 4
        case .ticket: return 5
        case .qa: return 6
        case .shift: return 7
        }
    }
}
