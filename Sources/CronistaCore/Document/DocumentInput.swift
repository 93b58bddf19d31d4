/// One input document before analysis, with where it came from (for error messages).
public struct DocumentInput: Sendable {
    public var id: String
    public var text: String
    public var metadata: DocumentMetadata
    /// `file` or `file:line`, for messages.
    public var origin: String

    public init(id: String, text: String, metadata: DocumentMetadata = DocumentMetadata(), origin: String) {
        self.id = id
        self.text = text
        self.metadata = metadata
        self.origin = origin
    }
}
