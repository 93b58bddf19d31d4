import CronistaCore
import CronistaFetch
import CronistaNLP
import CronistaStorage
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `/v1/sources`: the followed feeds, sitemaps and pages (list; add and remove need the token).
extension Router where Context == ServerContext {
    func addSourceRoutes(_ state: ServerState) {
        let timeout = state.configuration.requestTimeout
        route(.get, "/v1/sources", timeout) { _, _ in
            let list = try await APIRoutes.sourceStore(state).sources()
            var w = JSONWriter(capacity: 256 + 256 * list.count)
            w.beginObject()
            w.key("sources")
            w.beginArray()
            for s in list { w.source(s) }
            w.endArray()
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes)
        }

        route(.post, "/v1/sources", timeout) { request, context in
            try APIRoutes.authorise(request, state)
            try APIRoutes.checkContentType(request)
            let body = try await request.body.collect(upTo: 64 * 1024)
            let json: JSONValue
            do { json = try JSONValue.parse(body.readableBytesView) } catch {
                throw APIError(.badRequest, .malformedJSON, "body: \(error)")
            }
            guard let raw = json["url"]?.stringValue else {
                throw APIError(.badRequest, .missingField, "send {\"url\": \"https://…/feed.xml\", \"name\"?: …, \"kind\"?: \"feed\"}")
            }
            guard raw.wholeMatch(of: APIRoutes.sourceURLPattern) != nil else {
                throw APIError(.badRequest, .invalidParameter, "url: '\(raw)' is not an http(s) URL of the form openapi.yaml gives")
            }
            let url = try APIRoutes.sourceURL(raw)
            var kind = FollowedSource.Kind.feed
            if let k = json["kind"] {
                guard let parsed = k.stringValue.flatMap(FollowedSource.Kind.init(rawValue:)) else {
                    throw APIError(.badRequest, .invalidParameter, "kind: must be \"feed\", \"sitemap\" or \"page\"")
                }
                kind = parsed
            }
            if let n = json["name"], n.stringValue == nil { throw APIError(.badRequest, .invalidParameter, "name: must be a string") }
            let store = try APIRoutes.sourceStore(state)
            let added = try await store.addSource(FollowedSource(url: url, name: json["name"]?.stringValue, kind: kind))
            context.logger.info("source added", metadata: ["url": "\(url)", "new": "\(added)"])
            let now = try await store.sources().first { $0.url == url } ?? FollowedSource(url: url, kind: kind)
            var w = JSONWriter(capacity: 512)
            w.source(now)
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes, status: added ? .created : .ok)
        }

        route(.delete, "/v1/sources", timeout) { request, context in
            try APIRoutes.authorise(request, state)
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["url"])
            guard let raw = p["url"] else { throw APIError(.badRequest, .missingField, "url: the source to remove") }
            let url = try APIRoutes.sourceURL(raw)
            guard try await APIRoutes.sourceStore(state).removeSource(url: url) else {
                throw APIError(.notFound, .notFound, "no followed source '\(url)'")
            }
            context.logger.info("source removed", metadata: ["url": "\(url)"])
            return APIRoutes.jsonField("removed", url)
        }
    }
}

extension APIRoutes {
    static func sourceStore(_ state: ServerState) throws -> any SourceStore {
        guard let s = state.store as? any SourceStore else {
            throw APIError(.notFound, .notFound, "this store keeps no sources")
        }
        return s
    }

    /// An http(s) URL, canonical as `cronista sources add` keys it.
    static func sourceURL(_ raw: String) throws -> String {
        guard raw.lowercased().hasPrefix("http://") || raw.lowercased().hasPrefix("https://") else {
            throw APIError(.badRequest, .invalidParameter, "url: '\(raw)' is not an http(s) URL")
        }
        return CanonicalURL.of(raw) ?? raw
    }

    /// The `url` pattern of `POST /v1/sources` in openapi.yaml.
    nonisolated(unsafe) static let sourceURLPattern =
        /[Hh][Tt][Tt][Pp][Ss]?:\/\/[A-Za-z0-9]+(\.[A-Za-z0-9-]+)*(:[1-9][0-9]{0,3})?(\/[A-Za-z0-9._~%-]*)*(\?[A-Za-z0-9._~%=&-]*)?/
}

extension JSONWriter {
    /// One source as `GET /v1/sources` lists it (see `openapi.yaml`, `Source`).
    mutating func source(_ s: FollowedSource) {
        beginObject()
        key("url"); string(s.url)
        key("name"); if let n = s.name { string(n) } else { null() }
        key("kind"); string(s.kind.rawValue)
        key("articles"); int(s.articles)
        key("failures"); int(s.failures)
        key("last_error"); if let e = s.lastError { string(e) } else { null() }
        key("last_fetched"); if let d = s.lastFetched { string(Self.iso(d)) } else { null() }
        key("next_check"); if let d = s.nextPoll { string(Self.iso(d)) } else { null() }
        endObject()
    }

    static func iso(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
}
