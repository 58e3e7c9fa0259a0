import Foundation
import KefuCore

/// An output file written through a 1 MiB buffer: rows are appended as bytes, and the file
/// sees one write per MiB.
final class BufferedFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// `YYYY-MM-DDT` and the offset text (`+08:00`) of the last local day a timestamp fell on.
    private var cachedDay = Int64.min, cachedOffset = Int64.min
    private var dayPrefix: [UInt8] = [], offsetSuffix: [UInt8] = []
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

    /// An instant as shop-local ISO 8601 with its offset, exactly as `Timestamp.format` writes
    /// it (`2026-11-11T00:00:03+08:00`, milliseconds only when not whole), without building a
    /// String per call: the date and offset text are cached per local day.
    func timestamp(_ t: Instant, _ zone: ShopTimeZone) {
        let offset = zone.offset(at: t)
        let local = t + offset
        var day = local / 86_400_000
        var ms = local % 86_400_000
        if ms < 0 { day -= 1; ms += 86_400_000 }
        if day != cachedDay || offset != cachedOffset {
            cachedDay = day
            cachedOffset = offset
            dayPrefix = Array((LocalDate(day: Int(day)).description + "T").utf8)
            let minutes = Int(abs(offset) / 60_000)
            offsetSuffix = offset == 0 ? [0x5A] : [offset < 0 ? 0x2D : 0x2B] + Array(twoDigits(minutes / 60))
                + [0x3A] + Array(twoDigits(minutes % 60))
        }
        buffer.append(contentsOf: dayPrefix)
        let secs = Int(ms / 1000)
        append2(secs / 3600); byte(0x3A); append2(secs / 60 % 60); byte(0x3A); append2(secs % 60)
        let frac = Int(ms % 1000)
        if frac != 0 {
            byte(0x2E); byte(UInt8(frac / 100) + 0x30); byte(UInt8(frac / 10 % 10) + 0x30); byte(UInt8(frac % 10) + 0x30)
        }
        buffer.append(contentsOf: offsetSuffix)
    }

    @inline(__always) private func append2(_ n: Int) {
        byte(UInt8(n / 10) + 0x30); byte(UInt8(n % 10) + 0x30)
    }

    private func twoDigits(_ n: Int) -> [UInt8] { [UInt8(n / 10) + 0x30, UInt8(n % 10) + 0x30] }

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
