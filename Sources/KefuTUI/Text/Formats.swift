import Foundation
import KefuCore

/// How figures read on screen. Every value is computed by the core; these only format it.
public enum Formats {
    /// "No data" (a ratio with a zero denominator).
    public static let none = "—"

    /// `12,345`.
    public static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Money for tables and tiles: `¥8,765` (whole yuan, half away from zero) or, from 10万 yuan,
    /// `¥12.3万`.
    public static func money(_ fen: Fen) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = abs(fen)
        if a >= 10_000_000 { // 10万 yuan
            let tenths = roundedDivision(a, 100_000) // tenths of 万 yuan
            return "\(sign)¥\(count(Int(tenths / 10))).\(tenths % 10)万"
        }
        return "\(sign)¥\(count(Int(roundedDivision(a, 100))))"
    }

    /// Money to the fen: `¥128.50`.
    public static func exactMoney(_ fen: Fen) -> String {
        (fen < 0 ? "-¥" : "¥") + Yuan.format(abs(fen))
    }

    /// Money to the fen with thousands separators, for pay and orders: `¥4,583.54`.
    public static func yuan(_ fen: Fen) -> String {
        let a = abs(fen)
        return (fen < 0 ? "-¥" : "¥") + count(Int(a / 100)) + "." + twoDigits(Int(a % 100))
    }

    /// `12.3%`.
    public static func percent(_ share: Double?) -> String {
        guard let share else { return none }
        return decimal(share * 100, 1) + "%"
    }

    /// Seconds in at most 5 columns: `8.5s` under 10 s, `42s` under 100 s, `3m20s` under
    /// 10 min, then whole minutes (`13m`) and hours (`2h`).
    public static func seconds(_ s: Double?) -> String {
        guard let s else { return none }
        if s < 9.95 { return decimal(s, 1) + "s" }
        if s < 99.5 { return decimal(s, 0) + "s" }
        let whole = Int(s.rounded())
        if whole < 600 { return "\(whole / 60)m" + twoDigits(whole % 60) + "s" }
        if whole < 6000 { return "\(whole / 60)m" }
        return "\(whole / 3600)h"
    }

    /// `v` with `places` decimals, exactly as printf's `%.*f` writes it.
    public static func decimal(_ v: Double?, _ places: Int) -> String {
        guard let v else { return none }
        return fixedPoint(v, places) ?? String(format: "%.\(places)f", v)
    }

    /// `%.*f` without Foundation's formatter, for the common case: a non-negative value below
    /// 10⁹ with at most 3 decimals whose scaled value is not within 10⁻⁶ of a rounding tie, so
    /// rounding the (nearly exact) scaled double gives printf's digit. Nil otherwise.
    static func fixedPoint(_ v: Double, _ places: Int) -> String? {
        guard (0...3).contains(places), v.sign == .plus, v < 1e9 else { return nil }
        let scale = [1, 10, 100, 1000][places]
        let q = v * Double(scale)
        guard abs(q - q.rounded(.down) - 0.5) > 1e-6 else { return nil }
        let n = Int(q.rounded())
        guard places > 0 else { return String(n) }
        let fraction = String(n % scale)
        return String(n / scale) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// `07`.
    static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// A score: `96.4`.
    public static func score(_ v: Double?) -> String { decimal(v, 1) }

    /// A buyer id as shown on screen: a short prefix, `****`, the last 2 characters
    /// (`tb_8812734523` → `tb_****23`). Ids of 5 characters or fewer show only `****` and the last one.
    public static func maskBuyer(_ id: String) -> String {
        let chars = Array(id)
        if chars.count <= 5 { return "****" + String(chars.suffix(1)) }
        let prefixCount = chars.firstIndex(of: "_").map { min($0 + 1, 4) } ?? 2
        return String(chars.prefix(prefixCount)) + "****" + String(chars.suffix(2))
    }

    /// `HH:MM:SS` of an instant in the shop's zone.
    public static func clock(_ t: Instant, zone: ShopTimeZone) -> String {
        let ms = zone.local(t)
        let secs = Int(((ms % 86_400_000) + 86_400_000) % 86_400_000 / 1000)
        return twoDigits(secs / 3600) + ":" + twoDigits(secs / 60 % 60) + ":" + twoDigits(secs % 60)
    }

    /// An age: `4s`, `12m`, `3h`, `2d`.
    public static func age(ms: Int64) -> String {
        let s = max(0, ms / 1000)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }
}
