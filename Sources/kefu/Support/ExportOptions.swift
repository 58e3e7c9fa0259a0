import ArgumentParser
import KefuOutput

/// `--format table|csv|json|xlsx` and `--out FILE`, shared by report, pay and backtest.
struct ExportOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, xlsx }

    @Option(help: "Output format: table, csv, json or xlsx (xlsx needs --out).")
    var format: Format = .table

    @Option(help: ArgumentHelp("Write to this file instead of standard output (required for xlsx).", valueName: "file"))
    var out: String?

    func validate() throws {
        if format == .xlsx, out == nil { throw ValidationError("--format xlsx needs --out FILE.xlsx") }
    }

    /// Writes text output to `--out` or standard output.
    func emit(_ text: String) throws {
        if let out {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                throw UserFacingError("\(out): cannot be written")
            }
        } else {
            print(text, terminator: "")
        }
    }

    /// Writes sheets in the chosen format.
    func emit(_ sheets: [Sheet], json: () -> String) throws {
        switch format {
        case .table: try emit(sheets.map { "\($0.name)\n" + SheetText.table($0) }.joined(separator: "\n"))
        case .csv: try emit(sheets.map { SheetText.csv($0) }.joined(separator: "\n"))
        case .json: try emit(json())
        case .xlsx:
            try XLSXWriter.write(sheets, to: out!)
            printError("wrote \(out!)")
        }
    }
}
