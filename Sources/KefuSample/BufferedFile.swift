import Foundation

/// An output file written through a 1 MiB buffer: rows are appended as bytes, and the file
/// sees one write per MiB.
final class BufferedFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 20

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw SampleWriterError.cannotCreate(path)
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(BufferedFile.capacity + 4096)
    }

    @inline(__always) func byte(_ b: UInt8) { buffer.append(b) }

    @inline(__always) func bytes(_ b: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: b) }

    @inline(__always) func text(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// Writes the buffer out once it holds a MiB; call after each row.
    @inline(__always) func endRow() throws {
        if buffer.count >= BufferedFile.capacity { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}
