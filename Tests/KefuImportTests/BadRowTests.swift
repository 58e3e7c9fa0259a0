import KefuCore
@testable import KefuImport
import XCTest

/// Every kind of bad row is reported as `file:line: reason`, at the line the row starts on.
final class BadRowTests: XCTestCase {
    func issues(_ name: String, _ text: String) throws -> [String] {
        let dir = try TempDir()
        return try DataSetLoader.parse(file: dir.write(name, text), zone: .shanghai).issues.map(\.description)
    }

    func testAgentRows() throws {
        let text = """
        agent_id,name,role,group,grade,hired_on
        a1,甲,presale,g,1,2024-01-03
        a2,乙,经理,g,1,2024-01-03
        a3,丙,售后,g,0,2024-01-03
        a4,丁,VIP,g,2,2024-02-30
        ,戊,vip,g,1,
        """
        XCTAssertEqual(try issues("agents.csv", text), [
            "agents.csv:3: unknown role \"经理\" (expected presale/售前, aftersale/售后 or vip/VIP)",
            "agents.csv:4: bad grade \"0\" (expected an integer ≥ 1)",
            "agents.csv:5: unparseable hired_on \"2024-02-30\" (expected YYYY-MM-DD)",
            "agents.csv:6: missing value for agent_id",
        ])
    }

    func testMessageRowsAndLineNumbersAfterQuotedNewlines() throws {
        // Line 2's text spans lines 2–4 (two newlines inside quotes, and a doubled quote), so the
        // next row starts on line 5; line 6 is blank and skipped; line 7 has the bad sender.
        let text = "ts,buyer_id,agent_id,sender,auto,text\r\n"
            + "2026-11-10T00:48:25+08:00,b1,a1,buyer,,\"第一行\r\n第二行,\"\"引号\"\"\n第三行\"\r\n"
            + "2026-13-01 10:00,b1,a1,buyer,,hi\n"
            + "\n"
            + "2026-11-10 10:00:00,b1,a1,系统,,hi\n"
            + "2026-11-10 10:00:00,b1,a1,agent,maybe,hi\n"
            + "2026-11-10 10:00:00,b1,a1,buyer,maybe,auto is ignored on buyer messages\n"
            + "2026-11-10 10:00:00,,a1,buyer,,\n"
        XCTAssertEqual(try issues("messages.csv", text), [
            "messages.csv:5: unparseable time \"2026-13-01 10:00\"",
            "messages.csv:7: unknown sender \"系统\" (expected buyer/买家 or agent/客服)",
            "messages.csv:8: unknown auto \"maybe\" (expected 1/0, true/false or 是/否)",
            "messages.csv:10: missing value for buyer_id",
        ])
    }

    func testOrderRows() throws {
        let text = """
        order_id,buyer_id,created_at,paid_at,amount,items
        o1,b1,2026-11-10T08:10:53+08:00,,9.9,1
        o2,b1,2026-11-10T08:10:53+08:00,,-3.00,1
        o3,b1,2026-11-10T08:10:53+08:00,,1.234,1
        o4,b1,2026-11-10T08:10:53+08:00,,12元,1
        o5,b1,2026-11-10T08:10:53+08:00,,10,0
        o6,b1,2026-11-10T08:10:53+08:00,yesterday,10,1
        o7,b1,2026-11-10T08:10:53+08:00,,,1
        """
        XCTAssertEqual(try issues("orders.csv", text), [
            "orders.csv:3: amount \"-3.00\" is negative",
            "orders.csv:4: amount \"1.234\" has more than 2 decimals",
            "orders.csv:5: amount \"12元\" is not an amount in yuan",
            "orders.csv:6: bad items \"0\" (expected an integer ≥ 1)",
            "orders.csv:7: unparseable time \"yesterday\" in paid_at",
            "orders.csv:8: missing value for amount",
        ])
    }

    func testRatingTicketQAAndShiftRows() throws {
        XCTAssertEqual(try issues("ratings.csv", """
        ts,buyer_id,agent_id,score
        2026-11-10 10:00,b1,a1,很满意
        2026-11-10 10:00,b1,a1,6
        2026-11-10 10:00,b1,a1,超级满意
        """), [
            "ratings.csv:3: bad score \"6\" (expected 1–5 or 很满意/满意/一般/不满/很不满)",
            "ratings.csv:4: bad score \"超级满意\" (expected 1–5 or 很满意/满意/一般/不满/很不满)",
        ])
        XCTAssertEqual(try issues("tickets.csv", """
        ticket_id,agent_id,kind,opened_at,closed_at,status
        t1,a1,物流,2026-11-10 10:00,,未解决
        t2,a1,投诉,2026-11-10 10:00,,unresolved
        t3,a1,other,2026-11-10 10:00,,done
        t4,a1,other,2026-11-10 10:00,2026-11-10 09:00,resolved
        """), [
            "tickets.csv:3: unknown kind \"投诉\" (expected logistics/物流, return/退货, exchange/换货, review/评价, callback/回访 or other/其他)",
            "tickets.csv:4: unknown status \"done\" (expected resolved/已解决, unresolved/未解决 or error/出错)",
            "tickets.csv:5: closed_at is before opened_at",
        ])
        XCTAssertEqual(try issues("qa.csv", """
        month,agent_id,points
        2026-11,a1,78.5
        2026-13,a1,78
        2026-11,a2,很好
        2026-11,a3,-1
        """), [
            "qa.csv:3: unparseable month \"2026-13\" (expected YYYY-MM)",
            "qa.csv:4: points \"很好\" is not a number",
            "qa.csv:5: points \"-1\" is negative",
        ])
        XCTAssertEqual(try issues("shifts.csv", """
        agent_id,date,start,end
        a1,2026-11-10,20:00,02:00
        a1,2026-11-10,25:00,26:00
        a1,2026-11-11,9点,18:00
        a1,2026-11-12,09:00,24:00
        """), [
            "shifts.csv:3: unparseable start \"25:00\" (expected HH:MM)",
            "shifts.csv:4: unparseable start \"9点\" (expected HH:MM)",
        ])
    }

