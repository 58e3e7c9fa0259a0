import KefuCore
@testable import KefuImport
import XCTest

final class JSONLinesTests: XCTestCase {
    let zone = ShopTimeZone.shanghai
    /// 2026-11-11T00:00:03+08:00 = 2026-11-10T16:00:03Z. Days 1970-01-01 → 2026-01-01:
    /// 56 × 365 + 14 leap days = 20_454; + Jan–Oct 304 + 9 = 20_767 to 2026-11-10.
    let t0: Instant = (20_767 * 86_400 + 16 * 3600 + 3) * 1000

    func testEachTypeDecodes() throws {
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"agent","agent_id":"a1","name":"秦子轩","role":"售前","group":"g1","grade":2,"hired_on":"2024-01-03"}"#, zone: zone),
                       .agent(Agent(id: "a1", name: "秦子轩", role: .presale, group: "g1", grade: 2, hiredOn: LocalDate(year: 2024, month: 1, day: 3))))
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"message","ts":"2026-11-11T00:00:03+08:00","buyer_id":"b1","agent_id":"a1","sender":"agent","auto":true,"text":"亲"}"#, zone: zone),
                       .message(Message(ts: t0, buyer: "b1", agent: "a1", sender: .agent, auto: true)))
        // Without an offset the time is read in the shop's zone: the same instant.
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"order","order_id":"o1","buyer_id":"b1","created_at":"2026-11-11 00:00:03","paid_at":null,"amount":299.9,"items":1}"#, zone: zone),
                       .order(Order(id: "o1", buyer: "b1", createdAt: t0, paidAt: nil, amount: 29_990, items: 1)))
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"refund","order_id":"o1","refunded_at":"2026-11-10T16:00:03Z","amount":"19.90"}"#, zone: zone),
                       .refund(Refund(orderID: "o1", refundedAt: t0, amount: 1_990)))
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"rating","ts":"2026-11-11T00:00:03+08:00","buyer_id":"b1","agent_id":"a1","score":"很满意"}"#, zone: zone),
                       .rating(Rating(ts: t0, buyer: "b1", agent: "a1", score: 5)))
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"ticket","ticket_id":"t1","agent_id":"a1","kind":"callback","opened_at":"2026-11-11T00:00:03+08:00","closed_at":"2026-11-11T00:01:03+08:00","status":"resolved"}"#, zone: zone),
                       .ticket(Ticket(id: "t1", agent: "a1", kind: .callback, openedAt: t0, closedAt: t0 + 60_000, status: .resolved)))
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"qa","month":"2026-11","agent_id":"a1","points":87.5}"#, zone: zone),
                       .qa(QAPoints(month: Month(year: 2026, month: 11)!, agent: "a1", points: 87.5)))
        // 20:00 → 1200 minutes; 02:00 → 120 (ends the next day).
        XCTAssertEqual(try JSONLineDecoder.decode(#"{"type":"shift","agent_id":"a1","date":"2026-11-10","start":"20:00","end":"02:00"}"#, zone: zone),
                       .shift(Shift(agent: "a1", date: LocalDate(year: 2026, month: 11, day: 10)!, start: 1200, end: 120)))
    }

    func testAmountsComeFromTheNumberTextNotADouble() throws {
        // 0.29 * 100 in binary floating point is 28.999999999999996: parsing the text gives 29.
        for (json, fen) in [("0.29", Int64(29)), ("299.9", 29_990), ("1e2", -1), ("19.999", -1)] {
            let line = #"{"type":"refund","order_id":"o1","refunded_at":"2026-11-10T16:00:03Z","amount":"# + json + "}"
            if fen >= 0 {
                XCTAssertEqual(try JSONLineDecoder.decode(line, zone: zone), .refund(Refund(orderID: "o1", refundedAt: t0, amount: fen)))
            } else {
                XCTAssertThrowsError(try JSONLineDecoder.decode(line, zone: zone))
            }
        }
    }

    func testStringEscapes() throws {
        // \u65fa\u65fa is 旺旺; \ud83d\ude00 is the surrogate pair of U+1F600 😀.
        let record = try JSONLineDecoder.decode(#"{"type":"message","ts":"2026-11-11T00:00:03+08:00","buyer_id":"\u65fa\u65fa\ud83d\ude00\"q\"\t\\\/","agent_id":"a1","sender":"buyer"}"#, zone: zone)
        XCTAssertEqual(record, .message(Message(ts: t0, buyer: "旺旺😀\"q\"\t\\/", agent: "a1", sender: .buyer)))
    }

    func testBadLinesGiveFileLineReason() throws {
        let dir = try TempDir()
        let path = try dir.write("feed.jsonl", [
            #"{"type":"qa","month":"2026-11","agent_id":"a1","points":80}"#,
            "",
            #"{"type":"qa","month":"2026-11","agent_id":"a2","points":80"#,
            #"{"type":"complaint","agent_id":"a1"}"#,
            #"{"month":"2026-11"}"#,
            #"{"type":"order","order_id":"o1","buyer_id":"b1","created_at":"2026-11-11 00:00:03","amount":-3,"items":1}"#,
            #"{"type":"shift","agent_id":"a1","date":"2026-11-10","start":{"h":9},"end":"18:00"}"#,
            #"{"type":"message","ts":"2026-11-11T00:00:03+08:00","buyer_id":"\ud83d","agent_id":"a1","sender":"buyer"}"#,
            "   ",
            #"{"type":"qa","month":"2026-12","agent_id":"a1","points":81}"#,
        ].joined(separator: "\r\n"))
        let parsed = try DataSetLoader.parse(file: path, zone: zone)
        XCTAssertEqual(parsed.issues.map(\.description), [
            "feed.jsonl:3: invalid JSON: expected ',' or '}' at byte 59",
            "feed.jsonl:4: unknown type \"complaint\" (expected agent, order, message, refund, rating, ticket, qa, shift)",
            "feed.jsonl:5: missing \"type\"",
            "feed.jsonl:6: amount \"-3\" is negative",
            "feed.jsonl:7: invalid JSON: \"start\" holds a nested value; record lines are flat",
            "feed.jsonl:8: invalid JSON: unpaired surrogate at byte 64",
        ])
        XCTAssertEqual(parsed.records.map(\.line), [1, 10])
    }

    func testJSONLinesLoadAfterCSVAndCanHoldAnOrderAndItsRefunds() throws {
        // The order (100.00) and two refunds (60.00 + 50.00 = 110.00) arrive in one stream: the
        // second refund takes the total above the amount, although the order is not yet stored.
        let dir = try TempDir()
        try dir.write("feed.ndjson", [
            #"{"type":"order","order_id":"o1","buyer_id":"b1","created_at":"2026-11-11 00:00:03","paid_at":"2026-11-11 00:01:00","amount":100,"items":1}"#,
            #"{"type":"refund","order_id":"o1","refunded_at":"2026-11-12 00:00:00","amount":60}"#,
            #"{"type":"refund","order_id":"o1","refunded_at":"2026-11-13 00:00:00","amount":50}"#,
        ].joined(separator: "\n") + "\n")
        try dir.write("agents.csv", "客服账号,姓名,岗位\na1,甲,售前\n")
        XCTAssertEqual(DataSetLoader.loadOrder([dir.path("feed.ndjson"), dir.path("agents.csv")]),
                       [dir.path("agents.csv"), dir.path("feed.ndjson")])
        let result = try DataSetLoader.load(directory: dir.root, options: LoadOptions(skipBadRows: true))
        XCTAssertEqual(result.skipped.map(\.description), ["feed.ndjson:3: refunds of order o1 total 110.00, above its amount 100.00"])
        XCTAssertEqual(result.files.map(\.file), ["agents.csv", "feed.ndjson"])
        XCTAssertEqual(result.book.refundsByOrder["o1"]?.map(\.amount), [6_000])
    }
}
