/// What a heatmap cell shows (SPEC §9).
public enum HeatmapMetric: String, Sendable, CaseIterable, Codable {
    /// Consults (the buyer wrote) whose first message falls in the hour.
    case consults
    /// Buyer messages sent in the hour.
    case buyerMessages = "buyer-messages"
    /// Mean conversations open during the hour per online agent.
    case concurrency
    /// Mean response time (s) of the answered, non-outlier turns opened in the hour.
    case responseTime = "response-time"
}

/// A heatmap row: one local day, or one weekday (0 = Monday … 6 = Sunday).
public enum HeatmapRow: Sendable, Hashable {
    case day(LocalDate)
    case weekday(Int)
}

/// A grid of rows × 24 local hours; a nil cell has no data (no online agent, no answered turn,
/// or a weekday the period does not contain).
public struct HeatmapGrid: Sendable, Equatable {
    public var metric: HeatmapMetric
    public var rows: [HeatmapRow]
    /// `cells[row][hour]`, hour 0–23.
    public var cells: [[Double?]]
    /// The smallest and largest cell, for the legend; nil when every cell is nil.
    public var min: Double?
    public var max: Double?

    public init(metric: HeatmapMetric, rows: [HeatmapRow], cells: [[Double?]]) {
        self.metric = metric
        self.rows = rows
        self.cells = cells
        let values = cells.joined().compactMap { $0 }
        min = values.min()
        max = values.max()
    }
}
