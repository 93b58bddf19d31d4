public import CronistaCore

/// One thing a source yields: a document, or a failure naming its file, line or byte offset (the
/// source goes on with the next document after a failure).
public enum SourceItem: Sendable {
    case document(DocumentInput)
    case failure(CronistaError)
}

/// Where documents come from. Files and standard input are ``InputSource``, documents already in
/// memory ``DocumentList``; web pages, feeds and URLs plug in as further conformances, and every
/// consumer (``ParallelAnalysis``, ``Ingestion``, the CLI, the server) takes any of them.
///
/// A source is pulled from one thread at a time and should keep memory bounded: one document (or
/// one buffer) at a time, not the whole input.
public protocol DocumentSource {
    /// The next document or failure, or `nil` when the source is exhausted.
    mutating func next() -> SourceItem?
    /// The size of the whole input in bytes, when known in advance (for an ETA); `nil` otherwise.
    var totalBytes: Int? { get }
}

extension DocumentSource {
    public var totalBytes: Int? { nil }
}

/// Documents already in memory (a request body, a test), in order.
public struct DocumentList: DocumentSource, Sendable {
    private var items: [SourceItem]
    private var index = 0

    public init(_ documents: [DocumentInput]) { items = documents.map { .document($0) } }
    public init(items: [SourceItem]) { self.items = items }

    public mutating func next() -> SourceItem? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}
