import Foundation
import KefuCore

/// One load of a data set into a book, file by file: each row is checked and added as it is
/// streamed, counted per file, and bad rows are collected as skipped or refusing.
struct LoadSession {
    var book: RecordBook
    let options: LoadOptions
    /// One summary per file read.
    private(set) var summaries: [FileSummary] = []
    /// Issues of refused files (and files that could not be read at all).
    private(set) var refused: [ImportIssue] = []
    /// Bad rows left out of files kept (only with `skipBadRows`).
    private(set) var skipped: [ImportIssue] = []

    init(book: RecordBook, options: LoadOptions) {
        self.book = book
        self.options = options
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
            if visitor.issues.isEmpty || options.skipBadRows {
                skipped += visitor.issues
            } else {
                refused += visitor.issues
            }
        }
    }

    /// Adds one file's rows to the session's book.
    private struct FileVisitor: RowVisitor {
        var book = RecordBook()
        var summary: FileSummary
        var issues: [ImportIssue] = []

        init(file: String) { summary = FileSummary(file: file) }

        mutating func row(_ row: CSVRow) { decodeRow(row) }

        mutating func record(_ item: LineRecord) {
            // A refund may not take its order's refunds (stored, this file's earlier ones
            // included) above the order's amount.
            if case .refund(let r) = item.record, let check = book.refundTotal(adding: r), check.total > check.amount {
                issue(ImportIssue(file: summary.file, line: item.line, reason: "refunds of order \(r.orderID) total "
                                  + "\(Yuan.format(check.total)), above its amount \(Yuan.format(check.amount))"))
                return
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
