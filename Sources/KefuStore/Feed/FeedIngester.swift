import Dispatch
import Foundation
import KefuCore
import KefuImport

/// Where a live feed comes from.
public enum FeedSource: Sendable, Equatable {
    /// A JSON Lines file, followed like `tail -F` when `IngestOptions.follow` is set.
    case file(String)
    case standardInput
}

/// How a feed is read and committed.
public struct IngestOptions: Sendable {
    /// The zone in which timestamps without an offset are read.
    public var zone: ShopTimeZone
    /// Keep waiting for new lines at the end of the file (until stopped).
    public var follow: Bool
    /// Commit once this many records are pending.
    public var batchSize: Int
    /// Commit at most this long after the first pending line, however quiet the feed.
    public var maxDelayMilliseconds: Int
    /// How often the end of a followed file is checked for new bytes, truncation and rotation.
    public var pollMilliseconds: Int

    public init(zone: ShopTimeZone = .shanghai, follow: Bool = false, batchSize: Int = 1_000,
                maxDelayMilliseconds: Int = 100, pollMilliseconds: Int = 50) {
        self.zone = zone; self.follow = follow; self.batchSize = batchSize
        self.maxDelayMilliseconds = maxDelayMilliseconds; self.pollMilliseconds = pollMilliseconds
    }
}

/// What an ingest run did.
public struct IngestSummary: Sendable, Equatable {
    /// Lines read (blank and bad ones included).
    public var lines = 0
    /// Lines that were not a valid record, logged and skipped.
    public var badLines = 0
    /// What the commits stored; `rejected` lists refunds above their order (logged, skipped).
    public var counts = WriteCounts()
    /// Transactions committed.
    public var commits = 0

    public init() {}
}

/// Reads JSON Lines records (SPEC §2 `"type"` keys) from a file or standard input into the
/// store, in batches committed by count and by time.
///
/// A followed file survives truncation (its size shrinks: read again from the start) and
/// rotation (another file appears at the path: finish the old one, then read the new one from
/// the start); a partial last line is left until its newline arrives. Each commit saves the
/// file's identity and the offset past its last line in the same transaction, so a restart
/// after a crash resumes exactly there, even in a file rotated away meanwhile (found again in
/// the same folder by its inode). A bad line is logged as `FILE:LINE: reason` and skipped.
public final class FeedIngester {
    private let store: Store
    private let source: FeedSource
    private let options: IngestOptions
    private let stop: StopFlag
    private let log: (String) -> Void

    /// The name in log lines: the path as given, or `stdin`.
    private let name: String
    /// The key of the saved position: the absolute path (nil for standard input: not resumable).
    private let feedKey: String?
    private var file: FeedFile?
    /// Bytes read but not yet consumed as complete lines, starting at file offset `bufferOffset`.
    private var buffer: [UInt8] = []
    private var bufferOffset: Int64 = 0
    /// The last consumed line's number.
    private var line = 0
    private var pending: [KefuCore.Record] = []
    private var pendingLines: [Int] = []
    /// When the first line since the last commit was consumed (uptime ns), nil when none was.
    private var pendingSince: UInt64?
    private var summary = IngestSummary()

    public init(store: Store, source: FeedSource, options: IngestOptions, stop: StopFlag, log: @escaping (String) -> Void) {
        self.store = store; self.source = source; self.options = options; self.stop = stop; self.log = log
        switch source {
        case .file(let path):
            name = path
            feedKey = URL(fileURLWithPath: path).standardizedFileURL.path
        case .standardInput:
            name = "stdin"
            feedKey = nil
        }
    }

    /// Reads until the end of the input (or, following a file, until stopped), commits what
    /// was read, and says what it did.
    public func run() throws -> IngestSummary {
        switch source {
        case .standardInput: try runStandardInput()
        case .file(let path): try runFile(path)
        }
        try commit()
        return summary
    }

    // MARK: Standard input

    private func runStandardInput() throws {
        let input = FeedFile(standardInput: ())
        file = input
        while !stop.isRaised {
            if input.waitReadable(milliseconds: Int32(waitMilliseconds())) {
                if try input.read(appendingTo: &buffer) == 0 {
                    try consumeTrailingPartialLine()
                    return
                }
                try consumeCompleteLines()
            }
            if commitIsDue() { try commit() }
        }
    }

    // MARK: A followed file

    private func runFile(_ path: String) throws {
        try openResuming(path)
        while !stop.isRaised {
            guard let current = file else {
                // Following a file that does not exist yet (or was removed): wait for it.
                if let opened = try FeedFile(path: path) { start(opened, at: 0, line: 0) } else { pause() }
                continue
            }
            if try current.read(appendingTo: &buffer) > 0 {
                try consumeCompleteLines()
                if commitIsDue() { try commit() }
                continue
            }
            // At the end of the file.
            if current.size() < bufferOffset + Int64(buffer.count) {
                try commit()
                log("\(name): truncated; reading it again from the start")
                start(current, at: 0, line: 0)
                continue
            }
            if let now = FeedFile.identity(at: path), now != current.identity {
                try finishRotatedFile(current)
                if let next = try FeedFile(path: path) {
                    log("\(name): rotated; reading the new file from the start")
                    start(next, at: 0, line: 0)
                }
                continue
            }
            if !options.follow {
                try consumeTrailingPartialLine()
                return
            }
            if commitIsDue() { try commit() }
            pause()
        }
    }

