public import CronistaCore

/// Language identification, tokenisation and sentence splitting: the text layer every other
/// component builds on.
public struct TextLayerComponent: PipelineComponent {
    public let name = "text"
    public let requires: AnnotationLayers = []
    public let assigns: AnnotationLayers = [.language, .tokens, .sentences]
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()
    let identifier = LanguageIdentifier()
    /// The writing conventions of each language with a pack (``LanguageRules/textConventions``).
    let conventions: [String: TextConventions]

    /// The text layer with no language's conventions: every document is cut the same way.
    public init() { conventions = [:] }

    /// The text layer that follows each pack's writing conventions for documents in its language.
    public init(packs: LanguagePacks) {
        conventions = packs.packs.compactMapValues { $0.rules.textConventions.isEmpty ? nil : $0.rules.textConventions }
    }

    public func process(_ document: inout Document) throws {
        if let declared = document.metadata.declaredLanguage, !declared.isEmpty {
            document.language = declared
        } else {
            document.language = identifier.identify(document.text)
        }
        let conventions = self.conventions[document.language] ?? []
        document.tokens = tokenizer.tokenize(document.text, conventions: conventions)
        document.sentences = splitter.split(document.text, tokens: document.tokens, conventions: conventions)
    }
}
