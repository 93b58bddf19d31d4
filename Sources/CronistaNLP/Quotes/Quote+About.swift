public import CronistaCore

/// Fills each quote's ``CronistaCore/Quote/about``: whom its content speaks of. A step of its own
/// after quote extraction, over the finished quotes and entities, so that it does not depend on
/// how the quotes were found.
///
/// A quote is about every entity with a mention inside its content span (a name, a description
/// or a pronoun the entity layer resolved), each once, in the order of its first mention there.
/// The speaker's own mention is never counted, nor a pronoun of the speaker's (a self-reference),
/// but the speaker named in the content is, nor anything in an attribution that interrupts the
/// content (`"X," Bennett told reporters at City Hall. "Y."`: ``CronistaCore/Document/interruptingAttribution(of:)``).
/// With a knowledge base, a country adjective or demonym
/// in the content that lies in no mention (`i francesi`, `l'ambasciatore francese`) counts for its
/// country when the country is an entity of the document (the entity layer links it); the
/// language's rules give the base form of an inflected one (Italian `francesi` → `francese`).
///
/// ```swift
/// var doc = try engine.analyze(input)   // the engine runs this step after the quotes
/// doc.quotes[2].about                    // [4, 2, 11] on the seed: Bielorussia, Vladimir Putin, Europa
/// ```
public struct QuoteAboutComponent: PipelineComponent {
    public let name = "about"
    public let requires: AnnotationLayers = [.mentions, .entities, .quotes]
    public let assigns: AnnotationLayers = []
    /// Each pack language's country adjectives and demonyms, built once.
    let demonyms: [String: DemonymTable]

    /// - Parameters:
    ///   - kb: resolves demonyms to countries; `nil` counts mentions only.
    ///   - packs: the languages whose demonyms count, with their rules for inflected forms.
    public init(kb: KnowledgeBase?, packs: LanguagePacks?) {
        var demonyms: [String: DemonymTable] = [:]
        if let kb, let packs {
            for (code, pack) in packs.packs { demonyms[code] = DemonymTable(kb: kb, language: code, rules: pack.rules) }
        }
        self.demonyms = demonyms
    }

    public func process(_ document: inout Document) throws {
        document.deriveQuoteAbout(demonyms: demonyms[document.language])
    }
}

/// A language's country adjectives and demonyms (``KBEntity/adjectives``, with the inflected
/// forms the language's rules give: Italian `francese` → `francesi`), folded as the knowledge base
/// folds names, each to its country's KB id. Looked up with a caller's buffer, so a word of a
/// quote costs no allocation.
struct DemonymTable: Sendable {
    var countries: [[UInt8]: String] = [:]

    init(kb: KnowledgeBase, language: String, rules: any LanguageRules) {
        for e in kb.entities {
            for adjective in e.adjectives(in: language) {
                let base = NameFolding.fold(adjective)
                for form in [base] + rules.adjectiveForms(base) where !form.isEmpty && !form.contains(" ") {
                    // The first country listed keeps a form two countries share.
                    if countries[Array(form.utf8)] == nil { countries[Array(form.utf8)] = e.id }
                }
            }
        }
    }

    /// The KB id of the country `word` names as an adjective or demonym, or `nil`.
    func country(_ word: Substring, scratch: inout [UInt8]) -> String? {
        scratch.removeAll(keepingCapacity: true)
        NameFolding.append(word, to: &scratch)
        return countries[scratch]
    }
}

