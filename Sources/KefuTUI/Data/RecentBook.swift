import KefuCore

extension RecordBook {
    /// The buyers that have any record stamped at or after `since` (a message, an order created
    /// or paid, a refund), with all of their records, plus every agent, rating, ticket and shift.
    ///
    /// A buyer with nothing since `since` contributes nothing to a period starting at
    /// `since + W` or later (conversations, sales, refunds and inquiries of such a period all
    /// need a record of the buyer stamped inside it or within the window W before it), so
    /// reports for such periods are the same over this smaller book: it keeps the dashboard's
    /// per-second work proportional to the last days, not to the whole history.
    public func recentBuyers(since: Instant) -> RecordBook {
        var keep = Set<String>()
        for buyer in messagingBuyers where messages(ofBuyer: buyer).contains(where: { $0.message.ts >= since }) { keep.insert(buyer) }
        for order in orders.values where order.createdAt >= since || (order.paidAt ?? .min) >= since { keep.insert(order.buyer) }
        forEachRefund { r in
            if r.refundedAt >= since, let buyer = orders[r.orderID]?.buyer { keep.insert(buyer) }
        }
        var book = RecordBook()
        for id in agentOrder { book.add(agents[id]!) }
        var messages: [SequencedMessage] = []
        for buyer in keep { messages += self.messages(ofBuyer: buyer) }
        for m in messages.sorted(by: { $0.seq < $1.seq }) { book.add(m.message) }
        for buyer in keep {
            for order in orders(ofBuyer: buyer) {
                book.add(order)
                for r in refunds(ofOrder: order.id) { book.add(r) }
            }
        }
        for r in ratings { book.add(r) }
        for id in ticketOrder { book.add(tickets[id]!) }
        for s in shifts.values { book.add(s) }
        return book
    }

    /// Whether the book holds any message or order of `buyer`.
    public func knows(buyer: String) -> Bool {
        !messages(ofBuyer: buyer).isEmpty || !orders(ofBuyer: buyer).isEmpty
    }

    /// Every message, order and refund of one buyer, messages in input order.
    public func records(ofBuyer buyer: String) -> [Record] {
        var out: [Record] = messages(ofBuyer: buyer).map { .message($0.message) }
        for order in orders(ofBuyer: buyer) {
            out.append(.order(order))
            for r in refunds(ofOrder: order.id) { out.append(.refund(r)) }
        }
        return out
    }

    /// The newest time stamp at or before `now` of any message, order, refund, rating or ticket.
    public func newestStamp(notAfter now: Instant) -> Instant? {
        var newest: Instant?
        func see(_ t: Instant) { if t <= now, t > (newest ?? .min) { newest = t } }
        forEachMessage { see($0.ts) }
        for o in orders.values { see(o.createdAt); if let p = o.paidAt { see(p) } }
        forEachRefund { see($0.refundedAt) }
        for r in ratings { see(r.ts) }
        for t in tickets.values { see(t.openedAt) }
        return newest
    }
}
