import Synchronization

/// The server's counters and latency histograms, rendered in the Prometheus text format
/// (`GET /metrics`). Hand-written: a few dictionaries under one lock, no dependency.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds (`le` labels).
    public static let bucketBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    struct RequestKey: Hashable { var method: String, route: String, status: Int }
    struct Histogram {
        var buckets = [Int](repeating: 0, count: ServerMetrics.bucketBounds.count)
        var sum = 0.0
        var count = 0

        /// One request that took `seconds` (past the last bound: counted in `+Inf` only).
        mutating func add(_ seconds: Double) {
            if let i = ServerMetrics.bucketBounds.firstIndex(where: { seconds <= $0 }) { buckets[i] += 1 }
            sum += seconds
            count += 1
        }
    }
    struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: Histogram] = [:]
        var inFlight = 0
        var documentsAnalysed = 0
        var documentsStored = 0
        var connectionsRefused: [String: Int] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    func begin() { state.withLock { $0.inFlight += 1 } }

    /// One finished request: its route template (`/v1/entities/{id}`), status and duration.
    func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLock { s in
            s.inFlight -= 1
            s.requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
            s.latency[route, default: Histogram()].add(seconds)
        }
    }

    func analysed(_ n: Int) { state.withLock { $0.documentsAnalysed += n } }
    func stored(_ n: Int) { state.withLock { $0.documentsStored += n } }
    /// A connection answered and closed before any request was parsed (`header-timeout`, `uri-too-long`).
    func connectionRefused(_ reason: String) { state.withLock { $0.connectionsRefused[reason, default: 0] += 1 } }

    /// Connections refused for `reason` (for tests).
    public func connectionsRefused(_ reason: String) -> Int { state.withLock { $0.connectionsRefused[reason] ?? 0 } }

    /// Requests begun and not yet answered (the `cronista_http_requests_in_flight` gauge).
    public var requestsInFlight: Int { state.withLock { $0.inFlight } }

    /// The number of requests counted for a route and status (for tests).
    public func requests(route: String, status: Int) -> Int {
        state.withLock { s in s.requests.filter { $0.key.route == route && $0.key.status == status }.values.reduce(0, +) }
    }

    /// Everything, in the Prometheus text exposition format (version 0.0.4).
    public func render() -> String {
        let s = state.withLock { $0 }
        var out = ""
        out += "# HELP cronista_http_requests_total HTTP requests answered, by method, route template and status.\n"
        out += "# TYPE cronista_http_requests_total counter\n"
        for (k, v) in s.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) })
        {
            out +=
                "cronista_http_requests_total{method=\"\(Self.label(k.method))\",route=\"\(Self.label(k.route))\",status=\"\(k.status)\"} \(v)\n"
        }
        out += "# HELP cronista_http_request_duration_seconds Time from a request's head to its response, by route template.\n"
        out += "# TYPE cronista_http_request_duration_seconds histogram\n"
        for (route, h) in s.latency.sorted(by: { $0.key < $1.key }) {
            let r = Self.label(route)
            var cumulative = 0
            for (i, bound) in Self.bucketBounds.enumerated() {
                cumulative += h.buckets[i]
                out += "cronista_http_request_duration_seconds_bucket{route=\"\(r)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "cronista_http_request_duration_seconds_bucket{route=\"\(r)\",le=\"+Inf\"} \(h.count)\n"
            out += "cronista_http_request_duration_seconds_sum{route=\"\(r)\"} \(h.sum)\n"
            out += "cronista_http_request_duration_seconds_count{route=\"\(r)\"} \(h.count)\n"
        }
        out += "# HELP cronista_http_requests_in_flight Requests being answered now.\n"
        out += "# TYPE cronista_http_requests_in_flight gauge\n"
        out += "cronista_http_requests_in_flight \(s.inFlight)\n"
        out += "# HELP cronista_documents_analysed_total Documents analysed (POST /v1/analyze and /v1/documents).\n"
        out += "# TYPE cronista_documents_analysed_total counter\n"
        out += "cronista_documents_analysed_total \(s.documentsAnalysed)\n"
        out += "# HELP cronista_documents_stored_total Documents newly stored by POST /v1/documents.\n"
        out += "# TYPE cronista_documents_stored_total counter\n"
        out += "cronista_documents_stored_total \(s.documentsStored)\n"
        out += "# HELP cronista_connections_refused_total Connections answered and closed before a request was parsed, by reason.\n"
        out += "# TYPE cronista_connections_refused_total counter\n"
        for (reason, n) in s.connectionsRefused.sorted(by: { $0.key < $1.key }) {
            out += "cronista_connections_refused_total{reason=\"\(Self.label(reason))\"} \(n)\n"
        }
        return out
    }

    /// A label value with `\`, `"` and newlines escaped.
    static func label(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }
}
