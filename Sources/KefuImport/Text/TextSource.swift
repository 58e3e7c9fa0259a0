/// A record file's text as UTF-8, handed out in chunks.
///
/// The encoding is judged first, by reading the whole file once in chunks (a file is UTF-8
/// only if every byte of it is). A UTF-8 file is then read again, chunk by chunk, its BOM
/// skipped, so its text is never held whole. A GB18030/GBK file is read and converted whole:
/// such exports come from spreadsheet tools and are small.
final class TextSource {
    let encoding: TextDecoding.Encoding
    private var file: ChunkedFile?
    private var converted: [UInt8]?
    private var skipBOM: Bool
    private var bomLeft = 3

    /// Opens and judges a file (unless its `encoding` is known from an earlier pass); the
    /// failure's reason is the file-level problem.
    init(path: String, chunkSize: Int = ChunkedFile.defaultChunkSize, encoding known: TextDecoding.Encoding? = nil) throws(TextDecoding.Failure) {
        if let known {
            encoding = known
        } else {
            guard let probe = ChunkedFile(path: path, chunkSize: chunkSize) else { throw TextDecoding.Failure(reason: "cannot be read") }
            encoding = try TextDecoding.detect(probe)
        }
        skipBOM = encoding == .utf8BOM
        switch encoding {
        case .utf8, .utf8BOM:
            guard let f = ChunkedFile(path: path, chunkSize: chunkSize) else { throw TextDecoding.Failure(reason: "cannot be read") }
            file = f
        case .gb18030:
            guard let whole = ChunkedFile(path: path) else { throw TextDecoding.Failure(reason: "cannot be read") }
            var bytes: [UInt8] = []
            while whole.read(appendingTo: &bytes) > 0 {}
            if whole.failed { throw TextDecoding.Failure(reason: "cannot be read") }
            converted = try TextDecoding.gb18030ToUTF8(bytes)
        }
    }

    /// Appends the next UTF-8 bytes to `buffer`; returns how many (0 at the end).
    func read(appendingTo buffer: inout [UInt8]) -> Int {
        if let text = converted {
            converted = nil
            buffer.append(contentsOf: text)
            return text.count
        }
        guard let file else { return 0 }
        let start = buffer.count
        var got = file.read(appendingTo: &buffer)
        while skipBOM, got > 0 {
            // Drop the BOM's bytes as they come (a chunk may be shorter than the BOM).
            buffer.remove(at: start)
            got -= 1
            bomLeft -= 1
            skipBOM = bomLeft > 0
            if got == 0 { got = file.read(appendingTo: &buffer) }
        }
        return got
    }

    /// A read failed after the file was judged (it changed or vanished meanwhile).
    var failed: Bool { file?.failed ?? false }
}
