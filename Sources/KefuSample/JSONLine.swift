import KefuCore

/// One record as a JSON Lines object: `"type"` (the file's singular name) and the SPEC §2
/// English keys. Times and money are strings in their CSV form (`"299.90"` keeps the fen
/// exact); counts, grades, scores, points and `auto` (0/1) are numbers; empty values are null.
enum JSONLine {
    static func write(_ r: Record, to f: BufferedFile, zone: ShopTimeZone) {
        var first = true
        func key(_ k: String) {
            f.text(first ? "{\"" : ",\"")
            first = false
            f.text(k)
            f.text("\":")
        }
        func string(_ k: String, _ v: String?) {
            key(k)
            if let v { f.json(v) } else { f.text("null") }
        }
        func time(_ k: String, _ t: Instant?) {
            key(k)
            if let t { f.byte(0x22); f.timestamp(t, zone); f.byte(0x22) } else { f.text("null") }
        }
        func number(_ k: String, _ n: Int?) {
            key(k)
            if let n { f.int(Int64(n)) } else { f.text("null") }
        }
        func money(_ k: String, _ fen: Fen) {
            key(k); f.byte(0x22); f.yuan(fen); f.byte(0x22)
        }
        switch r {
        case .agent(let a):
            string("type", "agent"); string("agent_id", a.id); string("name", a.name)
            string("role", a.role?.rawValue); string("group", a.group); number("grade", a.grade)
            string("hired_on", a.hiredOn?.description)
        case .message(let m):
            string("type", "message"); time("ts", m.ts); string("buyer_id", m.buyer); string("agent_id", m.agent)
            string("sender", m.sender.rawValue); number("auto", m.auto ? 1 : 0)
        case .order(let o):
            string("type", "order"); string("order_id", o.id); string("buyer_id", o.buyer)
            time("created_at", o.createdAt); time("paid_at", o.paidAt); money("amount", o.amount)
            number("items", o.items)
        case .refund(let x):
            string("type", "refund"); string("order_id", x.orderID); time("refunded_at", x.refundedAt)
            money("amount", x.amount)
        case .rating(let x):
            string("type", "rating"); time("ts", x.ts); string("buyer_id", x.buyer); string("agent_id", x.agent)
            number("score", x.score)
        case .ticket(let t):
            string("type", "ticket"); string("ticket_id", t.id); string("agent_id", t.agent)
            string("kind", t.kind.rawValue); time("opened_at", t.openedAt); time("closed_at", t.closedAt)
            string("status", t.status.rawValue)
        case .qa(let q):
            string("type", "qa"); string("month", q.month.description); string("agent_id", q.agent)
            key("points"); f.points(q.points)
        case .shift(let s):
            string("type", "shift"); string("agent_id", s.agent); string("date", s.date.description)
            key("start"); f.byte(0x22); f.clock(s.start); f.byte(0x22)
            key("end"); f.byte(0x22); f.clock(s.end); f.byte(0x22)
        }
        f.text("}\n")
    }
}
