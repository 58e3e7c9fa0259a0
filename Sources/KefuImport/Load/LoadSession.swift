import Foundation
import KefuCore

/// One load of a data set into a book, file by file: each row is checked and added as it is
/// streamed, counted per file, and bad rows are collected as skipped or refusing.
///
/// Messages are queued (`RecordBook.queue`) and stored together by `finish()`, which groups
/// them by buyer in place: a large data set's messages are then held once, 16 bytes each.
struct LoadSession {
    var book: RecordBook
    let options: LoadOptions
    /// One summary per file read.
    private(set) var summaries: [FileSummary] = []
    /// Messages queued by the end of each summary's file (their duplicates are known at `finish`).
    private var queuedBy: [Int] = []
    /// Issues of refused files (and files that could not be read at all).
    private(set) var refused: [ImportIssue] = []
    /// Bad rows left out of files kept (only with `skipBadRows`).
    private(set) var skipped: [ImportIssue] = []

    init(book: RecordBook, options: LoadOptions) {
        self.book = book
        self.options = options
    }

    /// Reserves room for the messages of these files, estimated from their sizes, so the
    /// message array never grows by copying (which would need twice its memory for a moment).
    mutating func reserveMessages(for paths: [String]) {
        var estimate = 0
        for path in paths where RecordKind.forCSV(named: (path as NSString).lastPathComponent) == .message {
            estimate += MessageEstimate.rows(ofCSV: path)
        }
        if estimate > 0 { book.reserveMessages(estimate) }
    }

    /// Streams one file into the book.
    mutating func load(_ path: String) {
        var visitor = FileVisitor(file: (path as NSString).lastPathComponent)
        swap(&book, &visitor.book) // the visitor holds the only reference while it adds
        let outcome: Result<RecordFileFormat, ImportIssue>
        do { outcome = .success(try RecordFileParser.scan(file: path, zone: options.zone, &visitor)) } catch {
            outcome = .failure(error)
        }
        swap(&book, &visitor.book)
        switch outcome {
        case .failure(let issue):
            refused.append(issue)
        case .success:
            var summary = visitor.summary
            summary.rejected = visitor.issues.count
            summaries.append(summary)
            queuedBy.append(book.queuedMessageCount)
            if visitor.issues.isEmpty || options.skipBadRows {
                skipped += visitor.issues
            } else {
                refused += visitor.issues
            }
        }
    }

    /// Stores the queued messages and moves each file's repeated ones from stored to duplicates.
    mutating func finish() {
        let duplicates = book.storeQueuedMessages(rangeEnds: queuedBy)
        for (i, d) in duplicates.enumerated() {
            summaries[i].stored -= d
            summaries[i].duplicates += d
        }
    }

    /// Adds one file's rows to the session's book; messages are queued (counted as stored
    /// until `finish` finds the duplicates).
    private struct FileVisitor: RowVisitor {
        var book = RecordBook()
        var summary: FileSummary
        var issues: [ImportIssue] = []

        init(file: String) { summary = FileSummary(file: file) }

        mutating func row(_ row: CSVRow) {
            if row.kind == .message, MessageRowReader.queue(row, into: &book) {
                summary.stored += 1
                return
            }
            decodeRow(row)
        }

        mutating func record(_ item: LineRecord) {
            switch item.record {
            case .message(let m):
                book.queue(m)
                summary.stored += 1
                return
            case .refund(let r):
                // A refund may not take its order's refunds (stored, this file's earlier ones
                // included) above the order's amount.
                if let check = book.refundTotal(adding: r), check.total > check.amount {
                    issue(ImportIssue(file: summary.file, line: item.line, reason: "refunds of order \(r.orderID) total "
                                      + "\(Yuan.format(check.total)), above its amount \(Yuan.format(check.amount))"))
                    return
                }
            default:
                break
            }
            switch book.add(item.record) {
            case .stored: summary.stored += 1
            case .updated: summary.updated += 1
            case .duplicate: summary.duplicates += 1
            }
        }

        mutating func issue(_ issue: ImportIssue) { issues.append(issue) }
    }
}

/// How many rows a CSV file holds, estimated from its size and the length of the rows in its
/// first 64 KiB (with a margin): enough to reserve memory, never used as a count.
enum MessageEstimate {
    static func rows(ofCSV path: String) -> Int {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0,
              let file = ChunkedFile(path: path, chunkSize: 64 << 10) else { return 0 }
        var sample: [UInt8] = []
        let got = file.read(appendingTo: &sample)
        let lines = sample.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        guard got > 0, lines > 0 else { return 0 }
        if got < 64 << 10 { return lines + 1 }
        return Int(Double(size) / Double(got) * Double(lines) * 1.05) + 1024
    }
}
