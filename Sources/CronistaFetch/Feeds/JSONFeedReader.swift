import Foundation

/// JSON Feed 1 and 1.1 (`https://jsonfeed.org/version/1.1`): `items` with `url`/`external_url`,
/// `title`, `date_published`/`date_modified`, `authors`/`author`, `summary`/`content_text`.
struct JSONFeedReader {
    let baseURL: URL?

    func read(_ data: Data) throws(FeedParseError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FeedParseError(reason: .malformed, url: baseURL?.absoluteString, detail: "JSON: \(error.localizedDescription)")
        }
        guard let top = object as? [String: Any], let version = top["version"] as? String, version.contains("jsonfeed.org"),
            let items = top["items"] as? [Any]
        else {
            throw FeedParseError(reason: .notAFeed, url: baseURL?.absoluteString, detail: "JSON without a jsonfeed.org version and items")
        }
        var feed = Feed(format: .jsonFeed, title: Self.string(top["title"]))
        for case let item as [String: Any] in items {
            guard let raw = Self.string(item["url"]) ?? Self.string(item["external_url"]),
                let url = URL(string: raw, relativeTo: baseURL)?.absoluteURL, ["http", "https"].contains(url.scheme?.lowercased() ?? "")
            else { continue }
            let authors = (item["authors"] as? [Any])?.first ?? item["author"]
            let date = (Self.string(item["date_published"]) ?? Self.string(item["date_modified"])).flatMap(FeedDate.day)
            feed.entries.append(
                FeedEntry(
                    link: url.absoluteString, title: Self.string(item["title"]), published: date,
                    author: Self.string((authors as? [String: Any])?["name"]),
                    summary: Self.string(item["summary"]) ?? Self.string(item["content_text"])))
        }
        return feed
    }

    static func string(_ value: Any?) -> String? {
        guard let s = (value as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return s
    }
}
