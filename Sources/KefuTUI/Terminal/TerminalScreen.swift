import CNcurses
import Foundation

/// The only code that talks to ncurses: opens the terminal, draws frames by diffing them
/// against the last one drawn (changed cells only, then one `doupdate`), reads keys and mouse
/// events, and restores the terminal.
final class TerminalScreen {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    let colorMode: ColorMode
    private var pairs: [Int64: Int32] = [:]
    private var nextPair: Int32 = 1
    private var last: Frame?
    private var open = true

    /// Opens the terminal on stdin/stdout after choosing a UTF-8 locale.
    init(environment env: [String: String]) throws {
        setlocale(LC_ALL, "")
        if kefu_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let out = fdopen(1, "w"), let input = fdopen(0, "r"),
              let scr = newterm(nil, out, input) else {
            throw TerminalError(reason: "cannot open the terminal (TERM=\(env["TERM"] ?? "unset"))")
        }
        screen = scr
        window = kefu_stdscr()
        cbreak(); noecho(); nonl(); curs_set(0)
        keypad(window, true)
        set_escdelay(25)
        mousemask(kefu_mouse_mask_wanted(), nil)
        mouseinterval(0)
        if !ColorMode.forbidden(env) && has_colors() {
            start_color(); use_default_colors()
            colorMode = ColorMode.choose(environment: env, terminalColors: Int(kefu_colors()))
        } else {
            colorMode = .none
        }
    }

    var size: Size { Size(width: Int(kefu_width(window)), height: Int(kefu_height(window))) }

    /// Draws the cells that differ from the last frame (all of them after a resize or resume).
    func draw(_ frame: Frame) {
        let full = last == nil || last!.width != frame.width || last!.height != frame.height
        if full { werase(window) }
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                if !full, last![x, y] == cell { continue }
                if cell.isContinuation { continue }
                put(cell, x: x, y: y)
            }
        }
        last = frame
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attrs = kefu_a_normal()
        let s = cell.style
        if s.bold { attrs |= kefu_a_bold() }
        if s.reverse { attrs |= kefu_a_reverse() }
        if s.underline { attrs |= kefu_a_underline() }
        if s.dim { attrs |= kefu_a_dim() }
        let pair = pairNumber(fg: colorMode.number(s.fg), bg: colorMode.number(s.bg))
        var chars = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        chars.append(0)
        _ = kefu_put_cell(window, Int32(y), Int32(x), chars, attrs, pair)
    }

    /// The colour pair for a foreground/background, allocated on first use (extended pairs).
    private func pairNumber(fg: Int32, bg: Int32) -> Int32 {
        if fg == -1 && bg == -1 { return 0 }
        let key = Int64(fg) << 32 | Int64(UInt32(bitPattern: bg))
        if let p = pairs[key] { return p }
        guard nextPair < kefu_color_pairs() else { return 0 }
        let p = nextPair
        nextPair += 1
        init_extended_pair(p, fg, bg)
        pairs[key] = p
        return p
    }

    /// Forgets what is on screen: the next draw repaints everything.
    func invalidate() { last = nil; clearok(window, true) }

    /// The terminal hung up: its input reports a hang-up or an error (reads would return at
    /// once forever, so the key loop would spin).
    var inputHungUp: Bool {
        var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Waits up to `timeoutMs` for input. nil: nothing arrived.
    func read(timeoutMs: Int32) -> AppEvent? {
        wtimeout(window, timeoutMs)
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case kefu_key_resize(): return .resize(width: size.width, height: size.height)
            case kefu_key_mouse(): return mouse()
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            default: return nil
            }
        }
        switch ch {
        case 3: return .key(.interrupt)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        default:
            guard ch >= 32, let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    private func mouse() -> AppEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        if kefu_mouse_is_wheel_up(event.bstate) != 0 { return .wheel(-1) }
        if kefu_mouse_is_wheel_down(event.bstate) != 0 { return .wheel(1) }
        if kefu_mouse_is_click(event.bstate) != 0 { return .click(x: Int(event.x), y: Int(event.y)) }
        return nil
    }

    /// Leaves curses mode for a suspend (Ctrl-Z); `resume` comes back.
    func suspend() { endwin() }

    func resume() {
        wrefresh(window)
        invalidate()
    }

    /// Restores the terminal. Safe to call twice.
    func close() {
        guard open else { return }
        open = false
        endwin()
        delscreen(screen)
    }
}

/// The terminal could not be opened.
public struct TerminalError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
