import Foundation

/// The Erlang C queue (M/M/N) of SPEC §9, evaluated without factorials.
///
/// Traffic `A = λ·AHT` (erlangs); `servers` is the number of parallel servers N. The
/// probability of waiting is computed from the Erlang B recurrence
/// `B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))`, then `C = N·B / (N − A·(1 − B))`. Every
/// step stays in [0, 1], so N in the thousands stays finite where `Aᴺ/N!` would overflow.
/// `N ≤ A` is an unstable queue: everyone waits (C = 1) and the service level is 0.
public enum ErlangC {
    /// Erlang B, the blocking probability of `servers` servers at traffic `traffic`.
    public static func blocking(servers: Int, traffic a: Double) -> Double {
        var b = 1.0
        if servers > 0 {
            for n in 1...servers { b = nextBlocking(b, servers: n, traffic: a) }
        }
        return b
    }

    /// One step of the Erlang B recurrence: B(n) from B(n−1).
    @inline(__always)
    public static func nextBlocking(_ previous: Double, servers n: Int, traffic a: Double) -> Double {
        let ab = a * previous
        return ab / (Double(n) + ab)
    }

    /// C(N, A): the probability that an arrival waits. 1 when `servers ≤ traffic`; 0 when there is no traffic.
    public static func probabilityOfWaiting(servers: Int, traffic a: Double) -> Double {
        waiting(fromBlocking: blocking(servers: servers, traffic: a), servers: servers, traffic: a)
    }

    /// C(N, A) from B(N, A).
    public static func waiting(fromBlocking b: Double, servers: Int, traffic a: Double) -> Double {
        if a <= 0 { return 0 }
        let n = Double(servers)
        if n <= a { return 1 }
        return n * b / (n - a * (1 - b))
    }

    /// Service level SL(t) = 1 − C·e^{−(N−A)·t/AHT}: the share answered within `within`.
    /// `within` and `handleTime` share one unit. 0 when `servers ≤ traffic`; 1 without traffic.
    public static func serviceLevel(servers: Int, traffic a: Double, handleTime: Double, within t: Double) -> Double {
        serviceLevel(waiting: probabilityOfWaiting(servers: servers, traffic: a),
                     servers: servers, traffic: a, handleTime: handleTime, within: t)
    }

    /// Service level from an already computed C(N, A).
    public static func serviceLevel(waiting c: Double, servers: Int, traffic a: Double, handleTime: Double, within t: Double) -> Double {
        if a <= 0 { return 1 }
        let n = Double(servers)
        if n <= a { return 0 }
        return 1 - c * exp(-(n - a) * t / handleTime)
    }

    /// Average speed of answer ASA = C·AHT/(N − A), in the unit of `handleTime`; infinite when `servers ≤ traffic`.
    public static func averageSpeedOfAnswer(servers: Int, traffic a: Double, handleTime: Double) -> Double {
        if a <= 0 { return 0 }
        let n = Double(servers)
        if n <= a { return .infinity }
        return probabilityOfWaiting(servers: servers, traffic: a) * handleTime / (n - a)
    }

    /// Occupancy A/N (may exceed 1 for an unstable queue); 0 without servers or traffic.
    public static func occupancy(servers: Int, traffic a: Double) -> Double {
        servers > 0 ? a / Double(servers) : 0
    }
}
