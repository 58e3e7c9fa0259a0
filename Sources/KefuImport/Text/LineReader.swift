/// Splits UTF-8 text into lines (LF or CRLF), handing each line's bytes out without its line
/// break. Over a `TextSource` it holds one chunk at a time, plus the line straddling two.
struct LineReader {
    /// What `next` found.
    enum Step<T> {
        /// A line, through `body`.
        case line(T)
        /// A line longer than `maxLineBytes` (numbered): the rest of the text is left unread.
        case tooLong(Int)
        case end
    }

    /// The longest line read from a streamed file.
    static let maxLineBytes = 64 << 20

    private var bytes: [UInt8]
    private var position = 0
    private var lineNumber = 1
    /// Where the search for the current line's LF goes on (bytes before it hold none).
    private var searched = 0
    private var source: TextSource?

    /// Lines of text held whole.
    init(utf8 bytes: [UInt8]) { self.bytes = bytes }

    /// Lines of a file's text, read chunk by chunk.
    init(source: TextSource) {
        bytes = []
        bytes.reserveCapacity(2 * ChunkedFile.defaultChunkSize)
        self.source = source
    }

    /// Calls `body` with the next line's bytes (CR of a CRLF dropped) and its 1-based number.
    mutating func next<T>(_ body: (UnsafeBufferPointer<UInt8>, Int) -> T) -> Step<T> {
        while true {
            if position >= bytes.count, !refill() { return .end }
            let from = max(position, searched)
            let end = bytes.withUnsafeBufferPointer { b -> Int? in
                var i = from
                while i < b.count, b[i] != 0x0A { i += 1 }
                return i < b.count ? i : nil
            }
            guard let lf = end ?? (source == nil ? bytes.count : nil) else {
                if bytes.count - position > LineReader.maxLineBytes {
                    source = nil
                    position = bytes.count
                    return .tooLong(lineNumber)
                }
                searched = bytes.count - position
                _ = refill()
                continue
            }
            let number = lineNumber
            let start = position
            position = lf + 1
            searched = 0
            lineNumber += 1
            return .line(bytes.withUnsafeBufferPointer { b in
                var stop = lf
                if stop > start, b[stop - 1] == 0x0D { stop -= 1 }
                return body(UnsafeBufferPointer(rebasing: b[start..<stop]), number)
            })
        }
    }

    /// Moves the unread bytes to the front and appends the next chunk; false when none came.
    private mutating func refill() -> Bool {
        guard let src = source else { return false }
        if position > 0 {
            bytes.removeSubrange(0..<min(position, bytes.count))
            position = 0
        }
        if src.read(appendingTo: &bytes) == 0 {
            source = nil
            return false
        }
        return true
    }
}
