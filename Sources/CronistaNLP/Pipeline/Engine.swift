public import CronistaCore

/// The standard analysis pipeline with its shared, read-only resources (language packs with their
/// models and lexicons, KB), loaded once and used by every document, from every thread.
///
/// Each document is analysed with the pack of its language (``Document/language``): a language
/// without a pack gets tokens, sentences and its language label, and empty mention, entity,
/// clause and quote layers.
public struct Engine: Sendable {
    /// Where the engine's resources come from; `nil` means the embedded defaults.
    public struct Options: Sendable {
        /// The Italian NER model to use instead of the bundled one.
        public var nerModelPath: String?
        /// A second knowledge-base file (same JSON Lines format) with the user's own entities.
        public var kbExtraPath: String?
        /// The knowledge base to use instead of the bundled one (nil: bundled plus `kbExtraPath`).
        public var knowledgeBase: KnowledgeBase?
        /// The language packs to use instead of the bundled ones.
        public var packs: LanguagePacks?
        /// Whether to fill the clause layer (``Document/clauses``). Off by default: no output
        /// reads it yet (quote extraction shares its machinery, not the layer), so it would only cost time.
        public var clauses: Bool
        /// Whether to fill the `times` layer and each quote's date (on by default).
        public var times: Bool
        /// Whether to fill the events layer (``Document/events``); on by default.
        public var events: Bool
        public init(
            nerModelPath: String? = nil, kbExtraPath: String? = nil, knowledgeBase: KnowledgeBase? = nil,
            packs: LanguagePacks? = nil, clauses: Bool = false, times: Bool = true, events: Bool = true
        ) {
            self.nerModelPath = nerModelPath
            self.kbExtraPath = kbExtraPath
            self.knowledgeBase = knowledgeBase
            self.packs = packs
            self.clauses = clauses
            self.times = times
            self.events = events
        }
    }

    public let pipeline: Pipeline
    public let packs: LanguagePacks

    public init(options: Options = Options()) throws {
        let packs = try options.packs ?? LanguagePacks.bundled(nerModelPath: options.nerModelPath)
        self.packs = packs
        var components: [any PipelineComponent] = [TextLayerComponent(packs: packs)]
        components.append(NameMentionComponent(packs: packs))
        let kb = try options.knowledgeBase ?? KnowledgeBase.loadBundled(extraPaths: options.kbExtraPath.map { [$0] } ?? [])
        components.append(EntityComponent(kb: kb, packs: packs))
        if options.clauses { components.append(ClauseComponent(packs: packs)) }
        components.append(QuoteExtractor(packs: packs))
        // Whom each quote is about: a step of its own over the finished quotes and entities.
        components.append(QuoteAboutComponent(kb: kb, packs: packs))
        // Time expressions and each quote's date (after the quotes; an events step reads the times).
        if options.times { components.append(TimeComponent(packs: packs)) }
        // PLOVER events over the finished quotes and entities (spec/event-guidelines.md).
        if options.events { components.append(try EventComponent(packs: packs, kb: kb)) }
        pipeline = try Pipeline(components)
    }

    public func analyze(_ input: DocumentInput) throws -> Document {
        try pipeline.analyze(id: input.id, text: input.text, metadata: input.metadata)
    }
}
