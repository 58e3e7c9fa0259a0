/// What a pay run needs to know about one agent for one month.
public struct PayInputs: Sendable, Equatable {
    public var agent: AgentMetrics
    /// The general KPI points (通用KPI分) for the month; nil when none were given.
    public var kpiPoints: Double?
    /// The team's pooled figures for the same month (relative bonus compares against them).
    public var team: Tally
    /// Metric values that replace the agent's own (what-if): conversion, AOV, rating mean.
    public var overrides: [ScoreMetric: Double]

    public init(agent: AgentMetrics, kpiPoints: Double?, team: Tally, overrides: [ScoreMetric: Double] = [:]) {
        self.agent = agent; self.kpiPoints = kpiPoints; self.team = team; self.overrides = overrides
    }

    var conversion: Double? { overrides[.conversion] ?? agent.conversion }
    var aovFen: Fen? { overrides[.aov].map { roundFen($0) } ?? agent.aovFen }
    var ratingMean: Double? { overrides[.ratingMean] ?? agent.ratingMean }
}

/// One agent's pay for a month, component by component (SPEC §7). Components are exact
/// fractions of a fen; `totalFen` is their sum rounded once, half away from zero.
public struct PayBreakdown: Sendable, Equatable {
    public var agentID: String
    /// 底薪分级
    public var baseFen: Double
    /// 岗位绩效 = score / 100 × Y
    public var positionFen: Double
    /// Commission before the satisfaction gate: per-order, tiered, relative bonus, score share.
    public var perOrderFen: Double
    public var tieredFen: Double
    public var relativeBonusFen: Double
    public var scoreShareFen: Double
    /// The factor the satisfaction gate applied to commission (1 when it did not apply).
    public var gateFactor: Double
    /// 通用KPI = points × yuan per point
    public var kpiFen: Double
    /// The arithmetic, one line per step, for `--explain`.
    public var explanation: [String]

    /// Commission after the gate.
    public var commissionFen: Double { (perOrderFen + tieredFen + relativeBonusFen + scoreShareFen) * gateFactor }
    /// The month's pay, rounded to the fen once.
    public var totalFen: Fen { roundFen(baseFen + positionFen + commissionFen + kpiFen) }
}

/// Evaluates a pay plan (SPEC §7).
public struct PayCalculator: Sendable {
    public let plan: PayPlan

    public init(plan: PayPlan) { self.plan = plan }

