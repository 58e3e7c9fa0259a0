/// One terminal cell: a character and its style. The cell to the right of a double-width
/// character is a continuation (`isContinuation`), drawn by nothing.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character; self.style = style; self.isContinuation = isContinuation
    }
}

/// A rectangle of the screen.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// A whole screen as a grid of cells: what a render produces and the terminal layer draws.
///
/// Text is placed by display width and clipped at the frame's (or a given) right edge; it never
/// wraps. A double-width character that would straddle the edge becomes a space.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Style = .plain) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(" ", style: fill), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y) in `style`, clipped at `limit` (default: the frame's right edge).
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let edge = min(limit ?? width, width)
        if DisplayWidth.asciiWidth(text) != nil { return putASCII(text, x: x, y: y, edge: edge, style: style) }
        if DisplayWidth.isScalarPerCharacter(text) {
            return put(text.unicodeScalars.lazy.map { (Character($0), DisplayWidth.of($0)) }, x: x, y: y, edge: edge, style: style)
        }
        return put(text.lazy.map { ($0, DisplayWidth.of($0)) }, x: x, y: y, edge: edge, style: style)
    }

    /// Places characters with their widths from `x`, clipped at `edge`.
    private mutating func put(_ characters: some Sequence<(Character, Int)>, x: Int, y: Int, edge: Int, style: Style) -> Int {
        var col = x
        for (ch, w) in characters {
            if w == 0 { continue }
            if col >= edge { break }
            if col + w > edge {
                if col >= 0 { clearWide(at: col, y: y); self[col, y] = Cell(" ", style: style) }
                col = edge
                break
            }
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(ch, style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell(" ", style: style, isContinuation: true)
                }
            }
            col += w
        }
        return col
    }

    /// `put` for printable ASCII: a column a byte, no character measured.
    private mutating func putASCII(_ text: String, x: Int, y: Int, edge: Int, style: Style) -> Int {
        var col = x
        for b in text.utf8 {
            if col >= edge { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(Character(Unicode.Scalar(b)), style: style)
            }
            col += 1
        }
        return col
    }

    /// Writes `text` fitted to `columns` (clipped with `…`, padded with spaces on the right, or
    /// on the left with `alignRight`), as `put(DisplayWidth.fit(text, columns, alignRight:))`
    /// would, without building the padded string.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, columns: Int, alignRight: Bool, style: Style, limit: Int? = nil) -> Int {
        guard columns > 0, y >= 0, y < height else { return x }
        let w = DisplayWidth.of(text)
        guard w <= columns else { return put(DisplayWidth.fit(text, columns, alignRight: alignRight), x: x, y: y, style: style, limit: limit) }
        let pad = columns - w
        let edge = min(limit ?? width, width)
        var col = x
        if alignRight { col = putSpaces(pad, x: col, y: y, edge: edge, style: style) }
        col = put(text, x: col, y: y, style: style, limit: limit)
        if !alignRight { col = putSpaces(pad, x: col, y: y, edge: edge, style: style) }
        return col
    }

    /// `n` spaces from `x`, clipped at `edge`; returns what `put` of them would. A cell that
    /// already holds a space in `style` is left as it is (a table's padding over a fresh row).
    private mutating func putSpaces(_ n: Int, x: Int, y: Int, edge: Int, style: Style) -> Int {
        guard x < edge else { return x }
        let space = Cell(" ", style: style)
        for col in max(0, x)..<max(0, min(x + n, edge)) where cells[y * width + col] != space {
            clearWide(at: col, y: y)
            cells[y * width + col] = space
        }
        return min(x + n, edge)
    }

    /// Fills a rectangle with a character in `style`.
    public mutating func fill(_ rect: Rect, _ ch: Character = " ", style: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                clearWide(at: x, y: y)
                self[x, y] = Cell(ch, style: style)
            }
        }
    }

    /// Restyles the cells of a rectangle, keeping their characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { change(&cells[y * width + x].style) }
        }
    }

    /// Overwriting one half of a double-width character blanks the other half. (A double-width
    /// character is always followed by its continuation cell: `put` writes them together and
    /// this keeps them together.)
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].isContinuation {
            if x > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        } else if x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
    }

    /// The frame as text, one line per row, trailing spaces kept (continuations omitted).
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].isContinuation { s.append(self[x, y].character) }
            return s
        }
    }

    /// The frame's text joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
