public import CronistaCore

/// The standard analysis pipeline with its shared, read-only resources (model, lexicons, KB),
/// loaded once and used by every document, from every thread.
public struct Engine: Sendable {
    /// Where the engine's resources come from; `nil` means the embedded defaults.
    public struct Options: Sendable {
        public var nerModelPath: String?
        /// A second knowledge-base file (same JSON Lines format) with the user's own entities.
        public var kbExtraPath: String?
        /// The knowledge base to use instead of the bundled one (nil: bundled plus `kbExtraPath`).
        public var knowledgeBase: KnowledgeBase?
        public init(nerModelPath: String? = nil, kbExtraPath: String? = nil, knowledgeBase: KnowledgeBase? = nil) {
            self.nerModelPath = nerModelPath
            self.kbExtraPath = kbExtraPath
            self.knowledgeBase = knowledgeBase
        }
    }

    public let pipeline: Pipeline

    public init(options: Options = Options()) throws {
        var components: [any PipelineComponent] = [TextLayerComponent()]
        components.append(NameMentionComponent(model: try NERModel.load(path: options.nerModelPath)))
        let kb = try options.knowledgeBase ?? KnowledgeBase.loadBundled(extraPaths: options.kbExtraPath.map { [$0] } ?? [])
        components.append(EntityComponent(kb: kb))
        components.append(QuoteExtractor(lexicon: try QuoteLexicon.bundled()))
        pipeline = try Pipeline(components)
    }

    public func analyze(_ input: DocumentInput) throws -> Document {
        try pipeline.analyze(id: input.id, text: input.text, metadata: input.metadata)
    }
}
