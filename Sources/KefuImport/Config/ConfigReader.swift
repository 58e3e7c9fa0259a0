import KefuCore
import TOMLKit

/// Maps the tables of `kefu.toml` onto `KefuConfig`, starting from the defaults.
enum ConfigReader {
    static func read(_ root: TOMLTable) throws -> KefuConfig {
        var config = KefuConfig()
        var top = TOMLFields(root, path: "")
        if let t = try top.table("shop") { try readShop(t, into: &config) }
        if let t = try top.table("thresholds") { config.thresholds = try readThresholds(t, defaults: config.thresholds) }
        if let t = try top.table("attribution") { try readAttribution(t, into: &config) }
        if let t = try top.table("ranking") { try readRanking(t, into: &config) }
        if let t = try top.table("scorecard") { try readScorecards(t, into: &config) }
        if let t = try top.table("pay") { try readPayPlans(t, into: &config) }
        try top.checkNoUnknownKeys()
        return config
    }

    private static func readShop(_ table: TOMLTable, into config: inout KefuConfig) throws {
        var f = TOMLFields(table, path: "shop")
        if let id = try f.string("time_zone") {
            guard let zone = ShopTimeZone(identifier: id) else { throw f.error("time_zone", "unknown time zone \"\(id)\"") }
            config.zone = zone
        }
        try f.checkNoUnknownKeys()
    }

    private static func readThresholds(_ table: TOMLTable, defaults: Thresholds) throws -> Thresholds {
        var f = TOMLFields(table, path: "thresholds")
        var t = defaults
        if let v = try f.milliseconds("valid_reception_s", unit: 1000) { t.validMs = v }
        if let v = try f.milliseconds("long_reception_s", unit: 1000) { t.longMs = v }
        if let v = try f.milliseconds("slow_response_s", unit: 1000) { t.slowMs = v }
        if let v = try f.milliseconds("outlier_response_s", unit: 1000) { t.outlierMs = v }
        if let v = try f.milliseconds("fast_answer_s", unit: 1000) { t.fastMs = v }
        if let v = try f.milliseconds("attribution_window_h", unit: 3_600_000) { t.attributionWindowMs = v }
        try f.checkNoUnknownKeys()
        guard t.outlierMs >= t.slowMs else {
            throw ConfigError(key: "thresholds.outlier_response_s", reason: "must not be below slow_response_s")
        }
        return t
    }

    private static func readAttribution(_ table: TOMLTable, into config: inout KefuConfig) throws {
        var f = TOMLFields(table, path: "attribution")
        if let name = try f.string("default_rule") {
            guard let rule = AttributionRule(rawValue: name) else {
                throw f.error("default_rule", "unknown rule \"\(name)\" (expected order, payment or order-first)")
            }
            config.defaultRule = rule
        }
        try f.checkNoUnknownKeys()
    }

    private static func readRanking(_ table: TOMLTable, into config: inout KefuConfig) throws {
        var f = TOMLFields(table, path: "ranking")
        if let v = try f.number("warning_share") { config.warningShare = v }
        if let v = try f.number("top_share") { config.topShare = v }
        if let v = try f.number("elimination_score") { config.eliminationScore = v }
        try f.checkNoUnknownKeys()
    }

    // MARK: Scorecards

