/// How a store groups documents into stories at ingest, the same way in every backend: a new
/// document joins the story of its most similar stored document (by ``StorySignature/similarity(_:)``)
/// when that similarity reaches ``threshold``; otherwise it starts a story of its own.
///
/// The store gives, for each new document, the stored documents that share a band key with it
/// (``StorySignature/bandKeys``), and ``assign(_:candidates:)`` decides; documents earlier in the
/// same batch are candidates too, so a batch holding both copies groups them.
public enum StoryGrouping {
    /// The estimated Jaccard similarity of 3-shingles from which two documents are one story.
    /// Chosen on the set `scripts/eval-stories.py` builds (rewrites of KIND Wikinews articles
    /// against articles sharing their named entities): rewrites sit well above it, other articles
    /// on the same topic well below.
    public static let threshold = 0.3

    /// A stored document that shares a band with a new one.
    public struct Candidate<Story: Hashable & Sendable>: Sendable {
        public var story: Story
        public var signature: StorySignature
        public init(story: Story, signature: StorySignature) {
            self.story = story
            self.signature = signature
        }
    }

    /// The story of each new document, in batch order.
    ///
    /// - Parameters:
    ///   - batch: each new document's story id if it starts a story (its own id), and its signature.
    ///   - candidates: for each new document (same index), the stored documents sharing a band.
    /// - Returns: for each new document, the story it belongs to: the story of its most similar
    ///   candidate or earlier batch document at or above ``threshold`` (ties to the first
    ///   found), else its own.
    public static func assign<Story: Hashable & Sendable>(
        _ batch: [(own: Story, signature: StorySignature)], candidates: [[Candidate<Story>]]
    ) -> [Story] {
        precondition(candidates.count == batch.count, "one candidate list per document")
        var stories: [Story] = []
        stories.reserveCapacity(batch.count)
        // Band key → indices of earlier batch documents with it.
        var earlier: [Int64: [Int]] = [:]
        for (i, doc) in batch.enumerated() {
            var best = threshold
            var story = doc.own
            var found = false
            for c in candidates[i] {
                let s = doc.signature.similarity(c.signature)
                if s >= best && (!found || s > best) {
                    best = s
                    story = c.story
                    found = true
                }
            }
            let keys = doc.signature.bandKeys
            var seen = Set<Int>()
            for k in keys {
                for j in earlier[k, default: []] where seen.insert(j).inserted {
                    let s = doc.signature.similarity(batch[j].signature)
                    if s >= best && (!found || s > best) {
                        best = s
                        story = stories[j]
                        found = true
                    }
                }
            }
            for k in keys { earlier[k, default: []].append(i) }
            stories.append(story)
        }
        return stories
    }
}
