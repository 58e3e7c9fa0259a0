import XCTest
import Foundation
import KefuCore
@testable import KefuOutput

final class ReportOutputTests: XCTestCase {
    let zone = ShopTimeZone.shanghai
    func t(_ s: String) -> Instant { Timestamp.parse(s, zone: zone)! }

    /// a1 (秦子轩, presale) answers b1 in 10 s and sells 299.90; "ghost" (not in agents.csv)
    /// has a consult with no reply. The JSON must hold SPEC §10's keys, integers for fen and
    /// counts, null for "no data", and the ghost with null name and role.
    func sampleReport() -> Report {
        var book = RecordBook()
        book.add(.agent(Agent(id: "a1", name: "秦子轩", role: .presale, group: "售前一组")))
        book.add(.agent(Agent(id: "a2", name: "Lily", role: .aftersale)))
        book.add(.message(Message(ts: t("2026-11-10 10:00:00"), buyer: "b1", agent: "a1", sender: .buyer)))
        book.add(.message(Message(ts: t("2026-11-10 10:00:10"), buyer: "b1", agent: "a1", sender: .agent)))
        book.add(.order(Order(id: "o1", buyer: "b1", createdAt: t("2026-11-10 10:05:00"), paidAt: t("2026-11-10 10:06:00"), amount: 29_990, items: 1)))
        book.add(.message(Message(ts: t("2026-11-10 11:00:00"), buyer: "b2", agent: "ghost", sender: .buyer)))
        return ScoringEngine(config: KefuConfig()).report(book, period: Period(from: LocalDate("2026-11-10")!, to: LocalDate("2026-11-11")!), rule: .orderFirst)
    }

    func testJSONFollowsSpecSection10() throws {
        let text = ReportJSON.render(sampleReport(), zone: zone)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        XCTAssertEqual(json["rule"] as? String, "order-first")
        XCTAssertEqual((json["period"] as? [String: String])?["from"], "2026-11-10")
        XCTAssertEqual((json["period"] as? [String: String])?["to"], "2026-11-11")
        XCTAssertNil((json["period"] as? [String: String])?["as_of"], "as_of only when one was given")
        XCTAssertNil(json["as_of"], "as_of belongs to period")
        let agents = json["agents"] as! [[String: Any]]
        XCTAssertEqual(agents.map { $0["agent_id"] as! String }, ["a1", "a2", "ghost"])
        let specKeys = ["agent_id", "name", "role", "consults", "receptions", "reply_rate", "outreach", "valid_conversations",
                        "frt_s", "art_s", "slow_ratio", "outliers", "aq_ratio", "inquiries", "fast_rate", "long_receptions",
                        "inquiry_order_rate", "conversion", "assist_orders", "assist_fen", "sales_fen", "paid_orders",
                        "paid_buyers", "aov_fen", "items", "items_per_buyer", "refund_fen", "refund_rate", "satisfaction",
                        "rating_mean", "tickets", "resolution_rate", "error_rate", "score", "rank", "warning", "scorecard"]
        for a in agents { for k in specKeys { XCTAssertTrue(a.keys.contains(k), "missing \(k)") } }
        let a1 = agents[0]
        XCTAssertEqual(a1["sales_fen"] as? Int, 29_990)
        XCTAssertEqual(a1["aov_fen"] as? Int, 29_990)
        XCTAssertEqual(a1["frt_s"] as? Double, 10)
        XCTAssertTrue(a1["refund_rate"] is NSNumber)
        XCTAssertTrue(a1["satisfaction"] is NSNull, "no ratings: null")
        XCTAssertEqual((a1["scorecard"] as! [[String: Any]]).count, 8)
        let ghost = agents[2]
        XCTAssertTrue(ghost["name"] is NSNull)
        XCTAssertTrue(ghost["role"] is NSNull)
        XCTAssertTrue(ghost["score"] is NSNull)
        XCTAssertEqual(ghost["warning"] as? Bool, false)
        XCTAssertEqual(ghost["reply_rate"] as? Double, 0)
        let a2 = agents[1]
        XCTAssertTrue(a2["rank"] is NSNull, "inactive: no rank")
        let team = json["team"] as! [String: Any]
        XCTAssertEqual(team["consults"] as? Int, 2)
        XCTAssertEqual(team["silent_sales_fen"] as? Int, 0)
        XCTAssertEqual(team["sales_fen"] as? Int, 29_990)
        // Raw text: fen is written as an integer, never 29990.0.
        XCTAssertTrue(text.contains("\"sales_fen\": 29990,"))
    }

    func testAsOfIsEchoedInPeriod() throws {
        var r = sampleReport()
        r.asOf = t("2026-11-10 12:00:00")
        let json = try JSONSerialization.jsonObject(with: Data(ReportJSON.render(r, zone: zone).utf8)) as! [String: Any]
        XCTAssertEqual(json["period"] as? [String: String],
                       ["from": "2026-11-10", "to": "2026-11-11", "as_of": "2026-11-10T12:00:00+08:00"])
        XCTAssertNil(json["as_of"])
    }

    func testCSVHasOneRowPerAgentAndEmptyForNoData() {
        let lines = ReportCSV.render(sampleReport()).split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].hasPrefix("agent_id,name,role,group,consults,"))
        XCTAssertTrue(lines[1].hasPrefix("a1,秦子轩,presale,售前一组,1,"))
        XCTAssertEqual(ReportCSV.field("a,\"b\""), "\"a,\"\"b\"\"\"")
    }

    /// Every row of the table puts its column separators at the same display columns,
    /// with Chinese (2 columns a character) and Latin names side by side.
    func testTableAlignsChineseNames() {
        let lines = ReportTable.render(sampleReport()).split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("秦子轩") || $0.hasPrefix("Lily") || $0.hasPrefix("ghost") }
        XCTAssertEqual(rows.count, 3)
        func consultsEnd(_ s: String) -> Int { DisplayWidth.of(String(s.prefix(while: { $0 != "%" }))) }
        // The "reply" column ends with % (or — for no data) at the same display column.
        XCTAssertEqual(consultsEnd(rows[0]), consultsEnd(rows[2]))
        XCTAssertEqual(DisplayWidth.of("秦子轩"), 6)
        XCTAssertEqual(DisplayWidth.pad("秦子轩", to: 5), "秦子 ")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("秦子轩", to: 5)), 5)
    }

    func testFixedDecimals() {
        XCTAssertEqual(ReportTable.fixed(12.25, 1), "12.3")
        XCTAssertEqual(ReportTable.fixed(-0.05, 1), "-0.1")
        XCTAssertEqual(ReportTable.fixed(3, 2), "3.00")
    }
}
