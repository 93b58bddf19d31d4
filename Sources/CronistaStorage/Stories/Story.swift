/// The near-duplicate group a document belongs to (``StoryGrouping``): copies and light rewrites
/// of one article across outlets.
public struct Story: Hashable, Sendable {
    /// The story's key in its store (opaque; the same for every document of the story).
    public var id: String
    /// How many stored documents the story holds, the asked-about one included.
    public var size: Int
    /// Its documents, earliest `published` first (undated last, then by id), at most the limit
    /// asked for.
    public var documents: [DocumentHit]
    public init(id: String, size: Int, documents: [DocumentHit]) {
        self.id = id
        self.size = size
        self.documents = documents
    }

    /// The story's documents other than `documentID`.
    public func others(than documentID: String) -> [DocumentHit] { documents.filter { $0.id != documentID } }
}
