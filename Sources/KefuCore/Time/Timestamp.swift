/// Parses the timestamps of SPEC §1: ISO 8601 with `T` or a space, optional fractional
/// seconds, and an offset (`+08:00`, `+0800`, `+08`, `Z`) or none (read in the shop's zone).
public enum Timestamp {
    /// The instant a timestamp names, or nil when the text is not a valid timestamp.
    public static func parse(_ text: some StringProtocol, zone: ShopTimeZone) -> Instant? {
        var s = String(text)
        return s.withUTF8 { parse(bytes: $0, zone: zone) }
    }

    /// Byte-level parser; `bytes` is the UTF-8 of one field.
    public static func parse(bytes b: UnsafeBufferPointer<UInt8>, zone: ShopTimeZone) -> Instant? {
        if let t = parseFixedWidth(b, zone: zone) { return t }
        return parseAnyForm(b, zone: zone)
    }

    /// The forms exports write, at fixed positions and without a loop: `YYYY-MM-DDTHH:MM:SS`
    /// (or a space for the `T`), then nothing, `Z` or `±HH:MM`. nil when the text is not in
    /// one of them (or not valid), for `parseAnyForm` to judge.
    @inline(__always) static func parseFixedWidth(_ b: UnsafeBufferPointer<UInt8>, zone: ShopTimeZone) -> Instant? {
        let n = b.count
        guard n == 19 || n == 20 || n == 25, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20,
              b[13] == 0x3A, b[16] == 0x3A else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int { Int(b[i] &- 0x30) } // above 9 unless a digit
        let (y0, y1, y2, y3) = (digit(0), digit(1), digit(2), digit(3))
        let (mo0, mo1, d0, d1) = (digit(5), digit(6), digit(8), digit(9))
        let (h0, h1, mi0, mi1, s0, s1) = (digit(11), digit(12), digit(14), digit(15), digit(17), digit(18))
        guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, mo0 < 10, mo1 < 10, d0 < 10, d1 < 10,
              h0 < 10, h1 < 10, mi0 < 10, mi1 < 10, s0 < 10, s1 < 10 else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        let month = mo0 * 10 + mo1, day = d0 * 10 + d1
        let hour = h0 * 10 + h1, minute = mi0 * 10 + mi1, second = s0 * 10 + s1
        guard month >= 1, month <= 12, day >= 1, day <= LocalDate.daysIn(year: year, month: month),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        let wall = (Int64(LocalDate.daysFromCivil(year, month, day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000
        switch n {
        case 19: return zone.instant(fromLocal: wall)
        case 20: return b[19] == 0x5A || b[19] == 0x7A ? wall : nil
        default:
            guard b[19] == 0x2B || b[19] == 0x2D, b[22] == 0x3A else { return nil }
            let (oh0, oh1, om0, om1) = (digit(20), digit(21), digit(23), digit(24))
            guard oh0 < 10, oh1 < 10, om0 < 10, om1 < 10 else { return nil }
            let oh = oh0 * 10 + oh1, om = om0 * 10 + om1
            guard oh <= 18, om <= 59 else { return nil }
            return wall - (b[19] == 0x2D ? -1 : 1) * Int64(oh * 3600 + om * 60) * 1000
        }
    }

    /// Every form of SPEC §1, one byte at a time.
    static func parseAnyForm(_ b: UnsafeBufferPointer<UInt8>, zone: ShopTimeZone) -> Instant? {
        var i = 0
        let n = b.count
        // Trim spaces.
        var end = n
        while i < end, b[i] == 0x20 { i += 1 }
        while end > i, b[end - 1] == 0x20 { end -= 1 }

        func digits(_ count: Int) -> Int? {
            guard i + count <= end else { return nil }
            var v = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += count
            return v
        }
        func digits1or2() -> Int? {
            guard i < end, b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            if i + 1 < end, b[i + 1] >= 0x30, b[i + 1] <= 0x39 { return digits(2) }
            return digits(1)
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < end, b[i] == c else { return false }
            i += 1; return true
        }

        guard let year = digits(4) else { return nil }
        let dateSep: UInt8 = (i < end && b[i] == 0x2F) ? 0x2F : 0x2D // '/' or '-'
        guard expect(dateSep), let month = digits1or2(), expect(dateSep), let day = digits1or2() else { return nil }
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: year, month: month) else { return nil }
        guard i < end, b[i] == 0x54 || b[i] == 0x20 || b[i] == 0x74 else { return nil } // T, space, t
        i += 1
        while i < end, b[i] == 0x20 { i += 1 }
        guard let hour = digits1or2(), expect(0x3A), let minute = digits(2) else { return nil }
        var second = 0
        var millis = 0
        if i < end, b[i] == 0x3A {
            i += 1
            guard let s = digits(2) else { return nil }
            second = s
            if i < end, b[i] == 0x2E || b[i] == 0x2C { // fraction
                i += 1
                var scale = 100
                var any = false
                while i < end, b[i] >= 0x30, b[i] <= 0x39 {
                    millis += Int(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1; any = true
                }
                guard any else { return nil }
            }
        }
        guard hour <= 23 || (hour == 24 && minute == 0 && second == 0 && millis == 0), minute <= 59, second <= 60 else { return nil }
        let wall = (Int64(LocalDate.daysFromCivil(year, month, day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)) * 1000 + Int64(millis)
        while i < end, b[i] == 0x20 { i += 1 }
        if i == end { return zone.instant(fromLocal: wall) }
        if b[i] == 0x5A || b[i] == 0x7A { // Z
            i += 1
            return i == end ? wall : nil
        }
        guard b[i] == 0x2B || b[i] == 0x2D else { return nil }
        let sign: Int64 = b[i] == 0x2D ? -1 : 1
        i += 1
        guard let oh = digits(2) else { return nil }
        var om = 0
        if i < end {
            _ = expect(0x3A)
            guard let m = digits(2) else { return nil }
            om = m
        }
        guard i == end, oh <= 18, om <= 59 else { return nil }
        return wall - sign * Int64(oh * 3600 + om * 60) * 1000
    }

    /// Formats an instant as shop-local ISO 8601 with its offset, seconds precision.
    public static func format(_ t: Instant, zone: ShopTimeZone) -> String {
        let off = zone.offset(at: t)
        let local = t + off
        let day = LocalDate(day: Int(floorDiv(local, 86_400_000)))
        let ms = floorMod(local, 86_400_000)
        let secs = Int(ms / 1000)
        let frac = Int(ms % 1000)
        let offMin = Int(abs(off) / 60_000)
        var s = "\(day)T\(pad2(secs / 3600)):\(pad2(secs / 60 % 60)):\(pad2(secs % 60))"
        if frac != 0 { s += "." + String(String(frac + 1000).dropFirst()) }
        s += off == 0 ? "Z" : "\(off < 0 ? "-" : "+")\(pad2(offMin / 60)):\(pad2(offMin % 60))"
        return s
    }
}

/// Parses money written in yuan (`299`, `299.9`, `299.90`) into fen, exactly.
public enum Yuan {
    /// Fen for a non-negative yuan amount with at most 2 decimals; nil otherwise.
    public static func fen(_ text: some StringProtocol) -> Fen? {
        var s = String(text)
        return s.withUTF8 { fen(bytes: $0) }
    }

    /// Fen for the UTF-8 bytes of an amount (see `fen(_:)`): spaces around it and a leading `+`
    /// are allowed, and `,` separates thousands before the decimal point.
    public static func fen(bytes b: UnsafeBufferPointer<UInt8>) -> Fen? {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
        if lo < hi, b[lo] == 0x2B { lo += 1 }
        var whole: Int64 = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var seenDot = false
        var seenDigit = false
        for k in lo..<hi {
            let ch = b[k]
            if ch == 0x2E {
                guard !seenDot else { return nil }
                seenDot = true
            } else if ch >= 0x30, ch <= 0x39 {
                seenDigit = true
                if seenDot {
                    fracDigits += 1
                    guard fracDigits <= 2 else { return nil }
                    frac = frac * 10 + Int64(ch - 0x30)
                } else {
                    whole = whole * 10 + Int64(ch - 0x30)
                    guard whole < 1_000_000_000_000 else { return nil }
                }
            } else if ch == 0x2C, !seenDot { // thousands separator "1,299.00"
                continue
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        if fracDigits == 1 { frac *= 10 }
        return whole * 100 + frac
    }

    /// Formats fen as yuan with two decimals (`29990` → `299.90`).
    public static func format(_ fen: Fen) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = abs(fen)
        return "\(sign)\(a / 100).\(pad2(Int(a % 100)))"
    }
}
