import KefuCore

/// Decodes one JSON Lines record: a flat object whose `"type"` is the record's singular name
/// (`agent`, `message`, `order`, `refund`, `rating`, `ticket`, `qa`, `shift`), with the English
/// keys of SPEC §2 and the same value rules as CSV. Unknown keys are ignored; `null` is empty.
///
///     {"type":"order","order_id":"3200…","buyer_id":"tb1","created_at":"2026-11-11T00:00:03+08:00",
///      "paid_at":null,"amount":299.9,"items":1}
public enum JSONLineDecoder {
    public static func decode(_ line: some StringProtocol, zone: ShopTimeZone) throws(RowError) -> Record {
        var text = String(line)
        return try text.withUTF8 { b in Result { () throws(RowError) in try decode(bytes: b, zone: zone) } }.get()
    }

    /// Decodes the UTF-8 bytes of one line.
    public static func decode(bytes: UnsafeBufferPointer<UInt8>, zone: ShopTimeZone) throws(RowError) -> Record {
        let object = try FlatJSON.parseObject(bytes: bytes)
        guard let type = object["type"] else { throw RowError("missing \"type\"") }
        guard case .string(let name) = type, let kind = RecordKind(rawValue: name) else {
            let shown: String
            switch type {
            case .string(let s): shown = "\"\(s)\""
            case .number(let n): shown = n
            case .bool(let v): shown = "\(v)"
            case .null: shown = "null"
            }
            throw RowError("unknown type \(shown) (expected \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return try RecordDecoder.decode(kind, Fields(object: object), zone: zone)
    }

    private struct Fields: FieldSource {
        let object: [String: JSONScalar]
        func raw(_ column: Column) -> String? {
            switch object[column.rawValue] {
            case .string(let s): return s
            case .number(let n): return n
            case .bool(let v): return v ? "true" : "false"
            case .null, nil: return nil
            }
        }
    }
}
