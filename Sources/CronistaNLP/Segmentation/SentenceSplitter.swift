public import CronistaCore

/// PLACEHOLDER (to be replaced by the real splitter): one sentence for the whole text.
public struct SentenceSplitter: Sendable {
    public init() {}

    /// Splits the tokens of `text` into sentences, ordered and non-overlapping.
    public func split(_ text: String, tokens: TokenTable) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        return [Sentence(tokens: 0..<Int32(tokens.count), range: TextRange(startUTF8: tokens.starts[0], endUTF8: tokens.ends[tokens.count - 1]))]
    }
}
