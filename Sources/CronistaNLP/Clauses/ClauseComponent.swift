public import CronistaCore

/// The clause layer: per sentence, the verb groups (auxiliaries, modal, clitics, negation, the
/// lexical verb and its lemma), their subject (overt, or inherited for pro-drop), object, passive
/// agent, complement clause (`che …`, `di` + infinitive, in Italian) and coordination.
///
/// Generic in shape, language-specific in its rules: every word it tests is a class of the
/// document's ``LanguagePack`` (`auxiliary`, `complementiser`, `agentPreposition`, …), and word
/// shapes come from the pack's ``LanguageRules``. A language without a pack gets no clauses.
public struct ClauseComponent: PipelineComponent {
    public let name = "clauses"
    public let requires: AnnotationLayers = [.tokens, .sentences, .mentions]
    public let assigns: AnnotationLayers = [.clauses]
    let packs: LanguagePacks

    public init(packs: LanguagePacks) {
        self.packs = packs
    }

    public func process(_ document: inout Document) throws {
        guard document.tokens.count > 0, let pack = packs[document.language] else {
            document.clauses = []
            return
        }
        let forms = ClauseContext.forms(of: &document)
        document.clauses = ClauseContext(document, pack: pack, forms: forms).clauses()
    }
}
