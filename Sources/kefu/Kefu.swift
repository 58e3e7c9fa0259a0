import ArgumentParser

/// kefu: a terminal dashboard and scoring core for customer-service (客服) supervisors.
@main
struct Kefu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kefu",
        abstract: "Customer-service (客服) KPIs, scorecards, pay and staffing for e-commerce shops.",
        subcommands: [
            ReportCommand.self,
            ConfigCommand.self,
            SampleCommand.self,
            PayCommand.self,
            BacktestCommand.self,
            StaffingCommand.self,
            BenchCommand.self,
        ])
}
