/// Where a followed feed was last committed: the file's identity and the byte offset just past
/// the last line whose records are stored. Written in the same transaction as those records, so
/// after a crash the feed resumes exactly there: nothing lost, nothing read twice.
public struct FeedPosition: Sendable, Equatable {
    /// The feed's path, as given on the command line (made absolute).
    public var feed: String
    public var device: UInt64
    public var inode: UInt64
    /// Bytes of the file consumed: the offset just past the last committed line's newline.
    public var offset: Int64
    /// Lines consumed, so error messages keep their line numbers after a restart.
    public var line: Int

    public init(feed: String, device: UInt64, inode: UInt64, offset: Int64, line: Int) {
        self.feed = feed; self.device = device; self.inode = inode; self.offset = offset; self.line = line
    }
}
