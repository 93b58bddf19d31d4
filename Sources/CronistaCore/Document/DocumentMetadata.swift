/// What a document says about itself besides its text (all optional, as in the input contract).
public struct DocumentMetadata: Hashable, Sendable {
    public var title: String?
    /// Publication date, `YYYY-MM-DD` (the input's `published`).
    public var published: String?
    public var source: String?
    public var url: String?
    /// The language the input declared, if any (an ISO 639-1 code).
    public var declaredLanguage: String?

    public init(title: String? = nil, published: String? = nil, source: String? = nil, url: String? = nil, declaredLanguage: String? = nil)
    {
        self.title = title
        self.published = published
        self.source = source
        self.url = url
        self.declaredLanguage = declaredLanguage
    }
}
