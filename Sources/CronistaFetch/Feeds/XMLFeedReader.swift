import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The XML formats: RSS 0.9x/2.0 (`rss`), RSS 1.0 (`RDF`), Atom (`feed`), sitemaps (`urlset`,
/// `sitemapindex`). Elements are matched by local name, so prefixes (`dc:`, `news:`, `atom:`) do
/// not matter; Media RSS elements (`media:title`…) are skipped, they describe attachments.
final class XMLFeedReader: NSObject, XMLParserDelegate {
    /// The feed, or `nil` when the body did not parse (then `error` says why). Throws when the body
    /// is well-formed XML but not a feed.
    static func read(_ data: Data, baseURL: URL?, keepPartial: Bool) throws(FeedParseError) -> (feed: Feed?, error: String?) {
        let reader = XMLFeedReader(baseURL: baseURL)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // A body cut short can parse "successfully" up to its end: an unclosed root is an error too.
        let parsed = parser.parse()
        let ok = parsed && reader.rootClosed
        let error =
            ok
            ? nil
            : parsed
                ? "truncated: <\(reader.root ?? "none")> is not closed"
                : (parser.parserError.map { "\($0.localizedDescription)" } ?? "XML error") + " at line \(parser.lineNumber)"
        guard let format = reader.format else {
            if ok || reader.root != nil {
                throw FeedParseError(reason: .notAFeed, url: baseURL?.absoluteString, detail: "root element <\(reader.root ?? "none")>")
            }
            return (nil, error)
        }
        guard ok || (keepPartial && !reader.entries.isEmpty) else { return (nil, error) }
        return (Feed(format: format, title: reader.feedTitle, ttlMinutes: reader.ttl, entries: reader.entries), error)
    }

    static let itemElements: Set<String> = ["item", "entry", "url", "sitemap"]
    static let mediaNamespace = "http://search.yahoo.com/mrss/"

    let baseURL: URL?
    var root: String?
    var rootClosed = false
    var format: Feed.Format?
    var feedTitle: String?
    var ttl: Int?
    var updatePeriodMinutes: Int?
    var updateFrequency: Int?
    var entries: [FeedEntry] = []

    /// The entry being read, as raw fields.
    var item: Item?
    var depth = 0
    var itemDepth = 0
    /// Depth of an element whose text is not wanted (media elements, nested sources).
    var skipDepth: Int?
    var text = ""
    /// Inside an Atom `<author>` or RSS 2 `<source>`.
    var inAuthor = false

    struct Item {
        var link: String?
        var alternateLink: String?
        var guid: String?
        var guidIsLink = true
        var title: String?
        var published: String?
        var updated: String?
        var author: String?
        var summary: String?
    }

    init(baseURL: URL?) {
        self.baseURL = baseURL
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        text.removeAll(keepingCapacity: true)
        if root == nil {
            root = name
            switch name {
            case "rss": format = .rss
            case "RDF": format = .rdf
            case "feed": format = .atom
            case "urlset": format = .sitemap
            case "sitemapindex": format = .sitemapIndex
            default: parser.abortParsing()
            }
            return
        }
        if skipDepth != nil { return }
        if namespaceURI == Self.mediaNamespace || name == "source" {
            skipDepth = depth
            return
        }
        if item == nil, Self.itemElements.contains(name) {
            item = Item()
            itemDepth = depth
            return
        }
        switch name {
        case "author" where format == .atom:
            inAuthor = true
        case "link" where format == .atom:
            guard let href = attributes["href"] else { break }
            let rel = attributes["rel"] ?? "alternate"
            if item != nil {
                if rel == "alternate", item?.alternateLink == nil { item?.alternateLink = href }
            }
        case "guid":
            item?.guidIsLink = attributes["isPermaLink"]?.lowercased() != "false"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if skipDepth == nil { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if skipDepth == nil { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            depth -= 1
            text.removeAll(keepingCapacity: true)
        }
        if depth == 1 { rootClosed = true }
        if let skip = skipDepth {
            if skip == depth { skipDepth = nil }
            return
        }
        let value = Self.trimmed(text)
        guard item != nil else {
            channelField(name, value)
            return
        }
        if depth == itemDepth, Self.itemElements.contains(name) {
            finishItem()
            return
        }
        guard !value.isEmpty else {
            if name == "author" { inAuthor = false }
            return
        }
        switch name {
        case "title": set(\.title, value)
        case "link", "loc": set(\.link, value)
        case "guid": set(\.guid, value)
        case "pubDate", "published", "issued", "publication_date", "date", "created": set(\.published, value)
        case "updated", "modified", "lastmod": set(\.updated, value)
        case "name" where inAuthor: set(\.author, value)
        case "creator": set(\.author, value)
        case "author":
            if !inAuthor { set(\.author, value) }
            inAuthor = false
        case "description", "summary", "abstract": set(\.summary, value)
        case "encoded", "content": if item?.summary == nil { set(\.summary, value) }
        default: break
        }
    }

    func set(_ field: WritableKeyPath<Item, String?>, _ value: String) {
        if item?[keyPath: field] == nil { item?[keyPath: field] = value }
    }

    func channelField(_ name: String, _ value: String) {
        guard !value.isEmpty else { return }
        switch name {
        case "title" where feedTitle == nil && depth <= 3: feedTitle = value
        case "ttl": ttl = Int(value).flatMap { $0 > 0 ? $0 : nil }
        case "updatePeriod":
            updatePeriodMinutes = ["hourly": 60, "daily": 1440, "weekly": 10080, "monthly": 43200, "yearly": 525600][value]
            syndicationTTL()
        case "updateFrequency":
            updateFrequency = Int(value).flatMap { $0 > 0 ? $0 : nil }
            syndicationTTL()
        default: break
        }
    }

    /// RSS 1.0's syndication module: the period divided by the frequency.
    func syndicationTTL() {
        guard ttl == nil || updatePeriodMinutes != nil, let period = updatePeriodMinutes else { return }
        ttl = max(1, period / (updateFrequency ?? 1))
    }

    func finishItem() {
        guard let it = item else { return }
        item = nil
        inAuthor = false
        let raw = it.alternateLink ?? it.link ?? (it.guidIsLink ? it.guid : nil)
        guard let raw, let link = resolve(raw) else { return }
        let date = (it.published ?? it.updated).flatMap(FeedDate.day)
        entries.append(FeedEntry(link: link, title: it.title, published: date, author: it.author, summary: it.summary))
    }

    /// An absolute http(s) URL for `raw`, resolved against the feed's URL when relative.
    func resolve(_ raw: String) -> String? {
        guard let url = URL(string: raw, relativeTo: baseURL)?.absoluteURL, let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return url.absoluteString
    }

    static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
