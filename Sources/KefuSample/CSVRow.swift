import KefuCore

/// One record as a CSV row of its SPEC §2 file, columns in `SampleWriter.csvFiles` order.
enum CSVRow {
    static func write(_ r: Record, to f: BufferedFile, zone: ShopTimeZone) {
        let comma: UInt8 = 0x2C
        switch r {
        case .agent(let a):
            f.csv(a.id); f.byte(comma)
            f.csv(a.name ?? ""); f.byte(comma)
            f.text(a.role?.rawValue ?? ""); f.byte(comma)
            f.csv(a.group ?? ""); f.byte(comma)
            if let g = a.grade { f.int(Int64(g)) }
            f.byte(comma)
            if let h = a.hiredOn { f.text(h.description) }
        case .message(let m):
            f.timestamp(m.ts, zone); f.byte(comma)
            f.csv(m.buyer); f.byte(comma)
            f.csv(m.agent); f.byte(comma)
            f.text(m.sender.rawValue); f.byte(comma)
            f.byte(m.auto ? 0x31 : 0x30)
        case .order(let o):
            f.csv(o.id); f.byte(comma)
            f.csv(o.buyer); f.byte(comma)
            f.timestamp(o.createdAt, zone); f.byte(comma)
            if let p = o.paidAt { f.timestamp(p, zone) }
            f.byte(comma)
            f.yuan(o.amount); f.byte(comma)
            f.int(Int64(o.items))
        case .refund(let x):
            f.csv(x.orderID); f.byte(comma)
            f.timestamp(x.refundedAt, zone); f.byte(comma)
            f.yuan(x.amount)
        case .rating(let x):
            f.timestamp(x.ts, zone); f.byte(comma)
            f.csv(x.buyer); f.byte(comma)
            f.csv(x.agent); f.byte(comma)
            f.int(Int64(x.score))
        case .ticket(let t):
            f.csv(t.id); f.byte(comma)
            f.csv(t.agent); f.byte(comma)
            f.text(t.kind.rawValue); f.byte(comma)
            f.timestamp(t.openedAt, zone); f.byte(comma)
            if let c = t.closedAt { f.timestamp(c, zone) }
            f.byte(comma)
            f.text(t.status.rawValue)
        case .qa(let q):
            f.text(q.month.description); f.byte(comma)
            f.csv(q.agent); f.byte(comma)
            f.points(q.points)
        case .shift(let s):
            f.csv(s.agent); f.byte(comma)
            f.text(s.date.description); f.byte(comma)
            f.clock(s.start); f.byte(comma)
            f.clock(s.end)
        }
        f.byte(0x0A)
    }
}