    /// Opens the file at its saved position: the same file (unless it shrank below it), or the
    /// file it was rotated to, found in the same folder by its identity.
    private func openResuming(_ path: String) throws {
        let opened = try FeedFile(path: path)
        guard let opened else {
            if options.follow { return } // `runFile` waits for it
            throw StoreError.io(path: path, reason: "no such file")
        }
        guard let key = feedKey, let saved = try store.feedPosition(feed: key) else {
            start(opened, at: 0, line: 0)
            return
        }
        let savedIdentity = FileIdentity(device: saved.device, inode: saved.inode)
        if savedIdentity == opened.identity {
            if opened.size() >= saved.offset {
                start(opened, at: saved.offset, line: saved.line)
            } else {
                log("\(name): shorter than when last read (truncated); reading it from the start")
                start(opened, at: 0, line: 0)
            }
        } else if let rotated = try fileInSameFolder(as: path, with: savedIdentity), rotated.size() >= saved.offset {
            // The loop finishes this one, sees the new file at the path, and moves on to it.
            start(rotated, at: saved.offset, line: saved.line)
        } else {
            start(opened, at: 0, line: 0)
        }
    }

    private func fileInSameFolder(as path: String, with identity: FileIdentity) throws -> FeedFile? {
        let folder = (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for candidate in names.map({ (folder as NSString).appendingPathComponent($0) })
        where FeedFile.identity(at: candidate) == identity {
            return try FeedFile(path: candidate)
        }
        return nil
    }

    /// Reads what is left of a file that another file replaced at the path; its last line
    /// counts even without a newline, since nothing more will be written to it.
    private func finishRotatedFile(_ old: FeedFile) throws {
        while try old.read(appendingTo: &buffer) > 0 { try consumeCompleteLines() }
        try consumeTrailingPartialLine()
        try commit()
    }

    private func start(_ next: FeedFile, at offset: Int64, line: Int) {
        file = next
        next.seek(to: offset)
        buffer.removeAll(keepingCapacity: true)
        bufferOffset = offset
        self.line = line
    }

    // MARK: Lines and batches

    /// Consumes every complete line in the buffer, leaving a partial last line there.
    private func consumeCompleteLines() throws {
        var start = 0
        defer { buffer.removeFirst(start) }
        while let newline = buffer[start...].firstIndex(of: 0x0A) {
            try consumeLine(start..<newline, length: newline + 1 - start)
            start = newline + 1
        }
    }

    private func consumeTrailingPartialLine() throws {
        guard !buffer.isEmpty else { return }
        try consumeLine(0..<buffer.count, length: buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Decodes one line of the buffer (without its newline; `length` counts it), adds its
    /// record to the batch or logs why it has none, and commits a full batch.
    private func consumeLine(_ range: Range<Int>, length: Int) throws {
        line += 1
        bufferOffset += Int64(length)
        summary.lines += 1
        if pendingSince == nil { pendingSince = DispatchTime.now().uptimeNanoseconds }
        let decoded: Result<KefuCore.Record, RowError>? = buffer.withUnsafeBufferPointer { all in
            var end = range.upperBound
            if end > range.lowerBound, all[end - 1] == 0x0D { end -= 1 }
            let bytes = UnsafeBufferPointer(rebasing: all[range.lowerBound..<end])
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil } // a blank line
            return Result { () throws(RowError) in try JSONLineDecoder.decode(bytes: bytes, zone: options.zone) }
        }
        switch decoded {
        case .success(let record)?:
            pending.append(record)
            pendingLines.append(line)
            if pending.count >= options.batchSize { try commit() }
        case .failure(let error)?:
            summary.badLines += 1
            log("\(name):\(line): \(error.reason)")
        case nil:
            break
        }
    }

    private func commitIsDue() -> Bool {
        guard let since = pendingSince else { return false }
        return pending.count >= options.batchSize
            || DispatchTime.now().uptimeNanoseconds - since >= UInt64(options.maxDelayMilliseconds) * 1_000_000
    }

    /// How long to wait for input before the pending batch falls due.
    private func waitMilliseconds() -> Int {
        guard let since = pendingSince else { return options.pollMilliseconds }
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - since) / 1_000_000)
        return max(0, min(options.pollMilliseconds, options.maxDelayMilliseconds - elapsed))
    }

    private func pause() { usleep(UInt32(waitMilliseconds()) * 1_000) }

    /// Stores the pending records and, for a file, the position past the last consumed line,
    /// in one transaction. While another writer holds the store longer than SQLite's busy
    /// timeout (a `kefu import` of a large file: one transaction per file), it keeps the
    /// records and tries again, saying so once: a live feed never dies of "database is locked",
    /// and nothing it read is dropped (also when stopping: it stops once they are stored).
    private func commit() throws {
        func records(_ n: Int) -> String { n == 1 ? "1 record" : "\(n) records" }
        guard pendingSince != nil else { return }
        let position = feedKey.flatMap { key in
            file.map { FeedPosition(feed: key, device: $0.identity.device, inode: $0.identity.inode, offset: bufferOffset, line: line) }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var waiting = false
        var counts = WriteCounts()
        while true {
            do {
                counts = try store.importFile(invalid: .skip, feed: position) { sink in
                    for (record, line) in zip(pending, pendingLines) { try sink.add(record, line: line) }
                }
                break
            } catch StoreError.busy {
                guard !waiting else { continue }
                waiting = true
                log("\(name): the store is busy (another writer, such as kefu import, holds it): keeping \(records(pending.count)) and waiting")
            }
        }
        if waiting {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            log("\(name): the store is free again: \(records(pending.count)) stored after waiting \(Int(seconds.rounded())) s")
        }
        for rejection in counts.rejected {
            log("\(name):\(rejection.line): \(rejection.reason)")
        }
        summary.counts += counts
        summary.commits += 1
        pending.removeAll(keepingCapacity: true)
        pendingLines.removeAll(keepingCapacity: true)
        pendingSince = nil
    }
}
