import KefuCore

extension DayGenerator {
    /// Unit prices (fen) of the shop's everyday items, cheapest first.
    static let prices: [Fen] = [990, 1990, 2990, 3900, 5900, 7900, 9900, 12900, 15900, 19900, 23900, 29900, 37900]
    /// Unit prices (fen) of the premium items VIP agents sell.
    static let premiumPrices: [Fen] = [29900, 37900, 49900, 69900, 89900, 129900, 169900]

    /// How long after a chat's last message the buyer orders: mostly minutes, some hours,
    /// some the next day (always inside the 24 h attribution window).
    mutating func orderDelay() -> Int64 {
        switch rng.weighted([55, 30, 15]) {
        case 0: return ms(20_000...900_000)
        case 1: return ms(900_000...21_600_000)
        default: return ms(21_600_000...82_800_000)
        }
    }

    /// An order and what becomes of it: paid at once (most), paid later after the agent
    /// chased payment (催付), paid after the 24 h window, or never paid; some paid orders are
    /// refunded in part or in full.
    mutating func order(buyer: String, created: Instant, upsell: Int, premium: Bool, chaser: Int?) {
        orderSeq += 1
        let id = String(3_200_000_000_000_000_000 + Int64(date.day) * 100_000_000 + Int64(orderSeq))
        let items = rng.weighted([60, 22, 10, 5, 3]) + 1
        let list = premium ? Self.premiumPrices : Self.prices
        let base = premium ? 0 : upsell * 2
        var amount: Fen = 0
        for _ in 0..<items { amount += list[min(list.count - 1, base + rng.below(premium ? 5 : 7))] }
        if discount { amount -= amount / 30_000 * 5_000 } // 满300减50
        let paid: Instant?
        switch rng.below(100) {
        case 0..<80:
            paid = created + ms(5_000...360_000)
        case 80..<89:
            var chase = created + ms(600_000...5_400_000)
            if let chaser { message(chase, buyer, chaser, .agent) } else { chase = created }
            paid = chase + ms(60_000...72_000_000)
        case 89..<92:
            paid = created + 86_400_000 + ms(600_000...57_600_000)
        default:
            if let chaser, rng.chance(0.5) { message(created + ms(600_000...7_200_000), buyer, chaser, .agent) }
            paid = nil
        }
        emit(created, .order(Order(id: id, buyer: buyer, createdAt: created, paidAt: paid, amount: amount, items: items)))
        if let paid, amount > 0, rng.chance(0.09) { refund(id, amount: amount, after: paid) }
    }

    /// A full refund (55%) or one or two partial ones, never more than the order's amount.
    private mutating func refund(_ orderID: String, amount: Fen, after paid: Instant) {
        let first = paid + ms(1_800_000...518_400_000)
        if rng.chance(0.55) {
            emit(first, .refund(Refund(orderID: orderID, refundedAt: first, amount: amount)))
            return
        }
        let part = max(1, amount * Fen(rng.int(in: 5...60)) / 100)
        emit(first, .refund(Refund(orderID: orderID, refundedAt: first, amount: part)))
        let rest = amount - part
        if rest > 0, rng.chance(0.25) {
            let second = first + ms(3_600_000...172_800_000)
            emit(second, .refund(Refund(orderID: orderID, refundedAt: second, amount: max(1, rest * Fen(rng.int(in: 10...50)) / 100))))
        }
    }

    /// Some buyers who were answered rate the agent, mostly 4–5, worse after a bad chat.
    mutating func rate(_ chat: ChatOutcome, agent: Int, buyer: String) {
        guard chat.agentMessages > 0, rng.chance(0.15) else { return }
        let bad = chat.unanswered > 0 || chat.outliers > 0
        let weights = bad ? [15, 15, 20, 25, 25] : [2, 2, 5, 18, 53 + roster.profiles[agent].charm]
        let ts = chat.end + ms(60_000...3_600_000)
        emit(ts, .rating(Rating(ts: ts, buyer: buyer, agent: roster.profiles[agent].agent.id, score: rng.weighted(weights) + 1)))
    }

    /// A ticket (工单) the agent opens: resolved, still open, or closed in error.
    mutating func ticket(agent: Int, opened: Instant) {
        ticketSeq += 1
        let p = roster.profiles[agent]
        let kind = TicketKind.allCases[rng.weighted([30, 25, 15, 10, 10, 10])]
        let status: TicketStatus = rng.chance(p.ticketErrorRate) ? .error : (rng.chance(0.17) ? .unresolved : .resolved)
        let v = rng.unit()
        let closed: Instant? = status == .unresolved ? nil : opened + (300 + Int64(v * v * 259_200)) * 1000
        let id = "GD" + compactDate + SampleNames.digits(Int64(ticketSeq), width: 6)
        emit(opened, .ticket(Ticket(id: id, agent: p.agent.id, kind: kind, openedAt: opened, closedAt: closed, status: status)))
    }
}
