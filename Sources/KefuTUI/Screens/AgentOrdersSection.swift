import KefuCore

/// The drill-down's orders: those credited to the agent (归属) or assisted by it (协助) under the
/// active rule, paid in the period shown, newest first, as many as fit. Buyer ids are masked.
enum AgentOrdersSection {
    static func columns(_ l: Language, today: Bool) -> [TableColumn] {
        [TableColumn(l.pick("付款时间", "Paid"), width: today ? 8 : 11, alignRight: false),
         TableColumn(l.pick("订单号", "Order"), width: 8, alignRight: false, flexible: true, maxWidth: 24),
         TableColumn(l.pick("买家", "Buyer"), width: 10, alignRight: false),
         TableColumn(l.pick("金额", "Amount"), width: 10),
         TableColumn(l.pick("退款", "Refund"), width: 9),
         TableColumn(l.pick("归属", "Credit"), width: 8, alignRight: false),
         TableColumn(l.pick("催付", "Chased"), width: 6, alignRight: false)]
    }

    static func draw(_ f: inout Frame, _ orders: [AgentOrder], today: Bool, zone: ShopTimeZone, y: Int, _ l: Language, _ p: Palette) {
        guard y < f.height - 2 else { return }
        let credited = orders.filter { $0.credit == .credited }.count
        let room = f.height - 1 - (y + 2)  // below the title and the table header, above the footer
        let shown = Array(orders.reversed().prefix(max(0, room)))
        let period = today ? l.pick("今日", "today") : l.pick("本月", "this month")
        var title = l.pick(" \(period)订单  归属 \(credited) 单 · 协助 \(orders.count - credited) 单",
                           " Orders \(period): \(credited) credited · \(orders.count - credited) assisted")
        if shown.count < orders.count { title += l.pick(" · 显示最近 \(shown.count) 单", " · newest \(shown.count) shown") }
        f.put(title, x: 0, y: y, style: p.muted)
        guard !shown.isEmpty else { return }
        let rows = shown.map { o -> [TableCell] in
            let paid = Formats.clock(o.order.paidAt ?? 0, zone: zone)
            let when = today ? paid : String(zone.day(of: o.order.paidAt ?? 0).description.dropFirst(5)) + " " + paid.prefix(5)
            let credit = o.credit == .credited ? TableCell(l.pick("归属", "credited")) : TableCell(l.pick("协助", "assisted"), p.muted)
            return [TableCell(when), TableCell(o.order.id), TableCell(Formats.maskBuyer(o.order.buyer)),
                    TableCell(Formats.yuan(o.order.amount)),
                    TableCell(o.refundFen > 0 ? Formats.yuan(o.refundFen) : "", p.bad),
                    credit, TableCell(o.chased ? l.pick("催付", "yes") : "")]
        }
        TableWidget.draw(&f, Rect(x: 0, y: y + 1, width: f.width, height: rows.count + 1), columns: columns(l, today: today),
                         rows: rows, selected: nil, scroll: 0, palette: p)
    }
}
