extension ConfigFile {
    /// The defaults, as `kefu config init` writes them: every key with a comment. Parsing this
    /// text gives exactly `KefuConfig()`.
    public static let defaultTOML = #"""
    # kefu configuration (kefu.toml). Every key is optional: a key left out keeps the default
    # shown here. Times are in seconds unless the key says otherwise; money is in yuan (元,
    # at most 2 decimals, held exactly as fen); rates and shares are fractions (0.01 = 1%).

    [shop]
    # The shop's time zone (IANA name). Days, hours, months and shifts are all shop-local,
    # and timestamps written without an offset are read in this zone.
    time_zone = "Asia/Shanghai"

    [thresholds]
    # A reception at least this long (last message − first) is a valid conversation (有效接待).
    valid_reception_s = 30
    # A reception longer than this is a long reception (长接待). 1800 s = 30 min.
    long_reception_s = 1800
    # An answered turn slower than this is slow (慢响应).
    slow_response_s = 60
    # An answered turn slower than this is an outlier (system lag, buyer left): left out of
    # FRT, ART and the slow ratio, counted on its own.
    outlier_response_s = 900
    # A turn answered within this counts for the fast answer rate (30秒应答率).
    fast_answer_s = 30
    # The attribution window W, in hours: how far back a chat can earn an order (判定周期).
    attribution_window_h = 24

    [attribution]
    # The rule that credits orders to agents (判定规则) when none is given on the command line:
    # "order" (下单判定), "payment" (付款判定) or "order-first" (下单优先判定).
    default_rule = "order-first"

    [ranking]
    # Share of each role's active agents put on the warning list (预警名单): the bottom ⌈share × n⌉.
    warning_share = 0.15
    # Share of each role's active agents in the top share (利润分成): the top ⌈share × n⌉.
    top_share = 0.20
    # A score under this in two consecutive months puts an agent up for elimination review (淘汰).
    elimination_score = 70

    # Scorecards (岗位绩效得分), one per role: presale (售前), aftersale (售后), vip.
    # Each [[scorecard.ROLE]] table is one item; giving any item for a role replaces that
    # role's whole card. Weights must sum to 100. Keys of an item:
    #   metric     what is scored: frt_s, art_s, reply_rate, slow_ratio, fast_rate, satisfaction,
    #              rating_mean, conversion, inquiry_order_rate, aov_fen, items_per_buyer,
    #              sales_fen, paid_orders, receptions, valid_conversations,
    #              receptions_callbacks, refund_rate, resolution_rate, error_rate, aq_ratio
    #   weight     points for being exactly on target
    #   baseline   "team" (the mean of the role's active agents) or a fixed target in the
    #              metric's unit (seconds, a share, fen, a count)
    #   direction  "lower" (lower is better: achievement = baseline / actual) or "higher"
    #              (achievement = actual / baseline); default: the metric's natural direction
    #   cap        achievement is clamped to [0, cap]; default 1.2
    #   service    a service item (服务): sets the per-order commission's service weight

    # 售前: service 35 (FRT 15, reply rate 10, satisfaction 10), conversion 30, AOV 10,
    # items per buyer 10, receptions vs team 10, refund rate 5.
    [[scorecard.presale]]
    metric = "frt_s"
    weight = 15
    baseline = "team"
    direction = "lower"
    cap = 1.2
    service = true

    [[scorecard.presale]]
    metric = "reply_rate"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = true

    [[scorecard.presale]]
    metric = "satisfaction"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = true

    [[scorecard.presale]]
    metric = "conversion"
    weight = 30
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.presale]]
    metric = "aov_fen"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.presale]]
    metric = "items_per_buyer"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.presale]]
    metric = "receptions"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.presale]]
    metric = "refund_rate"
    weight = 5
    baseline = "team"
    direction = "lower"
    cap = 1.2
    service = false

    # 售后: service 40 (ART 15, reply rate 15, satisfaction 10), resolution rate 40,
    # receptions + callback tickets (回访) vs team 20.
    [[scorecard.aftersale]]
    metric = "art_s"
    weight = 15
    baseline = "team"
    direction = "lower"
    cap = 1.2
    service = true

    [[scorecard.aftersale]]
    metric = "reply_rate"
    weight = 15
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = true

    [[scorecard.aftersale]]
    metric = "satisfaction"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = true

    [[scorecard.aftersale]]
    metric = "resolution_rate"
    weight = 40
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.aftersale]]
    metric = "receptions_callbacks"
    weight = 20
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    # VIP: the presale card with the 10 points of receptions moved to satisfaction.
    [[scorecard.vip]]
    metric = "frt_s"
    weight = 15
    baseline = "team"
    direction = "lower"
    cap = 1.2
    service = true

    [[scorecard.vip]]
    metric = "reply_rate"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = true

    [[scorecard.vip]]
    metric = "satisfaction"
    weight = 20
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = true

    [[scorecard.vip]]
    metric = "conversion"
    weight = 30
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.vip]]
    metric = "aov_fen"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.vip]]
    metric = "items_per_buyer"
    weight = 10
    baseline = "team"
    direction = "higher"
    cap = 1.2
    service = false

    [[scorecard.vip]]
    metric = "refund_rate"
    weight = 5
    baseline = "team"
    direction = "lower"
    cap = 1.2
    service = false

    # Pay plans (绩效工资方案). [pay.default] is used when no plan is named; add more plans as
    # [pay.NAME] tables (a new plan starts from these defaults). A key given replaces that
    # component whole; a component left out of a plan keeps the default shown here.
    [pay.default]
    # 底薪分级: base pay per grade, in yuan. A grade missing here earns the highest grade below it.
    grade_base_yuan = { 1 = 3000, 2 = 3500, 3 = 4000, 4 = 4500, 5 = 5000 }
    # 岗位绩效: position pay = score / 100 × this, per role, in yuan.
    position_pay_yuan = { presale = 2000, aftersale = 1500, vip = 2500 }
    # 分段提成: marginal brackets on monthly sales; each bracket's rate applies to the sales
    # from its from_yuan up to the next bracket. The first bracket starts at 0.
    sales_tiers = [
        { from_yuan = 0, rate = 0.0 },
        { from_yuan = 10000, rate = 0.01 },
        { from_yuan = 50000, rate = 0.018 },
    ]
    # Satisfaction gate: when the mean rating is below floor_mean_score, commission × factor.
    # Set satisfaction_gate = false to have none.
    satisfaction_gate = { floor_mean_score = 4.8, factor = 0.5 }
    # 通用KPI: yuan per general KPI point (qa.csv).
    kpi_point_yuan = 5
    # Optional components, not part of the default plan (remove the # to use them):
    # Per-order commission: paid orders × this × service weight (0.8–1.2), in yuan.
    # per_order_yuan = 1.5
    # Relative bonus: base = receptions × this (yuan); plus base × the gaps of own conversion
    # and AOV to the team's, relative to the team's.
    # relative_bonus_per_reception_yuan = 0.2
    # Score share: score / 100 × this rate × sales.
    # score_share_rate = 0.005
    # Team lead bonus = base_yuan × team conversion / baseline_conversion (false: none).
    # team_lead_bonus = { base_yuan = 2000, baseline_conversion = 0.35 }
    """#
}
