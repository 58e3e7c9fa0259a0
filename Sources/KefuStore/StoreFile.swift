import Foundation

/// The store's file on disk: where it lives by default, creating it privately, and telling a
/// kefu store from any other file before SQLite ever opens it.
enum StoreFile {
    /// What is at a path.
    enum Kind: Equatable {
        /// No file, or an empty one: a new store is created there.
        case absent
        case kefuStore
        case otherSQLite
        case notSQLite
    }

    /// Classifies a file by its first 100 bytes (the SQLite header), without opening it in SQLite,
    /// so a file that is not ours is never touched (no WAL switch, no journal, no `-shm`).
    static func kind(at path: String) throws -> Kind {
        guard FileManager.default.fileExists(atPath: path) else { return .absent }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.io(path: path, reason: "cannot read the file")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return .absent }
        let magic = Array("SQLite format 3\u{0}".utf8)
        guard header.count == 100, Array(header.prefix(16)) == magic else { return .notSQLite }
        // The application id is a big-endian 32-bit integer at offset 68.
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: id) == Schema.applicationID ? .kefuStore : .otherSQLite
    }

    /// Creates an empty file with mode 0600 (buyer ids are personal data), and its folder
    /// (mode 0700) when missing. SQLite gives the `-wal` and `-shm` files the same mode.
    static func createPrivately(at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.io(path: folder, reason: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        let fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // The umask can only narrow 0600; an empty file created by someone else is narrowed here.
        guard fchmod(fd, 0o600) == 0 else { throw StoreError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    /// `$XDG_DATA_HOME/kefu/kefu.sqlite`, else `~/.local/share/kefu/kefu.sqlite`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/kefu/kefu.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/kefu/kefu.sqlite"
    }
}
