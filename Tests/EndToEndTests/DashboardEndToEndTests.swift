import Foundation
import XCTest

/// The real `kefu demo` in tmux: switch every screen, drill into an agent, filter, sort,
/// resize, quit; the terminal settings (`stty -a`) are the same afterwards. Skipped when tmux
/// or the built binary is missing.
final class DashboardEndToEndTests: XCTestCase {
    /// A tmux server of its own (unique socket), one 80×24 window running `sh`.
    final class Tmux {
        let socket = "kefu-e2e-\(UUID().uuidString.prefix(8))"
        let tmux: String

        init() throws {
            guard let t = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0) }) else { throw XCTSkip("tmux is not installed") }
            tmux = t
            // Foundation's Process would wait for the tmux server it forks (the server inherits
            // the descriptor Process watches), so the session is started with posix_spawn.
            try Tmux.spawnAndWait([t, "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", "e2e",
                                   "env TERM=screen-256color PS1='$ ' sh"])
            try run(["set-option", "-g", "window-size", "manual"])
        }

        deinit { try? Tmux.spawnAndWait([tmux, "-L", socket, "kill-server"]) }

        /// Runs a program and waits for it alone (not for what it forks).
        static func spawnAndWait(_ argv: [String]) throws {
            var pid: pid_t = 0
            var cArgs = argv.map { strdup($0) } + [nil]
            defer { for p in cArgs { free(p) } }
            guard posix_spawn(&pid, argv[0], nil, nil, &cArgs, environ) == 0 else { throw XCTSkip("cannot run \(argv[0])") }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }

        @discardableResult
        func run(_ args: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tmux)
            p.arguments = ["-L", socket] + args
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        func send(_ keys: String...) throws { try run(["send-keys", "-t", "e2e"] + keys) }
        func type(_ text: String) throws { try run(["send-keys", "-t", "e2e", "-l", text]) }
        func screen() throws -> String { try run(["capture-pane", "-p", "-t", "e2e"]) }
        func resize(_ w: Int, _ h: Int) throws { try run(["resize-window", "-t", "e2e", "-x", "\(w)", "-y", "\(h)"]) }

        /// Waits until the screen satisfies `test`; fails with the last screen after `timeout` s.
        @discardableResult
        func wait(_ what: String, timeout: Double = 30, file: StaticString = #filePath, line: UInt = #line,
                  _ test: (String) -> Bool) throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if test(last) { return last }
                Thread.sleep(forTimeInterval: 0.2)
            }
            XCTFail("timed out waiting for \(what); screen:\n\(last)", file: file, line: line)
            return last
        }

        func wait(for text: String, timeout: Double = 30, file: StaticString = #filePath, line: UInt = #line) throws -> String {
            try wait("“\(text)”", timeout: timeout, file: file, line: line) { $0.contains(text) }
        }
    }

    private var binary: String!
    private var dir: URL!

    override func setUpWithError() throws {
        guard let path = KefuBinary.path else { throw XCTSkip("kefu binary not built (.build/debug/kefu)") }
        binary = path
        dir = try KefuBinary.tempDir()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Starts the demo in the pane between two `stty -a` snapshots; returns the tmux session.
    private func startDemo(_ extra: String = "") throws -> Tmux {
        let t = try Tmux()
        try t.type("stty -a > \(dir.path)/before; \(binary!) demo --speed 60 --lang en --agents 10 \(extra); stty -a > \(dir.path)/after; echo DONE")
        try t.send("Enter")
        try t.wait(for: "Consults", timeout: 90)
        try t.wait("agents in the table", timeout: 30) { $0.contains("Score") && $0.contains("Pre ") }
        return t
    }

    /// After the demo ended: the shell is back and the terminal settings are unchanged.
    private func assertRestored(_ t: Tmux, file: StaticString = #filePath, line: UInt = #line) throws {
        try t.wait(for: "DONE", timeout: 15, file: file, line: line)
        let before = try String(contentsOf: dir.appendingPathComponent("before"), encoding: .utf8)
        let after = try String(contentsOf: dir.appendingPathComponent("after"), encoding: .utf8)
        XCTAssertFalse(before.isEmpty)
        XCTAssertEqual(before, after, "stty -a differs after the dashboard", file: file, line: line)
    }

    func testEveryScreenDrillFilterSortResizeAndQuit() throws {
        let t = try startDemo()
        // Screens by number and by Tab.
        try t.send("2"); try t.wait(for: "Load heatmap")
        try t.send("m"); try t.wait(for: "buyer messages")
        try t.send("3"); try t.wait(for: "Warning list")
        try t.send("p"); try t.wait(for: "this month")
        try t.send("5"); try t.wait(for: "Attribution rules side by side")
        try t.send("Tab"); try t.wait(for: "Consults")
        try t.send("?"); try t.wait(for: "Help · any key closes")
        try t.send("x"); try t.wait("help closed") { !$0.contains("Help · any key closes") }

        // Drill into the second row's agent and back.
        try t.send("j")
        let team = try t.screen().split(separator: "\n").map(String.init)
        let header = team.firstIndex { $0.contains("Name") && $0.contains("Score") }!
        let name = team[header + 2].dropFirst(2).split(separator: " ").first.map(String.init)!
        try t.send("Enter")
        let agent = try t.wait(for: "Item")
        XCTAssertTrue(agent.split(separator: "\n")[2].contains(name), "the agent screen shows \(name):\n\(agent)")
        // The drill-down shows the month's pay and the orders; the what-if panel moves a lever.
        try t.wait(for: "Pay this month")
        try t.wait(for: "Orders this month")  // `p` on the warnings screen switched the period
        try t.send("w"); try t.wait(for: "What if · this month")
        try t.send("Right"); try t.send("Right"); try t.wait(for: "+10%")
        try t.send("Escape"); try t.wait("what-if closed") { !$0.contains("What if · this month") && $0.contains("Item") }
        try t.send("Escape"); try t.wait(for: "Consults")
        try t.wait(for: "Staff now")

        // The heatmap's staffing overlay: need vs on shift for today, with its legend.
        try t.send("2"); try t.wait(for: "Load heatmap")
        try t.send("o"); try t.wait(for: "This hour (")
        try t.wait(for: "▼ under")
        try t.send("o"); try t.wait("overlay closed") { !$0.contains("This hour (") }
        try t.send("1"); try t.wait(for: "Consults")

        // Filter by role: every table row is an aftersale agent.
        try t.send("/"); try t.type("After"); try t.send("Enter")
        let filtered = try t.wait(for: "/ After")
        let rows = filtered.split(separator: "\n").drop { !$0.contains("Score") }.dropFirst().filter { $0.contains("After ") || $0.contains("Pre ") || $0.contains("VIP ") }
        XCTAssertFalse(rows.isEmpty, filtered)
        XCTAssertTrue(rows.allSatisfy { $0.contains("After ") }, filtered)
        try t.send("Escape"); try t.wait("filter cleared") { !$0.contains("/ After") && $0.contains("Pre ") }

        // Sort: s moves the marker from Score▼ to Rank▲; S reverses it.
        try t.send("s"); try t.wait(for: "Rank▲")
        try t.send("S"); try t.wait(for: "Rank▼")

        // Resize: wide shows the wide-only columns, tiny says what is needed, back to 80×24.
        try t.resize(160, 48); try t.wait(for: "Group")
        try t.resize(60, 15); try t.wait(for: "need 72×20, have 60×15")
        try t.resize(80, 24); try t.wait("the team screen again") { $0.contains("Consults") && !$0.contains("Group") }

        try t.send("q")
        try assertRestored(t)
    }

    func testCtrlCQuitsAndRestoresTheTerminal() throws {
        let t = try startDemo()
        try t.send("C-c")
        try assertRestored(t)
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let t = try startDemo()
        XCTAssertEqual(kill(try kefuPID(t), SIGTERM), 0)
        try assertRestored(t)
    }

    /// The terminal goes away (tmux killed, as an SSH session drops): the dashboard ends
    /// instead of spinning on a dead terminal.
    func testDashboardEndsWhenItsTerminalHangsUp() throws {
        let t = try startDemo()
        let pid = try kefuPID(t)
        try t.run(["kill-server"])
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, Self.isRunning(pid) { Thread.sleep(forTimeInterval: 0.2) }
        XCTAssertFalse(Self.isRunning(pid), "kefu demo still running after its terminal hung up")
    }

    /// The pid of kefu, the pane's shell's child.
    private func kefuPID(_ t: Tmux) throws -> pid_t {
        let shell = try t.run(["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try XCTUnwrap(children.split(separator: " ").first.flatMap { Int32($0) }, "kefu's pid")
    }

    /// Whether `pid` is a live process (not gone, not a zombie waiting to be reaped).
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
    }
}
