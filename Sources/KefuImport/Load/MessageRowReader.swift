import KefuCore

/// Reads a `messages.csv` row straight from its bytes into a book's message queue, without
/// making strings: the common case of a large export, where a row is a timestamp, two ids and
/// the usual spellings of sender and auto.
///
/// Anything else (a blank to trim, a doubled quote, another spelling, a bad value) is left to
/// `RecordDecoder`, so values and error messages are exactly the general decoder's: a row
/// read here is one the decoder reads to the same message.
enum MessageRowReader {
    /// Queues the row's message and returns true; false (nothing done) when the row needs
    /// the general decoder.
    static func queue(_ row: CSVRow, into book: inout RecordBook) -> Bool {
        guard let ts = row.rawRange(.ts), let buyer = row.rawRange(.buyerID), let agent = row.rawRange(.agentID),
              let sender = row.rawRange(.sender), let auto = row.rawRange(.auto) else { return false }
        return row.reader.withBuffer { b in
            let buyerBytes = UnsafeBufferPointer(rebasing: b[buyer]), agentBytes = UnsafeBufferPointer(rebasing: b[agent])
            guard isPlainID(buyerBytes), isPlainID(agentBytes),
                  let instant = Timestamp.parse(bytes: UnsafeBufferPointer(rebasing: b[ts]), zone: row.zone),
                  let who = senderValue(UnsafeBufferPointer(rebasing: b[sender])) else { return false }
            var isAuto = false
            if who == .agent {
                guard let value = autoValue(UnsafeBufferPointer(rebasing: b[auto])) else { return false }
                isAuto = value
            }
            book.queueMessage(ts: instant, buyerUTF8: buyerBytes, agentUTF8: agentBytes, sender: who, auto: isAuto)
            return true
        }
    }

    /// Non-empty, and nothing at either end that `trim` could remove (the same conservative
    /// test as its fast path: a leading 0xE3 or trailing 0x80 may be part of U+3000).
    private static func isPlainID(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = v.first, let l = v.last else { return false }
        return f != 0x20 && f != 0x09 && f != 0x0D && f != 0x0A && f != 0xE3
            && l != 0x20 && l != 0x09 && l != 0x0D && l != 0x0A && l != 0x80
    }

    private static func senderValue(_ v: UnsafeBufferPointer<UInt8>) -> Sender? {
        if v.elementsEqual("buyer".utf8) || v.elementsEqual("买家".utf8) { return .buyer }
        if v.elementsEqual("agent".utf8) || v.elementsEqual("客服".utf8) { return .agent }
        return nil
    }

    /// Empty, 0, 1, 是 or 否 (other spellings go to the general decoder).
    private static func autoValue(_ v: UnsafeBufferPointer<UInt8>) -> Bool? {
        if v.isEmpty || v.elementsEqual("0".utf8) || v.elementsEqual("否".utf8) { return false }
        if v.elementsEqual("1".utf8) || v.elementsEqual("是".utf8) { return true }
        return nil
    }
}
