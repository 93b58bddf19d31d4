public import Foundation

/// What the fetcher remembers of a URL between polls, to ask only for what changed.
public struct Validators: Sendable, Equatable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// How the fetcher asks and how it reads an answer, as the well-liked feed readers do: a clear
/// User-Agent with a contact, only the encodings it decodes, conditional GETs, at most 5 redirects
/// (a permanent one moves the source), 429/503 as "later", with `Retry-After`.
public struct FetchPolicy: Sendable, Equatable {
    /// `Cronista/<version> (+<contact>)`.
    public var userAgent: String
    /// The product token `robots.txt` groups are matched against.
    public var robotsToken: String
    public var maxRedirects: Int
    /// Bytes of (decoded) body kept at most: 15 MiB.
    public var bodyLimit: Int

    public init(version: String, contact: String?, maxRedirects: Int = 5, bodyLimit: Int = 15 << 20) {
        self.userAgent = "Cronista/\(version)" + (contact.map { " (+\($0))" } ?? "")
        self.robotsToken = "cronista"
        self.maxRedirects = maxRedirects
        self.bodyLimit = bodyLimit
    }

    /// The headers of a GET for a URL last seen with `validators`.
    public func requestHeaders(_ validators: Validators = Validators()) -> [(name: String, value: String)] {
        var h: [(name: String, value: String)] = [
            ("User-Agent", userAgent), ("Accept-Encoding", "gzip, deflate"),
            (
                "Accept",
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, text/html;q=0.9, */*;q=0.8"
            )
        ]
        if let etag = validators.etag { h.append(("If-None-Match", etag)) }
        if let date = validators.lastModified { h.append(("If-Modified-Since", date)) }
        return h
    }

    /// What an answer means. `headers` are looked up case-insensitively; `redirects` is how many
    /// redirects were followed before this answer.
    public func outcome(
        url: String, status: Int, headers: [(name: String, value: String)], redirects: Int, now: Date = Date()
    ) -> FetchOutcome {
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        switch status {
        case 200..<300:
            return .content(Validators(etag: header("ETag"), lastModified: header("Last-Modified")))
        case 304:
            return .notModified
        case 301, 302, 303, 307, 308:
            guard let location = header("Location"), let target = URL(string: location, relativeTo: URL(string: url))?.absoluteURL,
                ["http", "https"].contains(target.scheme?.lowercased() ?? "")
            else { return .failed(FetchError(url: url, status: status, reason: .badRedirect)) }
            guard redirects < maxRedirects else { return .failed(FetchError(url: url, status: status, reason: .tooManyRedirects)) }
            return .redirect(to: target.absoluteString, permanent: status == 301 || status == 308)
        case 429, 503:
            return .retryLater(after: header("Retry-After").flatMap { PollSchedule.retryAfter($0, now: now) }, status: status)
        default:
            return .failed(FetchError(url: url, status: status, reason: status >= 500 ? .serverError : .clientError))
        }
    }
}

/// What one HTTP answer means for the fetcher.
public enum FetchOutcome: Sendable, Equatable {
    /// A body to read, with the validators for the next poll.
    case content(Validators)
    /// Nothing changed since the validators sent: costs nothing.
    case notModified
    /// Follow `to`; a permanent move also updates the stored URL.
    case redirect(to: String, permanent: Bool)
    /// The server asked to wait (429/503), `after` seconds when it said.
    case retryLater(after: TimeInterval?, status: Int)
    case failed(FetchError)
}

/// Why a URL was not fetched, with the URL and the HTTP status (0 when there was no answer).
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case clientError = "client error"
        case serverError = "server error"
        case badRedirect = "redirect without a usable Location"
        case tooManyRedirects = "more than the allowed redirects"
        case bodyTooLarge = "body larger than the limit"
        case timeout = "timed out"
        case forbiddenByRobots = "forbidden by robots.txt"
        case connection = "connection failed"
        case rateLimited = "asked to wait"
    }
    public var url: String
    public var status: Int
    public var reason: Reason
    /// For `rateLimited`: the server's `Retry-After`, in seconds, when it gave one.
    public var retryAfter: TimeInterval?

    public init(url: String, status: Int, reason: Reason, retryAfter: TimeInterval? = nil) {
        self.url = url
        self.status = status
        self.reason = reason
        self.retryAfter = retryAfter
    }

    public var description: String {
        "\(url): \(reason.rawValue)" + (status > 0 ? " (HTTP \(status))" : "") + (retryAfter.map { ", retry after \(Int($0)) s" } ?? "")
    }
}
