import KefuCore

/// Reads a `messages.csv` row straight from its bytes into a book, without making strings:
/// the common case of a large export, where a row is a timestamp, two ids and the usual
/// spellings of sender and auto. `MessageCounter` counts a file's messages per buyer the same way.
///
/// Anything else (a blank to trim, a doubled quote, another spelling, a bad value) is left to
/// `RecordDecoder`, so values and error messages are exactly the general decoder's: a row
/// read here is one the decoder reads to the same message.
enum MessageRowReader {
    /// Adds the row's message and returns what that did; nil (nothing done) when the row
    /// needs the general decoder.
    static func add(_ row: CSVRow, to book: inout RecordBook) -> RecordBook.Outcome? {
        guard let ts = row.rawRange(.ts), let buyer = row.rawRange(.buyerID), let agent = row.rawRange(.agentID),
              let sender = row.rawRange(.sender), let auto = row.rawRange(.auto) else { return nil }
        return row.reader.withBuffer { b -> RecordBook.Outcome? in
            let buyerBytes = UnsafeBufferPointer(rebasing: b[buyer]), agentBytes = UnsafeBufferPointer(rebasing: b[agent])
            guard isPlainID(buyerBytes), isPlainID(agentBytes),
                  let instant = Timestamp.parse(bytes: UnsafeBufferPointer(rebasing: b[ts]), zone: row.zone),
                  let who = senderValue(UnsafeBufferPointer(rebasing: b[sender])) else { return nil }
            var isAuto = false
            if who == .agent {
                guard let value = autoValue(UnsafeBufferPointer(rebasing: b[auto])) else { return nil }
                isAuto = value
            }
            return book.addMessage(ts: instant, buyerUTF8: buyerBytes, agentUTF8: agentBytes, sender: who, auto: isAuto)
        }
    }

    /// Non-empty, and nothing at either end that `trim` could remove (the same conservative
    /// test as its fast path: a leading 0xE3 or trailing 0x80 may be part of U+3000).
    static func isPlainID(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = v.first, let l = v.last else { return false }
        return f != 0x20 && f != 0x09 && f != 0x0D && f != 0x0A && f != 0xE3
            && l != 0x20 && l != 0x09 && l != 0x0D && l != 0x0A && l != 0x80
    }

    private static func senderValue(_ v: UnsafeBufferPointer<UInt8>) -> Sender? {
        if equals(v, "buyer") || equals(v, "买家") { return .buyer }
        if equals(v, "agent") || equals(v, "客服") { return .agent }
        return nil
    }

    /// Empty, 0, 1, 是 or 否 (other spellings go to the general decoder).
    private static func autoValue(_ v: UnsafeBufferPointer<UInt8>) -> Bool? {
        if v.isEmpty || equals(v, "0") || equals(v, "否") { return false }
        if equals(v, "1") || equals(v, "是") { return true }
        return nil
    }

    @inline(__always) private static func equals(_ v: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard v.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<v.count where v[i] != w[i] { return false }
        return true
    }
}
