import KefuCore

/// The sheets that `--format xlsx` writes for each command.
public enum ExportSheets {
    /// Agents and team of a report (the columns of SPEC §10; money as yuan).
    public static func report(_ r: Report) -> [Sheet] {
        var columns = [Sheet.Column("agent_id", .text), Sheet.Column("name", .text), Sheet.Column("role", .text), Sheet.Column("group", .text)]
        columns += MetricColumn.all.map { Sheet.Column($0.key.replacingSuffix("_fen", with: "_yuan"), kind(of: $0)) }
        columns += [Sheet.Column("score", .number), Sheet.Column("rank", .integer), Sheet.Column("warning", .text), Sheet.Column("top_share", .text)]
        let rows = r.agents.map { a -> [Sheet.Cell] in
            var row: [Sheet.Cell] = [.text(a.agentID), .optional(a.name), .optional(a.role?.rawValue), .optional(a.group)]
            row += MetricColumn.all.map { cell($0.read(a.tally)) }
            row += [.optional(a.score), .optional(a.rank), .text(a.warning ? "⚠" : ""), .text(a.topShare ? "★" : "")]
            return row
        }
        let teamColumns = [Sheet.Column("figure", .text), Sheet.Column("value", .number)]
        var teamRows: [[Sheet.Cell]] = [[.text("period"), .text("\(r.period.from) – \(r.period.to) (exclusive)")],
                                        [.text("rule"), .text(r.rule.rawValue)]]
        for c in MetricColumn.all {
            teamRows.append([.text(c.key.replacingSuffix("_fen", with: "_yuan")), cell(c.read(r.team.tally))])
        }
        teamRows.append([.text("silent_sales_yuan"), .fen(r.team.silentSalesFen)])
        teamRows.append([.text("silent_orders"), .integer(Int64(r.team.silentOrders))])
        return [Sheet(name: "agents 客服", columns: columns, rows: rows), Sheet(name: "team 全组", columns: teamColumns, rows: teamRows)]
    }

    /// A month's pay run: one row per agent, every component in yuan.
    public static func pay(_ run: PayRun) -> Sheet {
        let columns = [Sheet.Column("agent_id", .text), Sheet.Column("name", .text), Sheet.Column("role", .text),
                       Sheet.Column("score", .number), Sheet.Column("base_yuan", .yuan), Sheet.Column("position_yuan", .yuan),
                       Sheet.Column("per_order_yuan", .yuan), Sheet.Column("tiered_yuan", .yuan),
                       Sheet.Column("relative_bonus_yuan", .yuan), Sheet.Column("score_share_yuan", .yuan),
                       Sheet.Column("gate_factor", .number), Sheet.Column("commission_yuan", .yuan),
                       Sheet.Column("kpi_yuan", .yuan), Sheet.Column("total_yuan", .yuan)]
        var rows = run.lines.map { l -> [Sheet.Cell] in
            let p = l.pay
            return [.text(l.agent.agentID), .optional(l.agent.name), .optional(l.agent.role?.rawValue), .optional(l.agent.score),
                    .fen(roundFen(p.baseFen)), .fen(roundFen(p.positionFen)), .fen(roundFen(p.perOrderFen)), .fen(roundFen(p.tieredFen)),
                    .fen(roundFen(p.relativeBonusFen)), .fen(roundFen(p.scoreShareFen)), .number(p.gateFactor),
                    .fen(roundFen(p.commissionFen)), .fen(roundFen(p.kpiFen)), .fen(p.totalFen)]
        }
        if let lead = run.teamLeadBonusFen {
            rows.append([.text("team-lead"), .text("team lead bonus"), .empty, .empty, .empty, .empty, .empty, .empty,
                         .empty, .empty, .empty, .empty, .empty, .fen(lead)])
        }
        rows.append([.text("total"), .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .fen(run.totalFen)])
        return Sheet(name: "pay \(run.month)", columns: columns, rows: rows)
    }

