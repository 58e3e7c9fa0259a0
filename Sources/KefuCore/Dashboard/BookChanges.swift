/// What a batch of new records changed in a book, as the dashboard's trackers read it: the
/// buyers whose messages, orders or refunds changed, the instants those records carry, the
/// ratings stored and the tickets stored or updated, and whether agents, shifts or QA points
/// arrived. Made by `BookWatch`.
public struct BookChanges: Sendable {
    /// Buyers whose records changed, each once (an order that moved to another buyer changes both).
    var buyers: [Int32] = []
    /// Every instant the batch's records carry, with what it reveals when a cut passes it.
    var stamps: [(stamp: Instant, target: StampTarget)] = []
    /// Indices into `RecordBook.ratings` of the ratings this batch stored.
    var ratings: Range<Int> = 0..<0
    /// Tickets this batch stored or updated, each once.
    var tickets: [String] = []
    /// An agent, a shift or QA points arrived.
    public var agents = false, shifts = false, qa = false

    /// No change at all.
    public static let none = BookChanges()
}

/// Follows a book from batch to batch so each batch of new records can be turned into
/// `BookChanges`. It remembers which buyer each order belongs to (an order record can move an
/// order to another buyer, whose figures then change too), how many ratings were stored, and
/// each buyer's first and last record (`activity`).
public struct BookWatch: Sendable {
    private var ratingsSeen: Int
    /// Each order's buyer as last seen, by the book's order number (-1: none yet).
    private var orderBuyers: [Int32]
    /// The buyers' activity, kept up to date with every batch.
    public private(set) var activity: BuyerActivity

    /// Starts from `book` as it is now.
    public init(_ book: RecordBook) {
        activity = BuyerActivity(book)
        ratingsSeen = book.ratings.count
        orderBuyers = book.orderStore.rows.map(\.buyer)
    }

    /// What `fresh` changed; `book` must already hold them (duplicates included or not).
    public mutating func changes(_ fresh: [Record], in book: RecordBook) -> BookChanges {
        var out = BookChanges()
        var touched = Set<Int32>()
        var tickets = Set<String>()
        func touch(_ b: Int32, _ stamps: [Instant]) {
            touched.insert(b)
            for t in stamps { out.stamps.append((t, .buyer(b))) }
        }
        for record in fresh {
            switch record {
            case .message(let m):
                if let b = book.buyerIDs.find(m.buyer) { touch(b, [m.ts]) }
            case .order(let o):
                guard let n = book.orderStore.ids.find(o.id), let stored = book.orders[o.id] else { continue }
                let b = book.orderStore.rows[Int(n)].buyer
                var stamps: [Instant] = []
                RecordBook.forEachStamp(of: stored, refunds: book.refunds(ofOrder: o.id)) { stamps.append($0) }
                while orderBuyers.count <= Int(n) { orderBuyers.append(-1) }
                let previous = orderBuyers[Int(n)]
                if previous >= 0, previous != b { touch(previous, stamps) }
                orderBuyers[Int(n)] = b
                touch(b, stamps)
            case .refund(let r):
                if let buyer = book.orders[r.orderID]?.buyer, let b = book.buyerIDs.find(buyer) { touch(b, [r.refundedAt]) }
            case .ticket(let t):
                if tickets.insert(t.id).inserted, let stored = book.tickets[t.id] {
                    out.tickets.append(t.id)
                    out.stamps.append((stored.openedAt, .ticket(t.id)))
                }
            case .rating: break
            case .agent: out.agents = true
            case .shift: out.shifts = true
            case .qa: out.qa = true
            }
        }
        out.ratings = ratingsSeen..<book.ratings.count
        for i in out.ratings { out.stamps.append((book.ratings[i].ts, .rating(i))) }
        ratingsSeen = book.ratings.count
        out.buyers = touched.sorted()
        activity.update(out)
        return out
    }
}
