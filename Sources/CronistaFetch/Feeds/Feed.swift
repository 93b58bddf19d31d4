/// A feed or sitemap, whatever its format, as one list of entries.
public struct Feed: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        /// RSS 0.91, 0.92 and 2.0 (`<rss>`).
        case rss
        /// RSS 1.0 (`<rdf:RDF>`).
        case rdf
        case atom
        /// JSON Feed 1 and 1.1.
        case jsonFeed = "json-feed"
        /// A sitemap (`<urlset>`), with or without the Google News extension.
        case sitemap
        /// A sitemap index (`<sitemapindex>`): its entries are further sitemaps.
        case sitemapIndex = "sitemap-index"
    }

    public var format: Format
    public var title: String?
    /// RSS `<ttl>` (and RSS 1.0 `sy:updatePeriod`/`sy:updateFrequency`), in minutes, when the feed says.
    public var ttlMinutes: Int?
    public var entries: [FeedEntry]

    public init(format: Format, title: String? = nil, ttlMinutes: Int? = nil, entries: [FeedEntry] = []) {
        self.format = format
        self.title = title
        self.ttlMinutes = ttlMinutes
        self.entries = entries
    }
}

/// One item of a feed (an RSS item, an Atom entry, a JSON Feed item or a sitemap URL), normalised.
public struct FeedEntry: Sendable, Equatable {
    /// The article's absolute URL (relative links are resolved against the feed's URL).
    public var link: String
    public var title: String?
    /// The publication date as `YYYY-MM-DD`, in the time zone it was written with (as `PublicationDate`).
    public var published: String?
    public var author: String?
    public var summary: String?

    public init(link: String, title: String? = nil, published: String? = nil, author: String? = nil, summary: String? = nil) {
        self.link = link
        self.title = title
        self.published = published
        self.author = author
        self.summary = summary
    }
}

/// Why a body was not read as a feed, with what was seen.
public struct FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case notAFeed = "not a feed or sitemap"
        case malformed = "malformed"
    }
    public var reason: Reason
    /// The feed's URL, when known.
    public var url: String?
    /// What the parser saw: the root element, or the XML/JSON parser's message.
    public var detail: String

    public init(reason: Reason, url: String?, detail: String) {
        self.reason = reason
        self.url = url
        self.detail = detail
    }

    public var description: String {
        "\(url ?? "feed"): \(reason.rawValue) (\(detail))"
    }
}
