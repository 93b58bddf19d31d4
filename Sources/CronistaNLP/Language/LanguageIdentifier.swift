/// PLACEHOLDER (to be replaced by the real identifier).
public struct LanguageIdentifier: Sendable {
    public init() {}

    /// The ISO 639-1 code of the text's language, or `und`.
    public func identify(_ text: String) -> String { "und" }
}