    func testMissingColumnsNameTheFileAndColumn() throws {
        XCTAssertEqual(try issues("orders.csv", "order_id,buyer_id,created_at,amount\no1,b1,2026-11-10 10:00,1\n"), [
            "orders.csv:1: missing columns paid_at (付款时间), items (件数)",
        ])
    }

    func testUnterminatedQuoteIsReportedWhereItsRecordStarts() throws {
        XCTAssertEqual(try issues("qa.csv", "month,agent_id,points\n2026-11,a1,1\n2026-11,\"a2,2\n2026-11,a3,3\n"), [
            "qa.csv:3: a quoted field is never closed",
        ])
    }

    func testRefundAboveItsOrderIsABadRow() throws {
        // Order 320000…1 is 299.00; refunds 200.00 then 300.00 total 500.00 > 299.00, so the
        // second is bad (line 3). Refunds of an unknown order cannot be checked and are kept.
        let dir = try TempDir()
        try dir.write("orders.csv", "order_id,buyer_id,created_at,paid_at,amount,items\n3200000000000000001,b1,2026-11-10 10:00,2026-11-10 10:01,299.00,1\n")
        try dir.write("refunds.csv", """
        order_id,refunded_at,amount
        3200000000000000001,2026-11-11 10:00,200.00
        3200000000000000001,2026-11-12 10:00,300.00
        3200000000000000999,2026-11-12 10:00,300.00
        """)
        XCTAssertThrowsError(try DataSetLoader.load(directory: dir.root, options: LoadOptions())) { error in
            XCTAssertEqual((error as? ImportFailure)?.issues.map(\.description), [
                "refunds.csv:3: refunds of order 3200000000000000001 total 500.00, above its amount 299.00",
            ])
        }
        let skipping = try DataSetLoader.load(directory: dir.root, options: LoadOptions(skipBadRows: true))
        XCTAssertEqual(skipping.book.refundsByOrder["3200000000000000001"]?.map(\.amount), [20_000])
        XCTAssertEqual(skipping.book.refundsByOrder["3200000000000000999"]?.map(\.amount), [30_000])
    }

    func testDefaultRefusesTheWholeFileAndChecksEveryFile() throws {
        let dir = try TempDir()
        try dir.write("agents.csv", "agent_id,name,role\na1,甲,presale\na2,乙,经理\n")
        try dir.write("qa.csv", "month,agent_id,points\n2026-11,a1,80\n2026-11,a1,x\n")
        try dir.write("shifts.csv", "agent_id,date,start,end\na1,2026-11-10,09:00,18:00\n")
        XCTAssertThrowsError(try DataSetLoader.load(directory: dir.root, options: LoadOptions())) { error in
            let failure = error as? ImportFailure
            XCTAssertEqual(failure?.issues.map(\.description), [
                "agents.csv:3: unknown role \"经理\" (expected presale/售前, aftersale/售后 or vip/VIP)",
                "qa.csv:3: points \"x\" is not a number",
            ])
            XCTAssertTrue(failure?.description.contains("nothing imported") ?? false)
        }
    }

    func testSkipBadRowsKeepsTheGoodRowsAndListsTheBad() throws {
        let dir = try TempDir()
        try dir.write("agents.csv", "agent_id,name,role\na1,甲,presale\na2,乙,经理\na3,丙,售后\n")
        let result = try DataSetLoader.load(directory: dir.root, options: LoadOptions(skipBadRows: true))
        XCTAssertEqual(result.book.agentOrder, ["a1", "a3"])
        XCTAssertEqual(result.skipped.map(\.description),
                       ["agents.csv:3: unknown role \"经理\" (expected presale/售前, aftersale/售后 or vip/VIP)"])
        XCTAssertEqual(result.files, [{ var s = FileSummary(file: "agents.csv"); s.stored = 2; s.rejected = 1; return s }()])
    }
}
