import XCTest
import KefuCore
@testable import KefuSample

final class DeterminismTests: XCTestCase {
    func testSameSeedGivesIdenticalRecords() {
        let a = Array(SampleGenerator(agents: 6, days: 3, seed: 11))
        let b = Array(SampleGenerator(agents: 6, days: 3, seed: 11))
        XCTAssertGreaterThan(a.count, 1_000)
        XCTAssertEqual(a, b)
    }

    func testDifferentSeedGivesDifferentRecords() {
        let a = Array(SampleGenerator(agents: 6, days: 3, seed: 11))
        let b = Array(SampleGenerator(agents: 6, days: 3, seed: 12))
        XCTAssertNotEqual(a, b)
    }

    /// The same options write byte-identical files.
    func testSameSeedWritesIdenticalFiles() throws {
        var contents: [[Data]] = []
        for _ in 0..<2 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-det-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try SampleWriter.prepare(directory: dir, force: false)
            _ = try SampleWriter.write(SampleGenerator(agents: 5, days: 2, seed: 3), to: dir, format: .csv, zone: .shanghai)
            contents.append(try SampleWriter.csvFiles.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0.name)) })
        }
        XCTAssertEqual(contents[0], contents[1])
        XCTAssertGreaterThan(contents[0][1].count, 10_000)
    }

    /// A day depends only on the seed and its date: day 3 of a run from 11-01 equals the
    /// first day of a run from 11-03 (apart from the QA points a first day carries).
    func testADayDoesNotDependOnTheDaysBeforeIt() {
        let long = SampleGenerator(agents: 6, days: 3, seed: 2)
        let short = SampleGenerator(agents: 6, days: 1, seed: 2, start: LocalDate("2026-11-03")!)
        let third = SampleData(long).messages.filter { ShopTimeZone.shanghai.day(of: $0.ts) >= LocalDate("2026-11-03")! }
        let only = SampleData(short).messages
        XCTAssertFalse(only.isEmpty)
        // Messages of chats started on 11-02 may spill past midnight into 11-03.
        let started = Set(only.map { "\($0.ts)|\($0.buyer)|\($0.agent)|\($0.sender)|\($0.auto)" })
        let fromLong = Set(third.map { "\($0.ts)|\($0.buyer)|\($0.agent)|\($0.sender)|\($0.auto)" })
        XCTAssertTrue(started.isSubset(of: fromLong))
    }

    /// Doubling the scale about doubles the traffic (within ±10%).
    func testScaleIsAboutLinear() {
        let one = SampleData(SampleGenerator(agents: 12, days: 3, seed: 4, scale: 1)).messages.count
        let two = SampleData(SampleGenerator(agents: 12, days: 3, seed: 4, scale: 2)).messages.count
        let ratio = Double(two) / Double(one)
        XCTAssert((1.8...2.2).contains(ratio), "K=2 / K=1 = \(ratio)")
    }

    /// Scale 1 over the default 12 agents and 14 days is about 100k messages (±20%).
    func testDefaultSizeIsAbout100kMessages() {
        let n = SampleData.standard.messages.count
        XCTAssert((80_000...120_000).contains(n), "\(n)")
    }
}
