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

    public init() {}

    public func process(_ document: inout Document) throws {
        if let declared = document.metadata.declaredLanguage, !declared.isEmpty {
            document.language = declared
        } else {
            document.language = identifier.identify(document.text)
        }
        document.tokens = tokenizer.tokenize(document.text)
        document.sentences = splitter.split(document.text, tokens: document.tokens)
    }
}
