/// What an as-of view must look at again as its cut moves forward and new records arrive.
///
/// A view "as of T" (SPEC §5) sees the records stamped at or before T. The feed keeps every
/// instant after the cut, up to a horizon the cut will never pass, at which some buyer, rating
/// or ticket becomes visible; each `step` moves the cut, and names what the move and a batch of
/// new records changed: the buyers to look at again, the ratings that became visible, the
/// tickets to look at again, and the newest instant that became visible.
struct CutFeed: Sendable {
    private(set) var cut: Instant
    /// The latest instant the cut may reach; instants after it are never kept.
    let horizon: Instant
    private var queue = StampQueue()

    /// A feed at `cut` over `book` as it is: every instant in `(cut, horizon]` of every record is kept.
    init(book: RecordBook, activity: BuyerActivity, cut: Instant, horizon: Instant) {
        self.cut = cut
        self.horizon = horizon
        for b in activity.buyers(after: cut) {
            book.forEachStamp(ofBuyerID: b) { keep($0, .buyer(b)) }
        }
        for (i, r) in book.ratings.enumerated() { keep(r.ts, .rating(i)) }
        for id in book.ticketOrder { keep(book.tickets[id]!.openedAt, .ticket(id)) }
    }

    private mutating func keep(_ stamp: Instant, _ target: StampTarget) {
        if stamp > cut && stamp <= horizon { queue.push(stamp, target) }
    }

    /// Moves the cut to `newCut` (never back, never past the horizon) after `changes` reached
    /// the book, and says what to look at again.
    mutating func step(_ changes: BookChanges, to newCut: Instant) -> CutStep {
        precondition(newCut >= cut && newCut <= horizon, "a cut moves forward, up to its horizon")
        cut = newCut
        var out = CutStep()
        var buyers = Set(changes.buyers)
        var tickets = Set(changes.tickets)
        out.tickets = changes.tickets
        func reveal(_ stamp: Instant, _ target: StampTarget) {
            out.newest = max(out.newest ?? stamp, stamp)
            switch target {
            case .buyer(let b): buyers.insert(b)
            case .rating(let i): out.ratings.append(i)
            case .ticket(let id): if tickets.insert(id).inserted { out.tickets.append(id) }
            }
        }
        queue.pop(through: newCut, reveal)
        for (stamp, target) in changes.stamps {
            if stamp <= newCut {
                if case .rating = target { reveal(stamp, target) } else { out.newest = max(out.newest ?? stamp, stamp) }
            } else {
                keep(stamp, target)
            }
        }
        out.buyers = buyers.sorted()
        return out
    }
}

/// What one `CutFeed.step` changed.
struct CutStep: Sendable {
    /// Buyers to look at again (new records, or records that became visible), each once.
    var buyers: [Int32] = []
    /// Ratings (indices into `RecordBook.ratings`) that became visible, each once.
    var ratings: [Int] = []
    /// Tickets to look at again (stored, updated or became visible), each once.
    var tickets: [String] = []
    /// The newest instant that became visible, if any.
    var newest: Instant?
}

/// Instants with what they reveal, earliest first (a binary min-heap).
struct StampQueue: Sendable {
    private var heap: [(stamp: Instant, target: StampTarget)] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ stamp: Instant, _ target: StampTarget) {
        heap.append((stamp, target))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].stamp < heap[parent].stamp else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    /// Removes every entry at or before `cut`, earliest first, handing each to `body`.
    mutating func pop(through cut: Instant, _ body: (Instant, StampTarget) -> Void) {
        while let top = heap.first, top.stamp <= cut {
            body(top.stamp, top.target)
            let last = heap.removeLast()
            guard !heap.isEmpty else { break }
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < heap.count, heap[l].stamp < heap[smallest].stamp { smallest = l }
                if r < heap.count, heap[r].stamp < heap[smallest].stamp { smallest = r }
                if smallest == i { break }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
    }
}
