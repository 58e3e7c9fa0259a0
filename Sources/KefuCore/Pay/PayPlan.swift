/// A pay plan (绩效工资方案, SPEC §7). Money is fen; rates are parts per million (1% = 10_000).
/// A component left nil is not part of the plan.
public struct PayPlan: Sendable, Equatable {
    /// 底薪分级: base pay by grade. A grade missing from the table earns the highest grade below it.
    public var gradeBaseFen: [Int: Fen]
    /// 岗位绩效 Y per role: position pay = score / 100 × Y.
    public var positionPayFen: [Role: Fen]
    /// Per-order commission: paid orders × this × service weight (0.8–1.2).
    public var perOrderFen: Fen?
    /// 分段提成: marginal brackets, ascending by `fromFen`; the first starts at 0.
    public var salesTiers: [SalesTier]
    /// Relative bonus: base = receptions × this; plus base × relative conversion and AOV gaps.
    public var relativeBonusPerReceptionFen: Fen?
    /// Score share: score / 100 × r × sales, r in ppm.
    public var scoreSharePPM: Int64?
    /// Satisfaction gate: when the mean rating is below `floor`, commission × `factor`.
    public var satisfactionGate: SatisfactionGate?
    /// 通用KPI: yuan per point, in fen.
    public var kpiPointFen: Fen
    /// Team lead bonus = base × team conversion / baseline conversion.
    public var teamLeadBonus: TeamLeadBonus?

    public init(gradeBaseFen: [Int: Fen], positionPayFen: [Role: Fen], perOrderFen: Fen? = nil,
                salesTiers: [SalesTier] = [], relativeBonusPerReceptionFen: Fen? = nil, scoreSharePPM: Int64? = nil,
                satisfactionGate: SatisfactionGate? = nil, kpiPointFen: Fen = 0, teamLeadBonus: TeamLeadBonus? = nil) {
        self.gradeBaseFen = gradeBaseFen; self.positionPayFen = positionPayFen; self.perOrderFen = perOrderFen
        self.salesTiers = salesTiers; self.relativeBonusPerReceptionFen = relativeBonusPerReceptionFen
        self.scoreSharePPM = scoreSharePPM; self.satisfactionGate = satisfactionGate; self.kpiPointFen = kpiPointFen
        self.teamLeadBonus = teamLeadBonus
    }

    /// A plan in the shape common in Taobao/Tmall shops: grade base, position pay, the tiered
    /// commission of SPEC §7 (0–10k: 0, 10k–50k: 1%, above 50k: 1.8%), a 4.8 satisfaction gate
    /// at 0.5, and 5 yuan per general KPI point.
    public static let standard = PayPlan(
        gradeBaseFen: [1: 300_000, 2: 350_000, 3: 400_000, 4: 450_000, 5: 500_000],
        positionPayFen: [.presale: 200_000, .aftersale: 150_000, .vip: 250_000],
        salesTiers: [SalesTier(fromFen: 0, ratePPM: 0), SalesTier(fromFen: 1_000_000, ratePPM: 10_000),
                     SalesTier(fromFen: 5_000_000, ratePPM: 18_000)],
        satisfactionGate: SatisfactionGate(floorMeanScore: 4.8, factor: 0.5),
        kpiPointFen: 500)
}

/// A marginal bracket: sales above `fromFen` (up to the next bracket) earn `ratePPM`.
public struct SalesTier: Sendable, Equatable {
    public var fromFen: Fen
    public var ratePPM: Int64
    public init(fromFen: Fen, ratePPM: Int64) { self.fromFen = fromFen; self.ratePPM = ratePPM }
}

/// Commission is multiplied by `factor` when the mean rating is below `floorMeanScore`.
public struct SatisfactionGate: Sendable, Equatable {
    public var floorMeanScore: Double
    public var factor: Double
    public init(floorMeanScore: Double, factor: Double) { self.floorMeanScore = floorMeanScore; self.factor = factor }
}

/// The team lead's bonus: `baseFen × team conversion / baselineConversion`.
public struct TeamLeadBonus: Sendable, Equatable {
    public var baseFen: Fen
    public var baselineConversion: Double
    public init(baseFen: Fen, baselineConversion: Double) { self.baseFen = baseFen; self.baselineConversion = baselineConversion }
}
