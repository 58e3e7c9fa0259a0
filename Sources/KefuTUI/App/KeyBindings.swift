/// What a key does.
public enum Action: Sendable, Hashable {
    case up, down, top, bottom, pageUp, pageDown
    case nextScreen, previousScreen, show(Screen), drillDown, back
    case filter, cycleSort, reverseSort, switchRule, cycleTheme, toggleLanguage
    case cycleHeatMetric, toggleHeatSpan, toggleStaffing, togglePeriod
    case toggleWhatIf, leverDown, leverUp
    case help, quit, quitNow
}

/// One line of the keybinding table: the keys, how help shows them, what they do, and where.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var action: Action
    public var zh: String
    public var en: String
    /// nil: on every screen.
    public var screens: [Screen]?

    public func help(_ l: Language) -> String { l.pick(zh, en) }
}

/// The one keybinding table: `update` looks keys up in it and the `?` overlay lists it, so
/// help can never disagree with the keys.
public enum KeyBindings {
    public static let table: [KeyBinding] = [
        .init(keys: [.up, .char("k")], label: "↑/k", action: .up, zh: "上移", en: "move up"),
        .init(keys: [.down, .char("j")], label: "↓/j", action: .down, zh: "下移", en: "move down"),
        .init(keys: [.char("g"), .home], label: "g", action: .top, zh: "到顶", en: "first row"),
        .init(keys: [.char("G"), .end], label: "G", action: .bottom, zh: "到底", en: "last row"),
        .init(keys: [.pageUp], label: "PgUp", action: .pageUp, zh: "上一页", en: "page up"),
        .init(keys: [.pageDown], label: "PgDn", action: .pageDown, zh: "下一页", en: "page down"),
        .init(keys: [.tab], label: "Tab", action: .nextScreen, zh: "下一屏", en: "next screen"),
        .init(keys: [.backTab], label: "S-Tab", action: .previousScreen, zh: "上一屏", en: "previous screen"),
        .init(keys: [.char("1")], label: "1", action: .show(.team), zh: "团队", en: "team"),
        .init(keys: [.char("2")], label: "2", action: .show(.heatmap), zh: "热力图", en: "heatmap"),
        .init(keys: [.char("3")], label: "3", action: .show(.warnings), zh: "预警名单", en: "warnings"),
        .init(keys: [.char("4")], label: "4", action: .show(.agent), zh: "客服详情", en: "agent detail"),
        .init(keys: [.char("5")], label: "5", action: .show(.rules), zh: "判定规则对比", en: "rules side by side"),
        .init(keys: [.enter], label: "Enter", action: .drillDown, zh: "查看客服详情", en: "open the agent"),
        .init(keys: [.escape], label: "Esc", action: .back, zh: "返回 / 清除筛选", en: "back / clear filter"),
        .init(keys: [.char("/")], label: "/", action: .filter, zh: "筛选(姓名、岗位、组)", en: "filter (name, role, group)"),
        .init(keys: [.char("s")], label: "s", action: .cycleSort, zh: "切换排序列", en: "cycle sort column", screens: [.team]),
        .init(keys: [.char("S")], label: "S", action: .reverseSort, zh: "反向排序", en: "reverse sort", screens: [.team]),
        .init(keys: [.char("m")], label: "m", action: .cycleHeatMetric, zh: "切换指标", en: "cycle metric", screens: [.heatmap]),
        .init(keys: [.char("w")], label: "w", action: .toggleHeatSpan, zh: "近14天 / 按星期", en: "last 14 days / weekdays", screens: [.heatmap]),
        .init(keys: [.char("o")], label: "o", action: .toggleStaffing, zh: "排班建议(需/排)", en: "staffing overlay (need / on shift)", screens: [.heatmap]),
        .init(keys: [.char("p")], label: "p", action: .togglePeriod, zh: "今日 / 本月", en: "today / month", screens: [.warnings, .agent]),
        .init(keys: [.char("w")], label: "w", action: .toggleWhatIf, zh: "绩效模拟(↑↓ 选指标)", en: "what-if panel", screens: [.agent]),
        .init(keys: [.left, .char("h")], label: "←/h", action: .leverDown, zh: "模拟:指标 −5%", en: "what-if: lever −5%", screens: [.agent]),
        .init(keys: [.right, .char("l")], label: "→/l", action: .leverUp, zh: "模拟:指标 +5%", en: "what-if: lever +5%", screens: [.agent]),
        .init(keys: [.char("r")], label: "r", action: .switchRule, zh: "切换判定规则", en: "switch attribution rule"),
        .init(keys: [.char("t")], label: "t", action: .cycleTheme, zh: "切换主题", en: "next theme"),
        .init(keys: [.char("L")], label: "L", action: .toggleLanguage, zh: "English", en: "中文"),
        .init(keys: [.char("?")], label: "?", action: .help, zh: "帮助", en: "help"),
        .init(keys: [.char("q")], label: "q", action: .quit, zh: "退出", en: "quit"),
        .init(keys: [.interrupt], label: "Ctrl-C", action: .quitNow, zh: "立即退出", en: "quit now"),
    ]

    /// The action of a key on a screen, if any.
    public static func action(for key: Key, on screen: Screen) -> Action? {
        table.first { $0.keys.contains(key) && ($0.screens?.contains(screen) ?? true) }?.action
    }

    /// The bindings that apply on a screen, in table order.
    public static func bindings(on screen: Screen) -> [KeyBinding] {
        table.filter { $0.screens?.contains(screen) ?? true }
    }
}
