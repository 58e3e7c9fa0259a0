import Foundation

/// A file's identity: it changes when a log rotation replaces the file at a path.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
}

/// An open file descriptor being read from, with its identity.
final class FeedFile {
    let fd: Int32
    let identity: FileIdentity

    /// Opens a file for reading, or nil when it does not exist (yet).
    init?(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw StoreError.io(path: path, reason: String(cString: strerror(errno)))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw StoreError.io(path: path, reason: String(cString: strerror(errno)))
        }
        self.fd = fd
        identity = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Standard input.
    init(standardInput: Void) {
        fd = 0
        identity = FileIdentity(device: 0, inode: 0)
    }

    deinit { if fd != 0 { close(fd) } }

    /// The identity of whatever file is at `path` now, or nil when none is.
    static func identity(at path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// The file's current size in bytes.
    func size() -> Int64 {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int64(st.st_size) : 0
    }

    func seek(to offset: Int64) { lseek(fd, off_t(offset), SEEK_SET) }

    /// Reads up to `count` bytes, appending them; returns how many (0 at end of file).
    func read(appendingTo buffer: inout [UInt8], count: Int = 1 << 16) throws -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + start, count) }
        buffer.removeLast(count - max(n, 0))
        guard n >= 0 else {
            if errno == EINTR || errno == EAGAIN { return 0 }
            throw StoreError.io(path: fd == 0 ? "-" : "feed", reason: String(cString: strerror(errno)))
        }
        return n
    }

    /// Waits up to `milliseconds` for input to be readable (standard input, pipes).
    func waitReadable(milliseconds: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, milliseconds) > 0
    }
}
