/// Per-token properties the tokenizer knows, packed in one byte.
public struct TokenFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Whitespace follows the token in the original text.
    public static let spaceAfter = TokenFlags(rawValue: 1 << 0)
    /// A line break lies between this token and the next.
    public static let newlineAfter = TokenFlags(rawValue: 1 << 1)
    /// A blank line (paragraph break) lies between this token and the next.
    public static let paragraphAfter = TokenFlags(rawValue: 1 << 2)
    public static let punctuation = TokenFlags(rawValue: 1 << 3)
    /// A quotation mark of any style (`"`, `“`, `”`, `«`, `»`, `‘`, `’` used as a mark, `„`).
    public static let quoteMark = TokenFlags(rawValue: 1 << 4)
    public static let number = TokenFlags(rawValue: 1 << 5)
    /// Starts with an upper-case letter.
    public static let capitalized = TokenFlags(rawValue: 1 << 6)
    /// An elided article or preposition ending in an apostrophe: `l'`, `dell’`, `un'`.
    public static let elision = TokenFlags(rawValue: 1 << 7)
    public static let url = TokenFlags(rawValue: 1 << 8)
    public static let email = TokenFlags(rawValue: 1 << 9)
    /// A hashtag or an @mention.
    public static let social = TokenFlags(rawValue: 1 << 10)
    public static let emoji = TokenFlags(rawValue: 1 << 11)
    /// Sentence-final punctuation: `.`, `!`, `?`, `…` (and runs of them).
    public static let terminal = TokenFlags(rawValue: 1 << 12)
    /// A known abbreviation ending in a period (`Sig.`, `dott.`, `U.S.A.`).
    public static let abbreviation = TokenFlags(rawValue: 1 << 13)
    public static let word = TokenFlags(rawValue: 1 << 14)
}

/// The tokens of a document as parallel arrays (struct-of-arrays, like spaCy's `TokenC` array).
public struct TokenTable: Sendable {
    public var starts: [UInt32] = []
    public var ends: [UInt32] = []
    public var flags: [TokenFlags] = []

    public init() {}

    @inlinable public var count: Int { starts.count }
    @inlinable public var isEmpty: Bool { starts.isEmpty }

    @inlinable
    public func range(_ i: Int) -> TextRange { TextRange(startUTF8: starts[i], endUTF8: ends[i]) }

    @inlinable
    public mutating func append(_ r: TextRange, _ f: TokenFlags) {
        starts.append(r.startUTF8)
        ends.append(r.endUTF8)
        flags.append(f)
    }

    public mutating func reserveCapacity(_ n: Int) {
        starts.reserveCapacity(n)
        ends.reserveCapacity(n)
        flags.reserveCapacity(n)
    }

    /// Index of the first token whose end is after `offset` (binary search).
    public func firstToken(endingAfter offset: UInt32) -> Int {
        ends[..<count].partitioningIndex { $0 > offset }
    }
}
