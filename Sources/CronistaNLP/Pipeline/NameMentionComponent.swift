public import CronistaCore

/// Finds the names of people, organisations and places: runs the statistical tagger (``NERModel``)
/// of the document's language on each sentence of the document's tokens and writes one `.name`
/// mention per tagged span, with the tagger's confidence. A language without a model gets none. The
/// pack's conventions bound the names (``NameConventions``: `Ms [Pugh]`, `[Andre Price III]`).
public struct NameMentionComponent: PipelineComponent {
    public let name = "ner"
    public let requires: AnnotationLayers = [.tokens, .sentences]
    public let assigns: AnnotationLayers = [.mentions]
    /// The model for every document, whatever its language (``init(model:)``), if given.
    public let model: NERModel?
    /// Models by language code, each parsed on its language's first document.
    let models: [String: LanguagePack.LazyNERModel]
    /// Each pack's name conventions, by language code (only the packs that have any).
    let conventions: [String: NameConventions]

    /// One model for every document, whatever its language (the `cronista ner` tool's use).
    public init(model: NERModel) {
        self.model = model
        models = [:]
        conventions = [:]
    }

    /// The model of each document's language pack.
    public init(packs: LanguagePacks) {
        model = nil
        models = packs.packs.compactMapValues(\.lazyNERModel)
        conventions = packs.packs.mapValues(\.nameConventions).filter { !$0.value.isEmpty }
    }

    public func process(_ document: inout Document) throws {
        guard let model = try model ?? models[document.language]?.model() else {
            document.mentions = []
            return
        }
        var tagger = NERTagger(model: model)
        var mentions: [Mention] = []
        let tokens = document.tokens
        let sentences = document.sentences.filter { !$0.tokenRange.isEmpty }
        func run(_ text: UnsafeBufferPointer<UInt8>) {
            // The whole document at once: the model's second stage looks at the neighbouring sentences.
            tagger.tagDocument(sentences: sentences.count) { s, ws in
                let r = sentences[s].tokenRange
                ws.begin(count: r.count)
                for (i, k) in r.enumerated() {
                    ws.setToken(i, utf8: UnsafeBufferPointer(rebasing: text[Int(tokens.starts[k])..<Int(tokens.ends[k])]))
                }
            }
            let conventions = conventions[document.language] ?? .none
            for (s, sentence) in sentences.enumerated() {
                let r = sentence.tokenRange
                tagger.applyNameConventions(conventions, sentence: s) { i in
                    UnsafeBufferPointer(rebasing: text[Int(tokens.starts[r.lowerBound + i])..<Int(tokens.ends[r.lowerBound + i])])
                }
                let base = tagger.documentStarts[s]
                var i = 0
                while i < r.count {
                    let tag = NERTag(rawValue: tagger.documentTags[base + i])
                    guard let type = tag.type else { i += 1; continue }
                    var j = i + 1
                    while j < r.count, NERTag(rawValue: tagger.documentTags[base + j]) == NERTag(inside: type) { j += 1 }
                    let range = TextRange(startUTF8: tokens.starts[r.lowerBound + i], endUTF8: tokens.ends[r.lowerBound + j - 1])
                    mentions.append(
                        Mention(range: range, type: type, form: .name, confidence: tagger.documentConfidence((base + i)..<(base + j))))
                    i = j
                }
            }
        }
        if document.text.utf8.withContiguousStorageIfAvailable(run) == nil {
            let bytes = Array(document.text.utf8)
            bytes.withUnsafeBufferPointer(run)
        }
        document.mentions = mentions
    }
}
