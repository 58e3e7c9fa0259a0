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
            WhatIfCommand.self,
            StaffingCommand.self,
            SampleCommand.self,
            DemoCommand.self,
            DashCommand.self,
            ImportCommand.self,
            IngestCommand.self,
            PruneCommand.self,
            BenchCommand.self,
        ])
}
