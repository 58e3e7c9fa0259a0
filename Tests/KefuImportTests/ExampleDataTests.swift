import Foundation
import KefuCore
@testable import KefuImport
import XCTest

/// The two renderings of the example shop (UTF-8 with English headers; GB18030 with Chinese
/// headers and values) must load to the same records.
final class ExampleDataTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/examples").standardized.path

    func load(_ folder: String) throws -> LoadResult {
        try DataSetLoader.load(directory: "\(Self.examples)/\(folder)", options: LoadOptions())
    }

    func testUTF8AndGB18030LoadToTheSameBook() throws {
        let utf8 = try load("shop-utf8")
        let gb = try load("shop-gb18030")
        XCTAssertEqual(try DataSetLoader.parse(file: "\(Self.examples)/shop-gb18030/agents.csv", zone: .shanghai).encoding, .gb18030)
        assertSameBook(utf8.book, gb.book)
        XCTAssertEqual(utf8.unknownAgents, gb.unknownAgents)
        XCTAssertEqual(utf8.files.map(\.stored), gb.files.map(\.stored))
        XCTAssertEqual(utf8.files.map(\.duplicates), gb.files.map(\.duplicates))
        // The data set is non-trivial: something of every kind was stored.
        let b = utf8.book
        for (kind, count) in [("agents", b.agents.count), ("messages", b.messageCount), ("orders", b.orders.count),
                              ("refunds", b.refundsByOrder.count), ("ratings", b.ratings.count), ("tickets", b.tickets.count),
                              ("qa", b.qa.count), ("shifts", b.shifts.count)] {
            XCTAssertGreaterThan(count, 0, kind)
        }
    }

    func testLoadingTheSameFolderTwiceChangesNothing() throws {
        let first = try load("shop-utf8")
        let again = try DataSetLoader.load(directory: "\(Self.examples)/shop-utf8", into: first.book, options: LoadOptions())
        assertSameBook(first.book, again.book)
        for summary in again.files {
            XCTAssertEqual(summary.stored, 0, summary.file)
            // tickets.csv lists GD20261112000012 unresolved (line 49), then resolved (line 59):
            // replaying it sets the status back and forth (2 updates) and ends where it was.
            XCTAssertEqual(summary.updated, summary.file == "tickets.csv" ? 2 : 0, summary.file)
            XCTAssertEqual(summary.rejected, 0, summary.file)
            XCTAssertGreaterThan(summary.duplicates, 0, summary.file)
        }
    }

    func testUTF8WithBOMReadsTheSame() throws {
        let dir = try TempDir()
        let source = "\(Self.examples)/shop-utf8"
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".csv") {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(source)/\(name)"))
            try (Data([0xEF, 0xBB, 0xBF]) + bytes).write(to: URL(fileURLWithPath: dir.path(name)))
        }
        XCTAssertEqual(try DataSetLoader.parse(file: dir.path("agents.csv"), zone: .shanghai).encoding, .utf8BOM)
        let bom = try DataSetLoader.load(directory: dir.root, options: LoadOptions())
        assertSameBook(try load("shop-utf8").book, bom.book)
    }

    func testTheExampleAgentMissingFromAgentsCSVIsReported() throws {
        let result = try load("shop-utf8")
        XCTAssertFalse(result.unknownAgents.isEmpty)
        for id in result.unknownAgents { XCTAssertNil(result.book.agents[id]) }
    }
}

/// Asserts two books hold the same records.
func assertSameBook(_ a: RecordBook, _ b: RecordBook, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.agents, b.agents, "agents", file: file, line: line)
    XCTAssertEqual(a.agentOrder, b.agentOrder, "agent order", file: file, line: line)
    XCTAssertEqual(a.messageCount, b.messageCount, "message count", file: file, line: line)
    XCTAssertEqual(a.allMessages, b.allMessages, "messages", file: file, line: line)
    XCTAssertEqual(a.orders, b.orders, "orders", file: file, line: line)
    XCTAssertEqual(a.refundsByOrder, b.refundsByOrder, "refunds", file: file, line: line)
    XCTAssertEqual(a.ratings, b.ratings, "ratings", file: file, line: line)
    XCTAssertEqual(a.tickets, b.tickets, "tickets", file: file, line: line)
    XCTAssertEqual(a.qa, b.qa, "qa", file: file, line: line)
    XCTAssertEqual(a.shifts, b.shifts, "shifts", file: file, line: line)
}

/// A temporary folder, removed when released.
final class TempDir {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "kefu-import-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ name: String) -> String { "\(root)/\(name)" }

    /// Writes UTF-8 text to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }
}
