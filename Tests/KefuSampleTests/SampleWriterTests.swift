import XCTest
import KefuCore
@testable import KefuSample

final class SampleWriterTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kefu-writer-\(UUID().uuidString)").path
        try SampleWriter.prepare(directory: dir, force: false)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func read(_ name: String) throws -> String { try String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    // 2026-11-11T00:00:03+08:00 = 2026-11-10T16:00:03Z = 1_794_326_403 s since the epoch.
    let records: [Record] = [
        .agent(Agent(id: "旗舰店:小美", name: "王, \"小美\"", role: .presale, group: "售前一组", grade: 2,
                     hiredOn: LocalDate("2024-03-01"))),
        .message(Message(ts: 1_794_326_403_000, buyer: "tb12345678901", agent: "旗舰店:小美", sender: .agent, auto: true)),
        .order(Order(id: "3200000000000000001", buyer: "tb12345678901", createdAt: 1_794_326_403_000, paidAt: nil,
                     amount: 29_990, items: 2)),
        .refund(Refund(orderID: "3200000000000000001", refundedAt: 1_794_326_463_000, amount: 505)),
        .rating(Rating(ts: 1_794_326_403_000, buyer: "b", agent: "旗舰店:小美", score: 5)),
        .ticket(Ticket(id: "GD1", agent: "旗舰店:小美", kind: .return, openedAt: 1_794_326_403_000, closedAt: nil, status: .unresolved)),
        .qa(QAPoints(month: Month("2026-11")!, agent: "旗舰店:小美", points: 87.5)),
        .shift(Shift(agent: "旗舰店:小美", date: LocalDate("2026-11-11")!, start: 20 * 60, end: 2 * 60)),
    ]

    /// Hand-written expected rows: RFC 4180 quoting of the name (comma and quotes), +08:00
    /// times, yuan with two decimals, empty paid_at/closed_at, HH:MM shift times.
    func testCSVRows() throws {
        let counts = try SampleWriter.write(records, to: dir, format: .csv, zone: .shanghai)
        XCTAssertEqual(counts.summary, "1 agents, 1 messages, 1 orders, 1 refunds, 1 ratings, 1 tickets, 1 qa, 1 shifts")
        XCTAssertEqual(try read("agents.csv"),
                       "agent_id,name,role,group,grade,hired_on\n旗舰店:小美,\"王, \"\"小美\"\"\",presale,售前一组,2,2024-03-01\n")
        XCTAssertEqual(try read("messages.csv"), "ts,buyer_id,agent_id,sender,auto\n2026-11-11T00:00:03+08:00,tb12345678901,旗舰店:小美,agent,1\n")
        XCTAssertEqual(try read("orders.csv"),
                       "order_id,buyer_id,created_at,paid_at,amount,items\n3200000000000000001,tb12345678901,2026-11-11T00:00:03+08:00,,299.90,2\n")
        XCTAssertEqual(try read("refunds.csv"), "order_id,refunded_at,amount\n3200000000000000001,2026-11-11T00:01:03+08:00,5.05\n")
        XCTAssertEqual(try read("ratings.csv"), "ts,buyer_id,agent_id,score\n2026-11-11T00:00:03+08:00,b,旗舰店:小美,5\n")
        XCTAssertEqual(try read("tickets.csv"),
                       "ticket_id,agent_id,kind,opened_at,closed_at,status\nGD1,旗舰店:小美,return,2026-11-11T00:00:03+08:00,,unresolved\n")
        XCTAssertEqual(try read("qa.csv"), "month,agent_id,points\n2026-11,旗舰店:小美,87.5\n")
        XCTAssertEqual(try read("shifts.csv"), "agent_id,date,start,end\n旗舰店:小美,2026-11-11,20:00,02:00\n")
    }

    func testJSONLines() throws {
        _ = try SampleWriter.write(records, to: dir, format: .jsonl, zone: .shanghai)
        let lines = try read("records.jsonl").split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 8)
        XCTAssertEqual(lines[0], #"{"type":"agent","agent_id":"旗舰店:小美","name":"王, \"小美\"","role":"presale","group":"售前一组","grade":2,"hired_on":"2024-03-01"}"#)
        XCTAssertEqual(lines[1], #"{"type":"message","ts":"2026-11-11T00:00:03+08:00","buyer_id":"tb12345678901","agent_id":"旗舰店:小美","sender":"agent","auto":1}"#)
        XCTAssertEqual(lines[2], #"{"type":"order","order_id":"3200000000000000001","buyer_id":"tb12345678901","created_at":"2026-11-11T00:00:03+08:00","paid_at":null,"amount":"299.90","items":2}"#)
        XCTAssertEqual(lines[6], #"{"type":"qa","month":"2026-11","agent_id":"旗舰店:小美","points":87.5}"#)
        XCTAssertEqual(lines[7], #"{"type":"shift","agent_id":"旗舰店:小美","date":"2026-11-11","start":"20:00","end":"02:00"}"#)
        for line in lines { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8))) }
    }

    /// Every generated CSV row has as many fields as its header, and its times parse back.
    func testGeneratedFilesAreWellFormed() throws {
        let counts = try SampleWriter.write(SampleGenerator(agents: 4, days: 1, seed: 2), to: dir, format: .csv, zone: .shanghai)
        let messages = try read("messages.csv").split(separator: "\n")
        XCTAssertEqual(messages.count, counts.messages + 1)
        for line in messages.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 5)
            XCTAssertNotNil(Timestamp.parse(fields[0], zone: .shanghai))
            XCTAssert(fields[0].hasSuffix("+08:00"))
        }
    }

    func testRefusesNonEmptyDirectoryUnlessForced() throws {
        XCTAssert(FileManager.default.createFile(atPath: dir + "/other.txt", contents: Data("x".utf8)))
        XCTAssertThrowsError(try SampleWriter.prepare(directory: dir, force: false)) {
            XCTAssertEqual($0 as? SampleWriterError, .notEmpty(dir))
        }
        XCTAssertNoThrow(try SampleWriter.prepare(directory: dir, force: true))
        XCTAssertThrowsError(try SampleWriter.prepare(directory: dir + "/other.txt", force: true)) {
            XCTAssertEqual($0 as? SampleWriterError, .notADirectory(dir + "/other.txt"))
        }
    }
}
