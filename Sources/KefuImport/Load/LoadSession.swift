import Foundation
import KefuCore

/// One load of a data set into a book, file by file: each row is checked and added as it is
/// streamed, counted per file, and bad rows are collected as skipped or refusing.
///
/// Before the first messages file, a first pass counts every CSV messages file's messages per
/// buyer, so the book lays each buyer's messages out once, at their final size
/// (`RecordBook.expectMessage`): a large data set's messages are then held once, 12 bytes each.
struct LoadSession {
    var book: RecordBook
    let options: LoadOptions
    /// One summary per file read.
    private(set) var summaries: [FileSummary] = []
    /// Issues of refused files (and files that could not be read at all).
    private(set) var refused: [ImportIssue] = []
    /// Bad rows left out of files kept (only with `skipBadRows`).
    private(set) var skipped: [ImportIssue] = []
    /// The CSV messages files still to count, and the encodings found while counting.
    private var toCount: [String]
    private var encodings: [String: TextDecoding.Encoding] = [:]

    init(book: RecordBook, options: LoadOptions, files: [String]) {
        self.book = book
        self.options = options
        toCount = files.filter { RecordKind.forCSV(named: ($0 as NSString).lastPathComponent) == .message }
    }

    /// Streams one file into the book.
    mutating func load(_ path: String) {
        if toCount.contains(path) { countMessages() }
        var visitor = FileVisitor(file: (path as NSString).lastPathComponent)
        swap(&book, &visitor.book) // the visitor holds the only reference while it adds
        let outcome: Result<RecordFileFormat, ImportIssue>
        do {
            outcome = .success(try RecordFileParser.scan(file: path, zone: options.zone, encoding: encodings[path], &visitor))
        } catch {
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
            if visitor.issues.isEmpty || options.skipBadRows {
                skipped += visitor.issues
            } else {
                refused += visitor.issues
            }
        }
    }

    /// Counts the messages of every CSV messages file per buyer and reserves their room. A
    /// file that cannot be read is left to its load, which reports it.
    private mutating func countMessages() {
        for path in toCount {
            if let encoding = try? MessageCounter.count(file: path, into: &book) { encodings[path] = encoding }
        }
        toCount = []
        book.reserveExpectedMessages()
    }

    /// After the last file: gives back room reserved for messages that did not come.
    mutating func finish() { book.releaseUnusedMessageRoom() }

    /// Adds one file's rows to the session's book.
    private struct FileVisitor: RowVisitor {
        var book = RecordBook()
        var summary: FileSummary
        var issues: [ImportIssue] = []

        init(file: String) { summary = FileSummary(file: file) }

        mutating func row(_ row: CSVRow) {
            if row.kind == .message, let outcome = MessageRowReader.add(row, to: &book) {
                count(outcome)
                return
            }
            decodeRow(row)
        }

        mutating func record(_ item: LineRecord) {
            // A refund may not take its order's refunds (stored, this file's earlier ones
            // included) above the order's amount.
            if case .refund(let r) = item.record, let check = book.refundTotal(adding: r), check.total > check.amount {
                issue(ImportIssue(file: summary.file, line: item.line, reason: "refunds of order \(r.orderID) total "
                                  + "\(Yuan.format(check.total)), above its amount \(Yuan.format(check.amount))"))
                return
            }
            count(book.add(item.record))
        }

        private mutating func count(_ outcome: RecordBook.Outcome) {
            switch outcome {
            case .stored: summary.stored += 1
            case .updated: summary.updated += 1
            case .duplicate: summary.duplicates += 1
            }
        }

        mutating func issue(_ issue: ImportIssue) { issues.append(issue) }
    }
}
