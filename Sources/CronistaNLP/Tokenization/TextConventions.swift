/// Writing conventions of a language that the text layer follows only for documents in that
/// language (``LanguageRules/textConventions``), so that turning one on for English cannot change
/// how an Italian text is cut.
public struct TextConventions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A plural possessive's apostrophe is a token of its own (`the leaders'` → `leaders` `'`), as
    /// `'s` is; without it a word-final apostrophe stays with its word (Italian `po'`).
    public static let pluralPossessive = TextConventions(rawValue: 1 << 0)
    /// A wire-copy dateline at the start of a paragraph (`MOSCOW (AP) —`, `WASHINGTON, March 3
    /// (Reuters) -`) is a sentence of its own, so it does not glue to the article's first sentence.
    public static let datelines = TextConventions(rawValue: 1 << 1)
}
