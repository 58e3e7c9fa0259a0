import KefuCore

/// A key press, as the terminal layer decodes it.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace
    /// Ctrl-C: quit now.
    case interrupt
}

/// What the app reacts to. `update` handles these without I/O.
public enum AppEvent: Sendable, Equatable {
    case key(Key)
    /// New figures from the core.
    case data(DashboardSnapshot)
    /// The clock moved (redraws the clock and the live indicator).
    case tick(Instant)
    case resize(width: Int, height: Int)
    /// A mouse click at a screen cell (selects the row there).
    case click(x: Int, y: Int)
    /// Mouse wheel: negative scrolls up.
    case wheel(Int)
}

/// What `update` asks the outside world to do.
public enum AppEffect: Sendable, Equatable {
    case quit
    /// Recompute the figures under another attribution rule.
    case switchRule(AttributionRule)
}
