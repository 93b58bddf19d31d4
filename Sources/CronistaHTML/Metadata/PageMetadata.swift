/// What a page says about itself: title, publication date, author, site, canonical URL and language.
public struct PageMetadata: Sendable, Equatable {
    public var title: String?
    /// The publication date as `YYYY-MM-DD`.
    public var published: String?
    public var author: String?
    public var siteName: String?
    public var canonicalURL: String?
    /// The language tag of `<html lang>` (lowercased, e.g. `it`, `en-gb`).
    public var language: String?

    public init(
        title: String? = nil, published: String? = nil, author: String? = nil, siteName: String? = nil, canonicalURL: String? = nil,
        language: String? = nil
    ) {
        self.title = title
        self.published = published
        self.author = author
        self.siteName = siteName
        self.canonicalURL = canonicalURL
        self.language = language
    }
}
