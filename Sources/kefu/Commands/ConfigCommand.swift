import ArgumentParser
import Foundation
import KefuImport

/// `kefu config`: write and check the configuration file (`kefu.toml`).
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Write or check the configuration file (kefu.toml).",
        subcommands: [Init.self, Check.self])

    /// `kefu config init`: writes the defaults, every key commented.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a configuration file holding every default, each key explained.",
            discussion: "Example: kefu config init --out shop.toml")

        @Option(name: .shortAndLong, help: "The file to write.")
        var out = "kefu.toml"

        @Flag(help: "Overwrite the file if it exists.")
        var force = false

        func run() throws {
            if FileManager.default.fileExists(atPath: out), !force {
                throw Failure("\(out) already exists; not overwritten (use --force to replace it)")
            }
            do {
                try ConfigFile.defaultTOML.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw Failure("cannot write \(out): \(error.localizedDescription)")
            }
            print("Wrote \(out) with the default configuration; edit it and check it with `kefu config check \(out)`.")
        }
    }

    /// `kefu config check`: reads a file and reports the first problem, or that it is fine.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file: unknown keys, bad values, scorecard weights.",
            discussion: "Example: kefu config check kefu.toml")

        @Argument(help: "The file to check.")
        var file = "kefu.toml"

        func run() throws {
            _ = try ConfigFile.load(path: file)
            print("\(file): OK")
        }
    }

    /// A config command that could not do its job, with a message for the user.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ message: String) { description = message }
    }
}