extension Document {
    /// Sets every quote's ``CronistaCore/Quote/about`` from the mentions inside its content (see
    /// ``QuoteAboutComponent``); with `demonyms`, also from the country adjectives in its tokens.
    /// Without tokens (a document read back from its JSON), mentions only.
    mutating func deriveQuoteAbout(demonyms: DemonymTable? = nil) {
        guard !quotes.isEmpty else { return }
        var entityOf = [Int](repeating: -1, count: mentions.count)
        for (e, entity) in entities.enumerated() {
            for m in entity.mentions where m >= 0 && m < mentions.count && entityOf[m] < 0 { entityOf[m] = e }
        }
        // Mentions by start: the layer is sorted by position (then no index array is built); a
        // hand-built one may not be.
        let inOrder = zip(mentions, mentions.dropFirst()).allSatisfy { !($1.range < $0.range) }
        let sortedIndices = inOrder ? [] : mentions.indices.sorted { mentions[$0].range < mentions[$1].range }
        let order = MentionOrder(identity: inOrder, sorted: sortedIndices, count: mentions.count)
        // The document entity of each KB id (the first, as the entity list has one per id).
        var entityOfKB: [String: Int] = [:]
        if demonyms != nil {
            for (e, entity) in entities.enumerated() {
                if let kb = entity.kb, entityOfKB[kb] == nil { entityOfKB[kb] = e }
            }
        }
        var scratch: [UInt8] = []
        // (position of a mention, entity) in one quote, then sorted by position.
        var found: [(start: UInt32, entity: Int)] = []
        for qi in quotes.indices {
            let q = quotes[qi]
            found.removeAll(keepingCapacity: true)
            let attribution = interruptingAttribution(of: q)
            func inAttribution(_ r: TextRange) -> Bool {
                attribution.map { r.startUTF8 >= $0.startUTF8 && r.endUTF8 <= $0.endUTF8 } ?? false
            }
            var i = order.partitioningIndex { mentions[$0].range.startUTF8 >= q.content.startUTF8 }
            while i < order.count, mentions[order[i]].range.startUTF8 < q.content.endUTF8 {
                let m = mentions[order[i]]
                let e = entityOf[order[i]]
                i += 1
                guard e >= 0, m.range.endUTF8 <= q.content.endUTF8, !inAttribution(m.range) else { continue }
                if let s = q.speaker {
                    if s.range == m.range { continue }
                    if s.entity == e && m.form == .pronoun { continue }
                }
                found.append((m.range.startUTF8, e))
            }
            if let demonyms, !entityOfKB.isEmpty, tokens.count > 0 {
                var t = tokens.firstToken(endingAfter: q.content.startUTF8)
                // Mentions starting at or before the token, and the furthest end among them.
                var j = order.partitioningIndex { mentions[$0].range.startUTF8 >= q.content.startUTF8 }
                var coveredTo: UInt32 = 0
                while t < tokens.count, tokens.starts[t] < q.content.endUTF8 {
                    defer { t += 1 }
                    let r = tokens.range(t)
                    guard r.startUTF8 >= q.content.startUTF8, r.endUTF8 <= q.content.endUTF8, tokens.flags[t].contains(.word),
                        !inAttribution(r)
                    else {
                        continue
                    }
                    // Words inside a mention belong to it (`il presidente bielorusso` is Lukashenko).
                    while j < order.count, mentions[order[j]].range.startUTF8 <= r.startUTF8 {
                        coveredTo = max(coveredTo, mentions[order[j]].range.endUTF8)
                        j += 1
                    }
                    if coveredTo >= r.endUTF8 { continue }
                    if let id = demonyms.country(text(in: r), scratch: &scratch), let e = entityOfKB[id] {
                        found.append((r.startUTF8, e))
                    }
                }
            }
            found.sort { $0.start != $1.start ? $0.start < $1.start : $0.entity < $1.entity }
            var about: [Int] = []
            for f in found where !about.contains(f.entity) { about.append(f.entity) }
            quotes[qi].about = about
        }
    }
}

/// The mentions in position order: the identity when the layer is sorted already (as the entity
/// layer leaves it), else a sorted index array.
private struct MentionOrder: RandomAccessCollection {
    let identity: Bool
    let sorted: [Int]
    let count: Int
    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(i: Int) -> Int { identity ? i : sorted[i] }
}
