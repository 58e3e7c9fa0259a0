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
        var entries: [(Instant, StampTarget)] = []
        func keep(_ stamp: Instant, _ target: StampTarget) { if stamp > cut && stamp <= horizon { entries.append((stamp, target)) } }
        for b in activity.buyers(after: cut) {
            book.forEachStamp(ofBuyerID: b) { keep($0, .buyer(b)) }
        }
        for (i, r) in book.ratings.enumerated() { keep(r.ts, .rating(i)) }
        for id in book.ticketOrder { keep(book.tickets[id]!.openedAt, .ticket(id)) }
        queue = StampQueue(entries)
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

/// Instants with what they reveal, earliest first. Entries are two integers (the target
/// coded, tickets by a slot in a side table), so moving them costs no reference counting;
/// the entries given at the start are sorted once and read in order, later ones go to a
/// binary min-heap.
struct StampQueue: Sendable {
    private struct Entry: Comparable {
        var stamp: Instant
        var code: Int64
        static func < (a: Entry, b: Entry) -> Bool { a.stamp < b.stamp }
    }
    private var run: [Entry] = []
    private var next = 0
    private var heap: [Entry] = []
    private var ticketSlots: [String: Int64] = [:]
    private var tickets: [String] = []

    /// Starts with `entries`, in any order.
    init(_ entries: [(Instant, StampTarget)] = []) {
        run.reserveCapacity(entries.count)
        for (stamp, target) in entries { run.append(Entry(stamp: stamp, code: code(target))) }
        run.sort()
    }

    var isEmpty: Bool { next == run.count && heap.isEmpty }

    private mutating func code(_ target: StampTarget) -> Int64 {
        switch target {
        case .buyer(let b): return Int64(b) << 2
        case .rating(let i): return Int64(i) << 2 | 1
        case .ticket(let id):
            if let slot = ticketSlots[id] { return slot << 2 | 2 }
            let slot = Int64(tickets.count)
            ticketSlots[id] = slot
            tickets.append(id)
            return slot << 2 | 2
        }
    }

    private func target(_ code: Int64) -> StampTarget {
        switch code & 3 {
        case 0: return .buyer(Int32(code >> 2))
        case 1: return .rating(Int(code >> 2))
        default: return .ticket(tickets[Int(code >> 2)])
        }
    }

    mutating func push(_ stamp: Instant, _ target: StampTarget) {
        heap.append(Entry(stamp: stamp, code: code(target)))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i] < heap[parent] else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    /// Removes every entry at or before `cut`, earliest first, handing each to `body`.
    mutating func pop(through cut: Instant, _ body: (Instant, StampTarget) -> Void) {
        while true {
            let fromRun = next < run.count && run[next].stamp <= cut
            let fromHeap = !heap.isEmpty && heap[0].stamp <= cut
            if fromRun && (!fromHeap || run[next].stamp <= heap[0].stamp) {
                body(run[next].stamp, target(run[next].code))
                next += 1
            } else if fromHeap {
                body(heap[0].stamp, target(heap[0].code))
                popHeap()
            } else {
                break
            }
        }
        if next == run.count, !run.isEmpty { run = []; next = 0 }
    }

    private mutating func popHeap() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < heap.count, heap[l] < heap[smallest] { smallest = l }
            if r < heap.count, heap[r] < heap[smallest] { smallest = r }
            if smallest == i { break }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
