import KefuCore

/// The five screens (Tab and 1–5 switch).
public enum Screen: Int, Sendable, CaseIterable {
    case team = 1, heatmap, warnings, agent, rules

    public func title(_ l: Language) -> String {
        switch self {
        case .team: return l.pick("团队", "Team")
        case .heatmap: return l.pick("热力图", "Heatmap")
        case .warnings: return l.pick("预警", "Warnings")
        case .agent: return l.pick("客服详情", "Agent")
        case .rules: return l.pick("判定规则", "Rules")
        }
    }
}

/// Which period the Warnings and Agent screens show.
public enum ViewPeriod: Sendable, Equatable {
    case today, month
}

/// The columns of the team table; `s` cycles the sort through them.
public enum TeamColumn: Int, Sendable, CaseIterable {
    case name, role, group, status, consults, receptions, replyRate, conversion, aov, sales, frt, art, slowRatio,
         satisfaction, score, rank

    /// Numbers sort largest first, except where smaller is better (FRT, ART, slow ratio, rank) and text.
    public var descendingByDefault: Bool {
        switch self {
        case .consults, .receptions, .replyRate, .conversion, .aov, .sales, .satisfaction, .score: return true
        case .name, .role, .group, .status, .frt, .art, .slowRatio, .rank: return false
        }
    }

    /// Shown only on wide terminals (120 columns or more).
    public var wideOnly: Bool { [.group, .receptions, .replyRate, .art, .satisfaction].contains(self) }

    /// The columns a table of this width shows, in order: all from 120 columns, without the
    /// wide-only ones below, and also without status and slow ratio below 80.
    public static func visible(width: Int) -> [TeamColumn] {
        allCases.filter { width >= 120 || !$0.wideOnly }.filter { width >= 80 || ($0 != .status && $0 != .slowRatio) }
    }
}

/// The whole state of the dashboard. Changed only by `update`; drawn by `render`.
public struct AppState: Sendable, Equatable {
    public var snapshot: DashboardSnapshot?
    public var clock: Instant?
    public var screen: Screen = .team
    /// Where Esc returns from the agent screen.
    public var returnScreen: Screen = .team
    public var language: Language
    public var rule: AttributionRule
    /// Index into the theme list the app was started with.
    public var themeIndex = 0
    public var themeCount: Int
    public var width = 80
    public var height = 24
    public var selection: [Screen: Int] = [:]
    public var scroll: [Screen: Int] = [:]
    public var sortColumn: TeamColumn = .score
    public var sortDescending = true
    public var filter = ""
    public var editingFilter = false
    public var showHelp = false
    public var heatMetric: HeatmapMetric = .consults
    public var heatByWeekday = false
    /// The heatmap's staffing overlay (`o`).
    public var staffingOverlay = false
    public var period: ViewPeriod = .today
    /// The agent screen's what-if panel (`w`), when open.
    public var whatIf: WhatIfState?
    /// The agent shown on the agent screen.
    public var agentID: String?
    public var quitting = false

    public init(language: Language, rule: AttributionRule, themeCount: Int = 1, snapshot: DashboardSnapshot? = nil) {
        self.language = language; self.rule = rule; self.themeCount = max(1, themeCount); self.snapshot = snapshot
        clock = snapshot?.now
    }

    /// The selected row on the current screen.
    public var selectedRow: Int { selection[screen] ?? 0 }
}

/// The what-if panel (绩效模拟): a few levers, each moved in steps of 5% (relative).
public struct WhatIfState: Sendable, Equatable {
    /// The metrics the panel moves, in the order shown.
    public static let levers: [ScoreMetric] = [.conversion, .aov, .receptions, .frt, .satisfaction]
    public static let step = 0.05

    public var selected = 0
    /// Steps per lever: +2 is +10%.
    public var steps: [Int] = Array(repeating: 0, count: levers.count)

    public init() {}

    /// The adjustments the levers stand for (levers at zero are left out).
    public var adjustments: [WhatIf.Adjustment] {
        zip(Self.levers, steps).compactMap { metric, n in
            n == 0 ? nil : WhatIf.Adjustment(metric: metric, change: .relative(Double(n) * Self.step))
        }
    }
}
