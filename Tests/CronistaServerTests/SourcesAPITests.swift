import CronistaStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import CronistaServer

/// `/v1/sources`: anyone lists, the token adds and removes; both backends.
@Suite struct SourcesAPITests {
    @Test(arguments: ServerFixtures.Backend.allCases)
    func addListRemove(_ backend: ServerFixtures.Backend) async throws {
        guard let store = try await ServerFixtures.emptyStore(backend) else { return }
        defer { Task { try? await store.close() } }
        let app = ServerFixtures.application(ServerFixtures.state(store))
        try await app.test(.router) { client in
            let json: HTTPFields = [.contentType: "application/json"]
            let body = ByteBuffer(bytes: ServerFixtures.jsonBody(["url": "HTTPS://Giornale.example/rss.xml", "name": "Giornale"]))
            // Without the token: refused, nothing added.
            let anonymous = try await client.execute(uri: "/v1/sources", method: .post, headers: json, body: body)
            #expect(anonymous.status == .unauthorized)
            let added = try await client.execute(uri: "/v1/sources", method: .post, headers: json + ServerFixtures.bearer, body: body)
            #expect(added.status == .created)
            let a = ServerFixtures.json(added.body)
            #expect(a["url"] as? String == "https://giornale.example/rss.xml" && a["name"] as? String == "Giornale")
            #expect(a["kind"] as? String == "feed" && a["articles"] as? Int == 0 && a["next_check"] is NSNull)
            let again = try await client.execute(uri: "/v1/sources", method: .post, headers: json + ServerFixtures.bearer, body: body)
            #expect(again.status == .ok)
            let bad = try await client.execute(
                uri: "/v1/sources", method: .post, headers: json + ServerFixtures.bearer,
                body: ByteBuffer(bytes: ServerFixtures.jsonBody(["url": "ftp://x.example/feed", "kind": "feed"])))
            #expect(bad.status == .badRequest)

            let listed = try await client.execute(uri: "/v1/sources", method: .get)
            #expect(listed.status == .ok)
            let rows = ServerFixtures.json(listed.body)["sources"] as? [[String: Any]]
            #expect(rows?.map { $0["url"] as? String } == ["https://giornale.example/rss.xml"])

            let target = "/v1/sources?url=https%3A%2F%2Fgiornale.example%2Frss.xml"
            #expect(try await client.execute(uri: target, method: .delete).status == .unauthorized)
            let removed = try await client.execute(uri: target, method: .delete, headers: ServerFixtures.bearer)
            #expect(removed.status == .ok && ServerFixtures.json(removed.body)["removed"] as? String == "https://giornale.example/rss.xml")
            #expect(try await client.execute(uri: target, method: .delete, headers: ServerFixtures.bearer).status == .notFound)
            let empty = ServerFixtures.json(try await client.execute(uri: "/v1/sources", method: .get).body)
            #expect((empty["sources"] as? [Any])?.isEmpty == true)
        }
    }
}
