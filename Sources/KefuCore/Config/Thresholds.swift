/// The configurable thresholds of SPEC §3–§5, in milliseconds.
public struct Thresholds: Sendable, Equatable, Codable {
    /// A reception at least this long is valid (有效接待). Default 30 s.
    public var validMs: Int64 = 30_000
    /// A reception longer than this is long (长接待). Default 30 min.
    public var longMs: Int64 = 1_800_000
    /// An answered turn slower than this is slow. Default 60 s.
    public var slowMs: Int64 = 60_000
    /// An answered turn slower than this is an outlier. Default 900 s.
    public var outlierMs: Int64 = 900_000
    /// A turn answered within this counts for the fast answer rate (30秒应答率). Default 30 s.
    public var fastMs: Int64 = 30_000
    /// The attribution window W. Default 24 h.
    public var attributionWindowMs: Int64 = 86_400_000

    public init() {}
}
