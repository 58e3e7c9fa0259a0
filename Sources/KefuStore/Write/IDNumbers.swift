import Foundation
import GRDB

/// A string id compared and hashed as its UTF-8 bytes: `String` would normalise every
/// non-ASCII id (every Chinese buyer and agent id) on each hash, and ids are opaque bytes.
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) {
        var t = text
        t.makeContiguousUTF8()
        self.text = t
    }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// The store's integers for buyer and agent ids (tables `buyer_ids`, `agent_ids`), remembered
/// across writes.
///
/// Numbers are never deleted or reused, so a remembered number stays right even when another
/// process writes the same store; only numbers assigned by a transaction that was rolled back
/// must be forgotten (`forgetUncommitted`). At most `limit` ids of a kind are remembered (the
/// memory stays bounded at any store size); past it the memory starts again, which costs one
/// index probe per id the next time it is seen. A day's buyers come and go together, so
/// a file read in time order finds nearly every id in memory.
struct IDNumbers {
    enum Kind {
        case buyer, agent
        var table: String { self == .buyer ? "buyer_ids" : "agent_ids" }
    }

    static let limit = 1 << 18

    private var known: [UTF8Key: Int64] = [:]
    private var assignedUncommitted = false

    /// Forgets numbers assigned in a transaction that was rolled back.
    mutating func forgetUncommitted() {
        if assignedUncommitted { known.removeAll() }
        assignedUncommitted = false
    }

    /// Marks the transaction's numbers as committed.
    mutating func committed() { assignedUncommitted = false }

    /// The number of `id`, assigning the next one (in the open write transaction) when new.
    mutating func number(of id: String, _ statements: IDStatements) throws -> Int64 {
        let key = UTF8Key(id)
        if let n = known[key] { return n }
        statements.find.bind(1, key.text)
        var n = try statements.find.firstInt64()
        if n == nil {
            statements.insert.bind(1, key.text)
            try statements.insert.run()
            n = statements.insert.lastInsertedRowID
            assignedUncommitted = true
        }
        if known.count >= IDNumbers.limit { known.removeAll(keepingCapacity: true) }
        known[key] = n!
        return n!
    }
}

/// The statements that look up and assign one kind of id number, prepared for one write.
struct IDStatements {
    let find: RawStatement
    let insert: RawStatement

    init(_ db: Database, _ kind: IDNumbers.Kind) throws {
        find = try RawStatement(db, "SELECT n FROM \(kind.table) WHERE id = ?")
        insert = try RawStatement(db, "INSERT INTO \(kind.table) (id) VALUES (?)")
    }
}

/// The buyer and agent numbers a store's writes remember across transactions.
///
/// Only touched inside the store's write closures, which GRDB's single writer runs one at a
/// time: that is what makes it safe to share.
final class IDMemory: @unchecked Sendable {
    var buyers = IDNumbers()
    var agents = IDNumbers()

    /// After a rollback: forgets the numbers the transaction assigned.
    func forgetUncommitted() {
        buyers.forgetUncommitted()
        agents.forgetUncommitted()
    }

    /// After a commit.
    func committed() {
        buyers.committed()
        agents.committed()
    }
}
