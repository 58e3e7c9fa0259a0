/// A terminal size in cells.
public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// Draws the whole screen for a state: a pure function of state, size and theme. Below the
/// minimum size it draws only the message saying which size is needed.
public func render(_ state: AppState, size: Size, theme: Theme) -> Frame {
    let p = Palette(theme)
    var f = Frame(width: size.width, height: size.height, fill: p.base)
    if size.width < MinSizeScreen.width || size.height < MinSizeScreen.height {
        MinSizeScreen.draw(&f, state.language, p)
        return f
    }
    Chrome.header(&f, state, p)
    Chrome.tabs(&f, state, p)
    switch state.screen {
    case .team: TeamScreen.draw(&f, state, p)
    case .heatmap: HeatmapScreen.draw(&f, state, p)
    case .warnings: WarningsScreen.draw(&f, state, p)
    case .agent: AgentScreen.draw(&f, state, p)
    case .rules: RulesScreen.draw(&f, state, p)
    }
    Chrome.footer(&f, state, p)
    if state.showHelp { HelpOverlay.draw(&f, state, p) }
    return f
}

/// The minimum terminal size the dashboard draws in.
public let minimumSize = Size(width: MinSizeScreen.width, height: MinSizeScreen.height)
