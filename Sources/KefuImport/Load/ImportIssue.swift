/// A problem with an input file, at a line: `file:line: reason` (or `file: reason` for the
/// whole file, line 0).
public struct ImportIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line (the header is line 1); 0 for the file as a whole.
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file; self.line = line; self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

/// An import refused because files had bad rows: every issue, so the user can fix them all at once.
/// Nothing of a file with a bad row was kept.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [ImportIssue]

    public init(issues: [ImportIssue]) { self.issues = issues }

    public var description: String {
        let files = Set(issues.map(\.file)).sorted()
        let head = "import refused: \(issues.count) bad row\(issues.count == 1 ? "" : "s") in \(files.joined(separator: ", ")) "
            + "(nothing imported from \(files.count == 1 ? "it" : "them"); fix the rows or skip bad rows)"
        return ([head] + issues.map(\.description)).joined(separator: "\n")
    }
}