    /// One agent's pay.
    public func pay(_ input: PayInputs) -> PayBreakdown {
        let a = input.agent
        var why: [String] = []
        let grade = a.grade ?? 1
        let base = Double(gradeBase(grade))
        why.append("base: grade \(grade) → \(Yuan.format(gradeBase(grade)))")

        var position = 0.0
        if let role = a.role, let y = plan.positionPayFen[role] {
            let score = a.score ?? 0
            position = score / 100 * Double(y)
            why.append("position: score \(fmt(score)) / 100 × \(Yuan.format(y)) = \(yuan(position))")
        }

        var perOrder = 0.0
        if let rate = plan.perOrderFen {
            let w = serviceWeight(a)
            perOrder = Double(a.tally.paidOrders) * Double(rate) * w
            why.append("per-order: \(a.tally.paidOrders) orders × \(Yuan.format(rate)) × service weight \(fmt(w)) = \(yuan(perOrder))")
        }

        let tiered = tieredCommission(salesFen: a.tally.salesFen)
        if !plan.salesTiers.isEmpty {
            why.append("tiered: sales \(Yuan.format(a.tally.salesFen)) → \(yuan(tiered))")
        }

        var relative = 0.0
        if let perReception = plan.relativeBonusPerReceptionFen {
            let b = Double(a.tally.receptions) * Double(perReception)
            relative = b
            var line = "relative: base \(a.tally.receptions) receptions × \(Yuan.format(perReception)) = \(yuan(b))"
            if let own = input.conversion, let team = input.team.conversion, team > 0 {
                relative += b * (own - team) / team
                line += " + base × (\(fmt(own)) − \(fmt(team))) / \(fmt(team))"
            }
            if let own = input.aovFen, let team = input.team.aovFen, team > 0 {
                relative += b * Double(own - team) / Double(team)
                line += " + base × (\(Yuan.format(own)) − \(Yuan.format(team))) / \(Yuan.format(team))"
            }
            why.append(line + " = \(yuan(relative))")
        }

        var share = 0.0
        if let r = plan.scoreSharePPM {
            let score = a.score ?? 0
            share = score / 100 * Double(r) * Double(a.tally.salesFen) / 1_000_000
            why.append("score share: \(fmt(score)) / 100 × \(fmt(Double(r) / 10_000))% × \(Yuan.format(a.tally.salesFen)) = \(yuan(share))")
        }

        var factor = 1.0
        if let gate = plan.satisfactionGate, let mean = input.ratingMean, mean < gate.floorMeanScore {
            factor = gate.factor
            why.append("gate: mean rating \(fmt(mean)) < \(fmt(gate.floorMeanScore)) → commission × \(fmt(gate.factor))")
        }

        var kpi = 0.0
        if let points = input.kpiPoints {
            kpi = points * Double(plan.kpiPointFen)
            why.append("general KPI: \(fmt(points)) points × \(Yuan.format(plan.kpiPointFen)) = \(yuan(kpi))")
        }
        var out = PayBreakdown(agentID: a.agentID, baseFen: base, positionFen: position, perOrderFen: perOrder,
                               tieredFen: tiered, relativeBonusFen: relative, scoreShareFen: share, gateFactor: factor,
                               kpiFen: kpi, explanation: why)
        out.explanation.append("total: \(Yuan.format(out.totalFen)) (rounded once, half away from zero)")
        return out
    }

    /// The team lead's bonus: base × team conversion / baseline conversion (nil without a plan for it or data).
    public func teamLeadBonus(team: Tally) -> Fen? {
        guard let b = plan.teamLeadBonus, let conv = team.conversion, b.baselineConversion > 0 else { return nil }
        return roundFen(Double(b.baseFen) * conv / b.baselineConversion)
    }

    /// Base pay of a grade: its own entry, else the highest grade below it, else the lowest.
    public func gradeBase(_ grade: Int) -> Fen {
        if let v = plan.gradeBaseFen[grade] { return v }
        let keys = plan.gradeBaseFen.keys.sorted()
        if let below = keys.last(where: { $0 < grade }) { return plan.gradeBaseFen[below]! }
        return keys.first.map { plan.gradeBaseFen[$0]! } ?? 0
    }

    /// Marginal brackets: each bracket's rate applies to the sales between its start and the next's.
    public func tieredCommission(salesFen: Fen) -> Double {
        let tiers = plan.salesTiers.sorted { $0.fromFen < $1.fromFen }
        var microFen: Int64 = 0 // fen × ppm: exact
        for (i, t) in tiers.enumerated() where salesFen > t.fromFen {
            let upper = i + 1 < tiers.count ? min(salesFen, tiers[i + 1].fromFen) : salesFen
            microFen += (upper - t.fromFen) * t.ratePPM
        }
        return Double(microFen) / 1_000_000
    }

    /// Service weight (0.8–1.2): the service items' achievement (points / weights), clamped.
    public func serviceWeight(_ a: AgentMetrics) -> Double {
        let service = a.scorecard.filter(\.service)
        let weights = service.reduce(0) { $0 + $1.weight }
        guard weights > 0 else { return 1 }
        let achievement = service.reduce(0) { $0 + $1.points } / weights
        return min(max(achievement, 0.8), 1.2)
    }

    private func yuan(_ fen: Double) -> String { Yuan.format(roundFen(fen)) }
    private func fmt(_ v: Double) -> String {
        let r = (v * 10_000).rounded() / 10_000
        return formatNumber(r)
    }
}

/// Rounds a fen amount to a whole fen, half away from zero.
public func roundFen(_ fen: Double) -> Fen { Fen(fen.rounded(.toNearestOrAwayFromZero)) }
