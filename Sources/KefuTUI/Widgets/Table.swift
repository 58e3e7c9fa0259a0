/// A table column: a title, a width in display columns (the flexible column takes what is
/// left), and its alignment.
public struct TableColumn: Sendable {
    public var title: String
    public var width: Int
    public var alignRight: Bool
    public var flexible: Bool
    /// The most a flexible column grows to.
    public var maxWidth: Int

    public init(_ title: String, width: Int, alignRight: Bool = true, flexible: Bool = false, maxWidth: Int = .max) {
        self.title = title; self.width = width; self.alignRight = alignRight; self.flexible = flexible; self.maxWidth = maxWidth
    }
}

/// A table cell's text and, optionally, its own style.
public struct TableCell: Sendable {
    public var text: String
    public var style: Style?
    public init(_ text: String, _ style: Style? = nil) { self.text = text; self.style = style }
}

/// Draws a header row and body rows. Every cell is fitted to its column's display width, so
/// column boundaries land on the same terminal columns in every row, CJK text or not.
public enum TableWidget {
    /// Column widths for a total width: fixed columns as given, the flexible one (if any)
    /// gets the remainder (at least its own width). One space separates columns.
    public static func widths(_ columns: [TableColumn], total: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + ($1.flexible ? 0 : $1.width) } + max(0, columns.count - 1)
        return columns.map { $0.flexible ? max($0.width, min($0.maxWidth, total - fixed)) : $0.width }
    }

    /// Draws the table in `rect`: the header on its first row, then `rect.height - 1` body rows
    /// starting at row `scroll`. `selected` is an index into `rows`.
    public static func draw(_ frame: inout Frame, _ rect: Rect, columns: [TableColumn], rows: [[TableCell]],
                            selected: Int?, scroll: Int, palette: Palette) {
        draw(&frame, rect, columns: columns, rowCount: rows.count, row: { rows[$0] }, selected: selected, scroll: scroll, palette: palette)
    }

    /// The same for `rowCount` rows whose cells `row(i)` makes on demand: only the rows in view
    /// are made, so a long list costs no more to draw than a short one.
    public static func draw(_ frame: inout Frame, _ rect: Rect, columns: [TableColumn], rowCount: Int, row: (Int) -> [TableCell],
                            selected: Int?, scroll: Int, palette: Palette) {
        let w = widths(columns, total: rect.width)
        var x = rect.x
        frame.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: palette.header)
        for (i, col) in columns.enumerated() {
            frame.put(col.title, x: x, y: rect.y, columns: w[i], alignRight: col.alignRight, style: palette.header, limit: rect.maxX)
            x += w[i] + 1
        }
        for line in 0..<max(0, rect.height - 1) {
            let index = scroll + line
            guard index < rowCount else { break }
            let y = rect.y + 1 + line
            let isSelected = index == selected
            if isSelected { frame.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: palette.selected) }
            var x = rect.x
            let cells = row(index)
            for (i, col) in columns.enumerated() where i < cells.count {
                let cell = cells[i]
                var style = cell.style ?? palette.base
                if isSelected { style.bg = palette.selected.bg; style.reverse = palette.selected.reverse
                    if cell.style == nil { style.fg = palette.selected.fg } }
                frame.put(cell.text, x: x, y: y, columns: w[i], alignRight: col.alignRight, style: style, limit: min(rect.maxX, x + w[i]))
                x += w[i] + 1
            }
        }
    }
}
