/// Maps a CSV header to the columns of a record kind: English names (case-insensitive) or
/// their Chinese aliases. Unknown columns are ignored; the first of two same-named columns wins.
struct HeaderMap {
    /// Field index per `Column.ordinal`; nil when the file lacks the column.
    private(set) var index: [Int?]

    /// Required columns the header lacks, as `name (alias)`.
    private(set) var missing: [String] = []

    init(kind: RecordKind, header: [String]) {
        index = Array(repeating: nil, count: Column.allCases.count)
        let names = header.map { trim($0).lowercased() }
        for spec in kind.columns {
            let i = names.firstIndex { $0 == spec.column.rawValue || $0 == spec.alias.lowercased() }
            index[spec.column.ordinal] = i
            if i == nil, spec.required { missing.append("\(spec.column.rawValue) (\(spec.alias))") }
        }
    }
}
