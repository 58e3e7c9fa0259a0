/// Records deleted by `Store.prune`, per kind.
public struct PruneCounts: Sendable, Equatable {
    public var messages = 0
    public var orders = 0
    public var refunds = 0
    public var ratings = 0
    public var tickets = 0
    public var qa = 0
    public var shifts = 0

    public init() {}

    public var total: Int { messages + orders + refunds + ratings + tickets + qa + shifts }
}
