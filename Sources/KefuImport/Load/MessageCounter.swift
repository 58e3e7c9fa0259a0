import KefuCore

/// A bulk load's first pass over a messages file: counts its rows per buyer
/// (`RecordBook.expectMessage`), reading only the buyer column. Bad rows are counted too (the
/// room they were given is released after the load); only a buyer that cannot be read is not.
enum MessageCounter {
    /// Counts a file's messages into `book`; returns the file's encoding, for the second pass.
    static func count(file path: String, into book: inout RecordBook) throws(TextDecoding.Failure) -> TextDecoding.Encoding {
        let source = try TextSource(path: path)
        var reader = CSVReader(source: source)
        do {
            guard try reader.next() else { return source.encoding }
            let header = HeaderMap(kind: .message, header: reader.fields)
            guard header.missing.isEmpty, let column = header.index[Column.buyerID.ordinal] else { return source.encoding }
            while try reader.next() {
                guard reader.problem == nil, let range = reader.rawRange(column) else {
                    if let raw = reader.field(column) {
                        let buyer = trim(raw)
                        if !buyer.isEmpty { book.expectMessages(ofBuyer: buyer) }
                    }
                    continue
                }
                reader.withBuffer { b in
                    let bytes = UnsafeBufferPointer(rebasing: b[range])
                    if MessageRowReader.isPlainID(bytes) {
                        book.expectMessage(buyerUTF8: bytes)
                    } else {
                        let buyer = trim(String(decoding: bytes, as: UTF8.self))
                        if !buyer.isEmpty { book.expectMessages(ofBuyer: buyer) }
                    }
                }
            }
        } catch {
            // A malformed record ends the file; the second pass reports it.
        }
        return source.encoding
    }
}
