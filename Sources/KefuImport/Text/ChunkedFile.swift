import Glibc

/// A file read front to back in bounded chunks, so a large export is never held whole.
final class ChunkedFile {
    /// The size of one read, by default.
    static let defaultChunkSize = 1 << 20

    /// The size of one read.
    let chunkSize: Int
    private let handle: UnsafeMutablePointer<FILE>
    /// Set once a read came back short: the end of the file (or a read error).
    private(set) var atEnd = false
    /// Set when a read failed (not merely reached the end).
    private(set) var failed = false

    /// nil when the file cannot be opened for reading.
    init?(path: String, chunkSize: Int = ChunkedFile.defaultChunkSize) {
        guard let h = fopen(path, "rb") else { return nil }
        handle = h
        self.chunkSize = chunkSize
    }

    deinit { fclose(handle) }

    /// Appends up to `count` bytes to `buffer`; returns how many (0 at the end).
    func read(appendingTo buffer: inout [UInt8]) -> Int {
        let count = chunkSize
        guard !atEnd else { return 0 }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        let got = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress! + old, 1, count, handle) }
        buffer.removeSubrange((old + got)...)
        if got < count {
            atEnd = true
            failed = ferror(handle) != 0
        }
        return got
    }

}