    private static func readScorecards(_ table: TOMLTable, into config: inout KefuConfig) throws {
        var f = TOMLFields(table, path: "scorecard")
        for role in Role.allCases {
            guard let value = f.value(role.rawValue) else { continue }
            let key = f.key(role.rawValue)
            guard let array = value.array else {
                throw ConfigError(key: key, reason: "must be a list of items ([[\(key)]] tables)")
            }
            var items: [ScorecardItem] = []
            for (i, element) in array.enumerated() {
                guard let itemTable = element.table else { throw ConfigError(key: "\(key)[\(i + 1)]", reason: "must be a table") }
                items.append(try readItem(itemTable, path: "\(key)[\(i + 1)]"))
            }
            config.scorecards[role] = Scorecard(role: role, items: items)
        }
        for name in table.keys where Role(rawValue: name) == nil {
            throw f.error(name, "unknown role (expected \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    private static func readItem(_ table: TOMLTable, path: String) throws -> ScorecardItem {
        var f = TOMLFields(table, path: path)
        guard let name = try f.string("metric") else { throw f.error("metric", "missing") }
        guard let metric = ScoreMetric(rawValue: name) else {
            throw f.error("metric", "unknown metric \"\(name)\" (expected \(ScoreMetric.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let weight = try f.number("weight") else { throw f.error("weight", "missing") }
        var baseline = Baseline.team
        if let v = f.value("baseline") {
            if let s = v.string {
                guard s == "team" else { throw f.error("baseline", "must be \"team\" or a number, not \"\(s)\"") }
            } else {
                baseline = .fixed(try TOMLFields.number(v, key: f.key("baseline")))
            }
        }
        var lowerIsBetter: Bool?
        if let d = try f.string("direction") {
            switch d {
            case "lower": lowerIsBetter = true
            case "higher": lowerIsBetter = false
            default: throw f.error("direction", "must be \"lower\" or \"higher\", not \"\(d)\"")
            }
        }
        let cap = try f.number("cap") ?? 1.2
        let service = try f.bool("service") ?? false
        try f.checkNoUnknownKeys()
        return ScorecardItem(metric: metric, weight: weight, baseline: baseline, lowerIsBetter: lowerIsBetter, cap: cap, service: service)
    }

    // MARK: Pay plans

    private static func readPayPlans(_ table: TOMLTable, into config: inout KefuConfig) throws {
        for name in table.keys.sorted() {
            guard let planTable = table[name]?.table else {
                throw ConfigError(key: "pay.\(name)", reason: "must be a table ([pay.\(name)])")
            }
            config.payPlans[name] = try readPlan(planTable, path: "pay.\(name)", defaults: config.payPlans[name] ?? .standard)
        }
    }

    private static func readPlan(_ table: TOMLTable, path: String, defaults: PayPlan) throws -> PayPlan {
        var f = TOMLFields(table, path: path)
        var plan = defaults
        if let t = try f.table("grade_base_yuan") {
            var grades: [Int: Fen] = [:]
            for key in t.keys {
                guard let grade = Int(key), grade >= 1 else { throw f.error("grade_base_yuan.\(key)", "grade must be an integer ≥ 1") }
                grades[grade] = try TOMLFields.fen(t[key]!, key: f.key("grade_base_yuan.\(key)"))
            }
            plan.gradeBaseFen = grades
        }
        if let t = try f.table("position_pay_yuan") {
            var pay: [Role: Fen] = [:]
            for key in t.keys {
                guard let role = Role(rawValue: key) else {
                    throw f.error("position_pay_yuan.\(key)", "unknown role (expected \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                pay[role] = try TOMLFields.fen(t[key]!, key: f.key("position_pay_yuan.\(key)"))
            }
            plan.positionPayFen = pay
        }
        if let v = try f.fen("per_order_yuan") { plan.perOrderFen = v }
        if let v = f.value("sales_tiers") { plan.salesTiers = try readTiers(v, key: f.key("sales_tiers")) }
        if let v = try f.fen("relative_bonus_per_reception_yuan") { plan.relativeBonusPerReceptionFen = v }
        if let v = try f.ppm("score_share_rate") { plan.scoreSharePPM = v }
        if let v = f.value("satisfaction_gate") { plan.satisfactionGate = try readGate(v, key: f.key("satisfaction_gate")) }
        if let v = try f.fen("kpi_point_yuan") { plan.kpiPointFen = v }
        if let v = f.value("team_lead_bonus") { plan.teamLeadBonus = try readTeamLead(v, key: f.key("team_lead_bonus")) }
        try f.checkNoUnknownKeys()
        return plan
    }

    private static func readTiers(_ value: TOMLValueConvertible, key: String) throws -> [SalesTier] {
        guard let array = value.array else { throw ConfigError(key: key, reason: "must be a list of {from_yuan, rate} tables") }
        var tiers: [SalesTier] = []
        for (i, element) in array.enumerated() {
            let path = "\(key)[\(i + 1)]"
            guard let t = element.table else { throw ConfigError(key: path, reason: "must be a table {from_yuan, rate}") }
            var f = TOMLFields(t, path: path)
            guard let from = try f.fen("from_yuan") else { throw f.error("from_yuan", "missing") }
            guard let rate = try f.ppm("rate") else { throw f.error("rate", "missing") }
            try f.checkNoUnknownKeys()
            if let last = tiers.last, from <= last.fromFen {
                throw ConfigError(key: path, reason: "from_yuan must be above the previous bracket's")
            }
            if tiers.isEmpty, from != 0 { throw ConfigError(key: path, reason: "the first bracket must start at from_yuan = 0") }
            tiers.append(SalesTier(fromFen: from, ratePPM: rate))
        }
        return tiers
    }

    /// `{floor_mean_score, factor}`, or `false` for no gate.
    private static func readGate(_ value: TOMLValueConvertible, key: String) throws -> SatisfactionGate? {
        if value.bool == false { return nil }
        guard let t = value.table else { throw ConfigError(key: key, reason: "must be {floor_mean_score, factor} or false") }
        var f = TOMLFields(t, path: key)
        guard let floor = try f.number("floor_mean_score") else { throw f.error("floor_mean_score", "missing") }
        guard let factor = try f.number("factor") else { throw f.error("factor", "missing") }
        try f.checkNoUnknownKeys()
        guard (1...5).contains(floor) else { throw f.error("floor_mean_score", "must be between 1 and 5") }
        guard factor >= 0 else { throw f.error("factor", "must not be negative") }
        return SatisfactionGate(floorMeanScore: floor, factor: factor)
    }

    /// `{base_yuan, baseline_conversion}`, or `false` for none.
    private static func readTeamLead(_ value: TOMLValueConvertible, key: String) throws -> TeamLeadBonus? {
        if value.bool == false { return nil }
        guard let t = value.table else { throw ConfigError(key: key, reason: "must be {base_yuan, baseline_conversion} or false") }
        var f = TOMLFields(t, path: key)
        guard let base = try f.fen("base_yuan") else { throw f.error("base_yuan", "missing") }
        guard let baseline = try f.number("baseline_conversion") else { throw f.error("baseline_conversion", "missing") }
        try f.checkNoUnknownKeys()
        guard baseline > 0, baseline <= 1 else { throw f.error("baseline_conversion", "must be above 0 and at most 1") }
        return TeamLeadBonus(baseFen: base, baselineConversion: baseline)
    }
}
