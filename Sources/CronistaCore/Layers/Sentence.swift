/// A sentence: a run of tokens and the text range from its first token's start to its last's end.
public struct Sentence: Hashable, Sendable {
    public var tokens: Range<Int32>
    public var range: TextRange

    public init(tokens: Range<Int32>, range: TextRange) {
        self.tokens = tokens
        self.range = range
    }

    public var tokenRange: Range<Int> { Int(tokens.lowerBound)..<Int(tokens.upperBound) }
}
