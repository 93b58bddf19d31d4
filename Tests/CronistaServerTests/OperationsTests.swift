import CronistaServer
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Health, metrics, OpenAPI")
struct OperationsTests {
    @Test("/metrics counts requests by route template and status, with latency histograms")
    func metrics() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        let state = ServerFixtures.state(store)
        try await ServerFixtures.application(state).test(.router) { client in
            for _ in 0..<3 { _ = try await client.execute(uri: "/v1/entities/Q2866", method: .get) }
            _ = try await client.execute(uri: "/v1/entities/Q0", method: .get)
            _ = try await client.execute(uri: "/v1/analyze", method: .post, body: ByteBuffer(string: "{oops"))
            _ = try await client.execute(uri: "/no/such/page", method: .get)
            let h = try await client.execute(uri: "/healthz", method: .get)
            #expect(h.status == .ok && ServerFixtures.json(h.body)["status"] as? String == "ok")
            // Each answer names its request (the id in the logs), a different one each time.
            let id1 = h.headers[HTTPField.Name("X-Request-Id")!] ?? ""
            let id2 = try await client.execute(uri: "/healthz", method: .get).headers[HTTPField.Name("X-Request-Id")!] ?? ""
            #expect(id1.count >= 16 && id1.allSatisfy(\.isHexDigit) && id1 != id2, "\(id1) \(id2)")
            let r = try await client.execute(uri: "/metrics", method: .get)
            #expect(r.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: r.body)
            #expect(text.contains("cronista_http_requests_total{method=\"GET\",route=\"/v1/entities/{id}\",status=\"200\"} 3\n"))
            #expect(text.contains("cronista_http_requests_total{method=\"GET\",route=\"/v1/entities/{id}\",status=\"404\"} 1\n"))
            #expect(text.contains("cronista_http_requests_total{method=\"POST\",route=\"/v1/analyze\",status=\"400\"} 1\n"))
            #expect(text.contains("cronista_http_requests_total{method=\"GET\",route=\"NotFound\",status=\"404\"} 1\n"))
            #expect(text.contains("cronista_http_request_duration_seconds_count{route=\"/v1/entities/{id}\"} 4\n"))
            #expect(text.contains("cronista_http_request_duration_seconds_bucket{route=\"/v1/entities/{id}\",le=\"+Inf\"} 4\n"))
            #expect(text.contains("# TYPE cronista_http_request_duration_seconds histogram"))
            // Buckets are cumulative and end at the count.
            let buckets = text.split(separator: "\n").filter {
                $0.hasPrefix("cronista_http_request_duration_seconds_bucket{route=\"/v1/entities/{id}\"")
            }
            .compactMap { Int($0.split(separator: " ").last ?? "") }
            #expect(buckets.count == ServerMetrics.bucketBounds.count + 1 && buckets == buckets.sorted() && buckets.last == 4)
        }
        #expect(state.metrics.requests(route: "/metrics", status: 200) == 1)
        try await store.close()
    }

    /// The `paths:` of the OpenAPI YAML: each path (two-space indent) with its methods (four).
    static func openAPIRoutes(_ yaml: String) -> Set<String> {
        var routes = Set<String>()
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { inPaths = line == "paths:"; path = nil; continue }
            guard inPaths else { continue }
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if indent == 2, trimmed.hasSuffix(":") {
                path = String(trimmed.dropLast())
            } else if indent == 4, let p = path, let name = trimmed.split(separator: ":").first,
                ["get", "post", "put", "delete", "patch", "head"].contains(String(name))
            {
                routes.insert("\(name.uppercased()) \(p)")
            }
        }
        return routes
    }

    @Test("/openapi.yaml lists exactly the router's routes, and is what the server serves")
    func openAPIMatchesTheRouter() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let router = buildRouter(ServerFixtures.state(store))
        let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        // 14 + GET /v1/export/quotes and /v1/export/events + GET, POST, DELETE /v1/sources + GET /sources
        #expect(routes.count == 20, "\(routes.sorted())")
        let yaml = ServerState.openAPIDocument
        let documented = Self.openAPIRoutes(yaml)
        #expect(routes.subtracting(documented).isEmpty, "routes missing from openapi.yaml: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "openapi.yaml routes the router lacks: \(documented.subtracting(routes).sorted())")
        #expect(yaml.hasPrefix("openapi: 3."))
        // The parser itself finds what it must (a broken parser would make the check above vacuous).
        #expect(
            Self.openAPIRoutes(
                "openapi: 3.0.3\npaths:\n  /a/{id}:\n    get:\n      x: 1\n    post:\n  /b:\n    delete:\ncomponents:\n  /c:\n    get:\n")
                == ["GET /a/{id}", "POST /a/{id}", "DELETE /b"])
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let r = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(r.status == .ok && String(buffer: r.body) == yaml)
        }
        try await store.close()
    }
}
