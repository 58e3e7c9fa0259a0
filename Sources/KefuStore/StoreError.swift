/// Why a store could not be opened or written.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file exists but is not an SQLite database at all.
    case notSQLite(path: String)
    /// The file is an SQLite database that kefu did not create.
    case notKefuStore(path: String)
    /// The file is a kefu store written by a newer kefu, with a schema this one does not know.
    case newerSchema(path: String)
    /// The file or its folder could not be created or read.
    case io(path: String, reason: String)
    /// A stored row holds a value no kefu writes (the file was edited by hand).
    case corruptRow(table: String, reason: String)
    /// Another process held the store for writing longer than the busy timeout; nothing of
    /// this write was stored.
    case busy(path: String, seconds: Int)

    public var description: String {
        switch self {
        case .notSQLite(let path):
            return "\(path): not a kefu store (not an SQLite database); refusing to open it, the file is left unchanged"
        case .notKefuStore(let path):
            return "\(path): an SQLite database that is not a kefu store; refusing to open it, the file is left unchanged"
        case .newerSchema(let path):
            return "\(path): a kefu store written by a newer kefu; upgrade kefu to open it"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .corruptRow(let table, let reason):
            return "store table \(table): \(reason)"
        case .busy(let path, let seconds):
            return "\(path): another process (kefu import or prune) has been writing the store for over \(seconds) s; "
                + "nothing of this write was stored: run it again when that one ends"
        }
    }
}
