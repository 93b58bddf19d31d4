import HTTPTypes
import Synchronization

/// The router's routes by path template, so that a request for a known path with the wrong
/// method is answered 405 with `Allow` (Hummingbird's router answers it 404).
/// Filled once, after the routes are added (``buildRouter(_:)``).
final class RouteTable: Sendable {
    struct Route: Sendable {
        var segments: [Substring]
        var methods: Set<String>
    }
    private let routes = Mutex<[Route]>([])

    /// Records the routes, `GET` ones also under `HEAD` (the router answers HEAD for them).
    func set(_ entries: [(method: String, path: String)]) {
        var byPath: [String: Set<String>] = [:]
        for e in entries {
            byPath[e.path, default: []].insert(e.method)
            if e.method == "GET" { byPath[e.path, default: []].insert("HEAD") }
        }
        let table = byPath.map { Route(segments: Self.segments($0.key), methods: $0.value) }
        routes.withLock { $0 = table }
    }

    /// The methods a path is served with (empty: no such path). `{name}` matches one segment.
    func methods(for path: String) -> Set<String> {
        let parts = Self.segments(path)
        return routes.withLock { table in
            var out = Set<String>()
            for r in table
            where r.segments.count == parts.count
                && zip(r.segments, parts).allSatisfy({ t, p in t == p || (t.hasPrefix("{") && t.hasSuffix("}") && !p.isEmpty) })
            {
                out.formUnion(r.methods)
            }
            return out
        }
    }

    /// The `Allow` header value: the methods in a fixed order.
    static func allow(_ methods: Set<String>) -> String {
        let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        return (order.filter(methods.contains) + methods.subtracting(order).sorted()).joined(separator: ", ")
    }

    static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }
}
