public import CronistaCore

/// The events layer: PLOVER 2.0 events (spec/event-guidelines.md) found from the language pack's
/// trigger lexicon (`event-triggers.tsv`), with source and target from the entity mentions around
/// the trigger, speech acts from the quotes, and later mentions of an event joined to it.
///
/// Precision first: a negated, conditional, hypothetical or purpose-only trigger gives nothing, and
/// an event without a source is dropped (PLOVER requires an actor).
public struct EventComponent: PipelineComponent {
    public let name = "events"
    public let requires: AnnotationLayers = [.tokens, .sentences, .mentions, .entities, .quotes]
    public let assigns: AnnotationLayers = [.events]
    let packs: LanguagePacks
    let cameo: CameoTable
    /// Tells which entities are countries (the jurisdiction of an agentless act of authority).
    let kb: KnowledgeBase?

    public init(packs: LanguagePacks, kb: KnowledgeBase? = nil) throws {
        self.packs = packs
        cameo = try CameoTable.bundled()
        self.kb = kb
    }

    package init(packs: LanguagePacks, cameo: CameoTable, kb: KnowledgeBase? = nil) {
        self.packs = packs
        self.cameo = cameo
        self.kb = kb
    }

    public func process(_ document: inout Document) throws {
        guard document.tokens.count > 0, let pack = packs[document.language], let lexicon = pack.eventLexicon else {
            document.events = []
            return
        }
        let forms = ClauseContext.forms(of: &document)
        let classes = ClauseContext.classes(of: &document, pack: pack, forms: forms)
        guard var finder = EventFinder.make(document, pack: pack, lexicon: lexicon, kb: kb, forms: forms, classes: classes) else {
            document.events = []
            return
        }
        var events = finder.find()
        for i in events.indices {
            if let p = cameo.project(type: events[i].type, mode: events[i].mode) {
                events[i].cameo = p.cameo
                events[i].quad = p.quad
            }
        }
        document.events = events
    }
}
