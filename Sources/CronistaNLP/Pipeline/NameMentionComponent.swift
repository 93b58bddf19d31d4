public import CronistaCore

/// Finds the names of people, organisations and places: runs the statistical tagger (``NERModel``) on
/// each sentence of the document's tokens and writes one `.name` mention per tagged span, with the
/// tagger's confidence.
public struct NameMentionComponent: PipelineComponent {
    public let name = "ner"
    public let requires: AnnotationLayers = [.tokens, .sentences]
    public let assigns: AnnotationLayers = [.mentions]
    public let model: NERModel

    public init(model: NERModel) {
        self.model = model
    }

    public func process(_ document: inout Document) throws {
        var tagger = NERTagger(model: model)
        var mentions: [Mention] = []
        let tokens = document.tokens
        let sentences = document.sentences
        func run(_ text: UnsafeBufferPointer<UInt8>) {
            for sentence in sentences {
                let r = sentence.tokenRange
                guard !r.isEmpty else { continue }
                tagger.tagInPlace(text: text, starts: tokens.starts[r], ends: tokens.ends[r])
                var i = 0
                while i < r.count {
                    let tag = NERTag(rawValue: tagger.tags[i])
                    guard let type = tag.type else { i += 1; continue }
                    var j = i + 1
                    while j < r.count, NERTag(rawValue: tagger.tags[j]) == NERTag(inside: type) { j += 1 }
                    let range = TextRange(startUTF8: tokens.starts[r.lowerBound + i], endUTF8: tokens.ends[r.lowerBound + j - 1])
                    mentions.append(Mention(range: range, type: type, form: .name, confidence: tagger.confidence(i..<j)))
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
