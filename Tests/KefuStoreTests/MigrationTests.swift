import Foundation
import GRDB
import KefuCore
@testable import KefuStore
import XCTest

/// A store written by kefu's first schema (v1: buyer and agent ids as text in every row) is
/// converted in place when opened, keeping every record, stamp and arrival order.
final class MigrationTests: XCTestCase {
    /// Builds a v1 store file the way v1 kefu wrote one, record by record: the v1 migration
    /// only, then each record inserted (or its order or ticket updated) as `RecordBook.add`
    /// decides, stamped with the next change number, with v1's SQL.
    private func makeV1Store(at path: String, records: [KefuCore.Record]) throws -> RecordBook {
        try StoreFile.createPrivately(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
        try Schema.migrator.migrate(queue, upTo: Schema.v1)
        var book = RecordBook()
        try queue.write { db in
            var seq: Int64 = 0
            for record in records {
                if case .refund(let r) = record, book.refundWouldExceedOrder(r) { continue }
                let outcome = book.add(record)
                guard outcome != .duplicate else { continue }
                seq += 1
                try Self.writeV1(record, outcome: outcome, book: book, seq: seq, db)
            }
            try db.execute(sql: "UPDATE change_counter SET seq = ? WHERE id = 1", arguments: [seq])
            try db.execute(sql: "INSERT INTO feed_position VALUES ('/feed.jsonl', 1, 2, 300, 3)")
        }
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
        return book
    }

    private static func writeV1(_ record: KefuCore.Record, outcome: RecordBook.Outcome, book: RecordBook, seq: Int64, _ db: Database) throws {
        switch record {
        case .agent(let a):
            try db.execute(sql: "INSERT INTO agents (seq, id, name, role, grp, grade, hired_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [seq, a.id, a.name, a.role?.rawValue, a.group, a.grade, a.hiredOn?.description])
        case .message(let m):
            try db.execute(sql: "INSERT INTO messages (seq, ts, buyer, agent, sender, auto) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [seq, m.ts, m.buyer, m.agent, m.sender == .agent ? 1 : 0, m.auto ? 1 : 0])
        case .order(let new):
            let o = book.orders[new.id]!
            if outcome == .stored {
                try db.execute(sql: "INSERT INTO orders (id, buyer, created_at, paid_at, amount, items, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [o.id, o.buyer, o.createdAt, o.paidAt, o.amount, o.items, seq])
            } else {
                try db.execute(sql: "UPDATE orders SET buyer = ?, created_at = ?, paid_at = ?, amount = ?, items = ?, change_seq = ? WHERE id = ?",
                               arguments: [o.buyer, o.createdAt, o.paidAt, o.amount, o.items, seq, o.id])
            }
        case .refund(let r):
            try db.execute(sql: "INSERT INTO refunds (seq, order_id, refunded_at, amount) VALUES (?, ?, ?, ?)",
                           arguments: [seq, r.orderID, r.refundedAt, r.amount])
        case .rating(let r):
            try db.execute(sql: "INSERT INTO ratings (seq, ts, buyer, agent, score) VALUES (?, ?, ?, ?, ?)",
                           arguments: [seq, r.ts, r.buyer, r.agent, r.score])
        case .ticket(let new):
            let t = book.tickets[new.id]!
            if outcome == .stored {
                try db.execute(sql: "INSERT INTO tickets (id, agent, kind, opened_at, closed_at, status, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [t.id, t.agent, t.kind.rawValue, t.openedAt, t.closedAt, t.status.rawValue, seq])
            } else {
                try db.execute(sql: "UPDATE tickets SET status = ?, closed_at = ?, change_seq = ? WHERE id = ?",
                               arguments: [t.status.rawValue, t.closedAt, seq, t.id])
            }
        case .qa(let q):
            try db.execute(sql: "INSERT INTO qa (seq, month, agent, points) VALUES (?, ?, ?, ?)",
                           arguments: [seq, q.month.description, q.agent, q.points])
        case .shift(let s):
            try db.execute(sql: "INSERT INTO shifts (seq, agent, date, start, \"end\") VALUES (?, ?, ?, ?, ?)",
                           arguments: [seq, s.agent, s.date.description, s.start, s.end])
        }
    }

    func testAV1StoreIsConvertedInPlaceKeepingEveryRecordAndStamp() throws {
        let path = try temporaryFolder(self).appendingPathComponent("v1.sqlite").path
        // Buyers and agents with Chinese ids, as shops name them.
        let records = generatedRecords(count: 3_000, seed: 5).map(Self.chineseIDs)
        let reference = try makeV1Store(at: path, records: records)
        let v1 = try Self.v1Changes(path)
        XCTAssertGreaterThan(v1.records.count, 1_000)

        let store = try Store.open(path: path)
        XCTAssertEqual(try Self.pragma("user_version", path), Schema.version)
        XCTAssertEqual(try Self.pragma("freelist_count", path), 0, "the old tables' pages are given back")
        assertSameBook(try store.loadBook(), reference)
        // Every record keeps its change stamp: changes since any mark are the same as in v1.
        XCTAssertEqual(try store.lastChange(), v1.counter)
        for mark in [0, 1_000, v1.counter - 5] {
            let expected = v1.records.filter { $0.stamp > mark }.map(\.record)
            let changes = try store.changes(since: mark).records
            XCTAssertEqual(changes.count, expected.count, "since \(mark)")
            XCTAssertTrue(changes == expected, "since \(mark): first difference at \(zip(changes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1)")
        }
        XCTAssertEqual(try store.feedPosition(feed: "/feed.jsonl"), FeedPosition(feed: "/feed.jsonl", device: 1, inode: 2, offset: 300, line: 3))

        // The converted store goes on as any v2 store: the same records again change nothing,
        // new ones are stored.
        let again = try store.write(records)
        XCTAssertEqual(again.stored, 0)
        XCTAssertEqual(again.updated, 0)
        XCTAssertEqual(try store.lastChange(), v1.counter)
        let late = Message(ts: nov11 + 99_000, buyer: "买家甲", agent: "客服新", sender: .buyer)
        XCTAssertEqual(try store.write([.message(late)]).stored, 1)
        XCTAssertEqual(try store.loadBook().messages(ofBuyer: "买家甲").last?.message, late)
        // Opening it again migrates nothing more.
        assertSameBook(try Store.open(path: path).loadBook(), try store.loadBook())
    }

    /// The v1 store's records in change-stamp order, read with v1's columns (before any v2 code opens it).
    private static func v1Changes(_ path: String) throws -> (records: [(stamp: Int64, record: KefuCore.Record)], counter: Int64) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM change_counter")!
            var stamped: [(Int64, KefuCore.Record)] = []
            for row in try Row.fetchAll(db, sql: "SELECT seq, ts, buyer, agent, sender, auto FROM messages") {
                stamped.append((row[0], .message(Message(ts: row[1], buyer: row[2], agent: row[3],
                                                         sender: row[4] == 1 ? .agent : .buyer, auto: row[5]))))
            }
            for row in try Row.fetchAll(db, sql: "SELECT change_seq, id, buyer, created_at, paid_at, amount, items FROM orders") {
                stamped.append((row[0], .order(Order(id: row[1], buyer: row[2], createdAt: row[3], paidAt: row[4], amount: row[5], items: row[6]))))
            }
            for row in try Row.fetchAll(db, sql: "SELECT seq, ts, buyer, agent, score FROM ratings") {
                stamped.append((row[0], .rating(Rating(ts: row[1], buyer: row[2], agent: row[3], score: row[4]))))
            }
            for row in try Row.fetchAll(db, sql: "SELECT seq, id, name, role, grp, grade, hired_on FROM agents") {
                let role: String? = row[3], hired: String? = row[6]
                stamped.append((row[0], .agent(Agent(id: row[1], name: row[2], role: role.flatMap(Role.init(rawValue:)), group: row[4],
                                                     grade: row[5], hiredOn: hired.flatMap { LocalDate($0) }))))
            }
            for row in try Row.fetchAll(db, sql: "SELECT seq, order_id, refunded_at, amount FROM refunds") {
                stamped.append((row[0], .refund(Refund(orderID: row[1], refundedAt: row[2], amount: row[3]))))
            }
            for row in try Row.fetchAll(db, sql: "SELECT change_seq, id, agent, kind, opened_at, closed_at, status FROM tickets") {
                stamped.append((row[0], .ticket(Ticket(id: row[1], agent: row[2], kind: TicketKind(rawValue: row[3])!, openedAt: row[4],
                                                       closedAt: row[5], status: TicketStatus(rawValue: row[6])!))))
            }
            for row in try Row.fetchAll(db, sql: "SELECT seq, month, agent, points FROM qa") {
                stamped.append((row[0], .qa(QAPoints(month: Month(row[1] as String)!, agent: row[2], points: row[3]))))
            }
            for row in try Row.fetchAll(db, sql: "SELECT seq, agent, date, start, \"end\" FROM shifts") {
                stamped.append((row[0], .shift(Shift(agent: row[1], date: LocalDate(row[2] as String)!, start: row[3], end: row[4]))))
            }
            return (stamped.sorted { $0.0 < $1.0 }.map { (stamp: $0.0, record: $0.1) }, counter)
        }
    }

    private static func pragma(_ name: String, _ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "PRAGMA \(name)") ?? -1 }
    }

    /// The record with its buyer and agent ids made Chinese (`b3` → `买家3`, `a1` → `客服1`).
    private static func chineseIDs(_ record: KefuCore.Record) -> KefuCore.Record {
        func buyer(_ b: String) -> String { "买家" + b.dropFirst() }
        func agent(_ a: String) -> String { a.hasPrefix("a") ? "客服" + a.dropFirst() : a }
        switch record {
        case .message(var m): m.buyer = buyer(m.buyer); m.agent = agent(m.agent); return .message(m)
        case .order(var o): o.buyer = buyer(o.buyer); return .order(o)
        case .rating(var r): r.buyer = buyer(r.buyer); r.agent = agent(r.agent); return .rating(r)
        case .agent(var a): a.id = agent(a.id); return .agent(a)
        case .ticket(var t): t.agent = agent(t.agent); return .ticket(t)
        case .qa(var q): q.agent = agent(q.agent); return .qa(q)
        case .shift(var s): s.agent = agent(s.agent); return .shift(s)
        case .refund: return record
        }
    }
}