    /// A backtest: per agent and month, per agent summary, and the monthly pools.
    public static func backtest(_ bt: Backtest) -> [Sheet] {
        let cells = Sheet(name: "by month 逐月", columns: [
            Sheet.Column("agent_id", .text), Sheet.Column("name", .text), Sheet.Column("month", .text),
            Sheet.Column("promotion", .text), Sheet.Column("old_yuan", .yuan), Sheet.Column("new_yuan", .yuan),
            Sheet.Column("difference_yuan", .yuan),
        ], rows: bt.cells.map { c in
            [.text(c.agentID), .optional(c.name), .text(c.month.description), .text(bt.promotionMonths.contains(c.month) ? "promo" : ""),
             .fen(c.oldFen), .fen(c.newFen), .fen(c.differenceFen)]
        })
        let agents = Sheet(name: "by agent 按客服", columns: [
            Sheet.Column("agent_id", .text), Sheet.Column("name", .text), Sheet.Column("months", .integer),
            Sheet.Column("old_total_yuan", .yuan), Sheet.Column("new_total_yuan", .yuan),
            Sheet.Column("mean_difference_yuan", .yuan), Sheet.Column("max_difference_yuan", .yuan),
            Sheet.Column("min_difference_yuan", .yuan), Sheet.Column("pilot", .text),
        ], rows: bt.agents.map { a in
            [.text(a.agentID), .optional(a.name), .integer(Int64(a.months)), .fen(a.oldTotalFen), .fen(a.newTotalFen),
             .fen(a.meanDifferenceFen), .fen(a.maxDifferenceFen), .fen(a.minDifferenceFen), .text(bt.pilot.contains(a.agentID) ? "pilot" : "")]
        })
        let pools = Sheet(name: "pool 奖金池", columns: [
            Sheet.Column("month", .text), Sheet.Column("promotion", .text), Sheet.Column("old_yuan", .yuan),
            Sheet.Column("new_yuan", .yuan), Sheet.Column("with_pilot_yuan", .yuan),
        ], rows: bt.pools.map { p in
            [.text(p.month.description), .text(p.promotion ? "promo" : ""), .fen(p.oldFen), .fen(p.newFen), .fen(p.pilotFen)]
        })
        return [cells, agents, pools]
    }

    /// Scheme checks: agents paid more while their service fell below target; dominant items.
    public static func checks(_ c: SchemeChecks) -> Sheet {
        var rows: [[Sheet.Cell]] = c.paidDespiteService.map { f in
            [.text("pay rose, service below target"), .text(f.month.description), .text(f.agentID),
             .text("pay +¥\(Yuan.format(f.payRiseFen)), service achievement \(ReportTable.fixed(f.serviceAchievement * 100, 1))%")]
        }
        rows += c.dominantItems.map { d in
            [.text("one item decides the spread"), .text(d.month.description), .text(d.role.rawValue),
             .text("\(d.metric.rawValue) explains \(ReportTable.fixed(d.share * 100, 1))% of the spread of scores")]
        }
        return Sheet(name: "checks 方案检查", columns: [Sheet.Column("check", .text), Sheet.Column("month", .text),
                                                  Sheet.Column("who", .text), Sheet.Column("detail", .text)], rows: rows)
    }

    /// The pool forecast under both schemes for a sales plan.
    public static func forecast(old: PoolForecast, new: PoolForecast) -> Sheet {
        let rows: [[Sheet.Cell]] = zip(old.rows, new.rows).map { o, n in
            [.text(n.month.description), .text(n.promotion ? "promo" : ""), .fen(n.plannedSalesFen), .text(n.reference.description),
             .fen(n.referenceSalesFen), .fen(o.poolFen), .fen(n.poolFen), .fen(n.poolFen - o.poolFen)]
        }
        return Sheet(name: "forecast 预测", columns: [
            Sheet.Column("month", .text), Sheet.Column("promotion", .text), Sheet.Column("planned_sales_yuan", .yuan),
            Sheet.Column("reference_month", .text), Sheet.Column("reference_sales_yuan", .yuan),
            Sheet.Column("old_pool_yuan", .yuan), Sheet.Column("new_pool_yuan", .yuan), Sheet.Column("difference_yuan", .yuan),
        ], rows: rows)
    }

    static func kind(of c: MetricColumn) -> Sheet.Kind {
        switch c.read(Tally()) {
        case .count: return .integer
        case .fen, .optionalFen: return .yuan
        case .number:
            return ["reply_rate", "slow_ratio", "fast_rate", "inquiry_order_rate", "conversion", "refund_rate",
                    "satisfaction", "resolution_rate", "error_rate"].contains(c.key) ? .share : .number
        }
    }

    static func cell(_ v: MetricColumn.Value) -> Sheet.Cell {
        switch v {
        case .count(let n): return .integer(Int64(n))
        case .fen(let f): return .fen(f)
        case .optionalFen(let f): return .optional(f)
        case .number(let d): return .optional(d)
        }
    }
}

private extension String {
    func replacingSuffix(_ suffix: String, with other: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + other : self
    }
}
