public import CronistaCore

/// Clusters every mention of a person, organisation or place in a document and links the
/// clusters to the knowledge base.
///
/// 1. Name mentions (from NER) are grouped: same fold key; a person's surname, first name or
///    initial form with the full name (`Lukashenko`, `A. Lukashenko` ↔ `Aleksander Lukashenko`);
///    acronyms with their expansion (`Onu` ↔ `Organizzazione delle Nazioni Unite`).
/// 2. Each group is linked with the article's date (``KnowledgeBase/candidates(for:type:date:)``);
///    groups linked to the same entity merge (`Ap` ↔ `Associated Press`).
/// 3. Descriptions (`il presidente bielorusso`, `il leader di Minsk`, `il capo della diplomazia
///    francese`) are added as `nominal` mentions when an apposition or a KB role held by an entity
///    of the document resolves them; `il quale` right after a person is added as a `pronoun`.
///
/// Precision first: a name the KB lacks, or cannot tell apart, stays unlinked.
public struct EntityComponent: PipelineComponent {
    public let name = "entities"
    public let requires: AnnotationLayers = [.mentions]
    public let assigns: AnnotationLayers = [.entities]

    public let kb: KnowledgeBase
    let packs: LanguagePacks
    /// Each pack's role vocabulary, by language code.
    let roles: [String: RoleLexicon]

    /// The language of documents without a language layer (built by hand, not by the text layer).
    let defaultLanguage: String?

    /// Entities in the languages of `packs` that have entity words; other documents get none.
    /// A document without a language layer is read in `defaultLanguage`, if given.
    public init(kb: KnowledgeBase, packs: LanguagePacks, defaultLanguage: String? = nil) {
        self.kb = kb
        self.packs = packs
        self.defaultLanguage = defaultLanguage
        var roles: [String: RoleLexicon] = [:]
        for (code, p) in packs.packs {
            if let w = p.entityWords { roles[code] = RoleLexicon(kb: kb, words: w) }
        }
        self.roles = roles
    }

    /// Entities with the bundled language packs; a document without a language layer is read as
    /// Italian (the linking evaluation and `cronista kb eval` build such documents from Italian gold).
    public init(kb: KnowledgeBase) {
        self.init(kb: kb, packs: LanguagePacks.bundledWithoutModels, defaultLanguage: "it")
    }

    public func process(_ document: inout Document) throws {
        let language = document.layers.contains(.language) ? document.language : defaultLanguage ?? document.language
        guard let words = packs[language]?.entityWords, let roles = roles[language] else {
            document.entities = []
            return
        }
        // Names cut at their particles (`Ursula` + `Leyen`) are whole before anything else reads them.
        document.mentions = joiningParticleNames(document.mentions.sorted { $0.range < $1.range }, text: document.text, words: words)
        let acronyms = acronymMentions(in: document)
        // EntityWork sorts the mentions by position itself.
        document.mentions += acronyms
        var work = EntityWork(document: document, kb: kb, roles: roles, words: words)
        work.countryAdjectiveBeforeHead = packs[language]?.rules.countryAdjectiveBeforeHead ?? false
        work.run()
        work.write(into: &document)
    }
}

/// A cluster of mentions under construction.
struct EntityCluster {
    /// Indices of name mentions in the document's original mention list.
    var names: [Int] = []
    var type: EntityType
    /// Linked KB entity index.
    var kb: Int?
    /// Descriptions and pronouns added to the cluster.
    var added: [Mention] = []
    /// Whether the cluster is still alive (false once merged into another).
    var alive = true
}

/// The per-document state of ``EntityComponent``.
struct EntityWork {
    let kb: KnowledgeBase
    let roles: RoleLexicon
    /// The document language's description and role words.
    let entityWords: EntityWords
    let text: String
    let date: KBDate?
    var mentions: [Mention]
    /// Fold key of each mention (names only; empty for others).
    var keys: [String]
    /// Each mention's fold key as a number, equal for equal keys (interned per document), so that
    /// grouping by key compares integers instead of hashing strings again and again.
    var keyIDs: [Int32]
    /// A mention of each key number (`keys[keyMention[id]]` is that key).
    var keyMention: [Int]
    /// How many words each mention's fold key has (the key's words are separated by single spaces;
    /// ``words(_:)`` splits them where they are needed, not for every mention).
    var wordCounts: [Int]
    var clusters: [EntityCluster] = []
    /// Cluster of each original mention (-1 for mentions that are not names).
    var clusterOf: [Int]
    let wordTable: WordTable
    /// The language writes a country adjective before the role head (`the Belarusian leader`).
    var countryAdjectiveBeforeHead = false
    /// Where each sentence starts (UTF-8 offsets, ascending); empty without a sentence layer.
    let sentenceStarts: [UInt32]

    init(document: Document, kb: KnowledgeBase, roles: RoleLexicon, words: EntityWords) {
        self.kb = kb
        self.roles = roles
        self.entityWords = words
        self.text = document.text
        self.date = document.metadata.published.flatMap { KBDate($0) }
        // Sorted by start (NER writes them in order), which the nearest-mention look-ups rely on.
        self.mentions = document.mentions.sorted { $0.range < $1.range }
        keys = []
        wordCounts = []
        keyIDs = []
        keyMention = []
        keys.reserveCapacity(mentions.count)
        wordCounts.reserveCapacity(mentions.count)
        keyIDs.reserveCapacity(mentions.count)
        var idOfKey: [String: Int32] = [:]
        for (i, m) in mentions.enumerated() {
            let k = m.form == .name ? NameFolding.fold(document.text(in: m.range)) : ""
            if let id = idOfKey[k] {
                keyIDs.append(id)
            } else {
                let id = Int32(keyMention.count)
                idOfKey[k] = id
                keyIDs.append(id)
                keyMention.append(i)
            }
            keys.append(k)
            wordCounts.append(Self.wordCount(k))
        }
        clusterOf = [Int](repeating: -1, count: mentions.count)
        wordTable = WordTable(document.text)
        sentenceStarts = document.sentences.map(\.range.startUTF8)
    }

    mutating func run() {
        fixTypeConflicts()
        clusterNames()
        linkClusters()
        mergeLinkedClusters()
        addDescriptions()
        addSubjectPronouns()
    }

    // MARK: Output

    /// Writes the mentions (names plus added descriptions and pronouns, sorted by position) and the entities.
    func write(into document: inout Document) {
        // Original mentions keep their relative order; added ones are merged in by position.
        var all: [(Mention, Int)] = []  // (mention, cluster or -1)
        all.reserveCapacity(mentions.count + 8)
        for (i, m) in mentions.enumerated() { all.append((m, clusterOf[i])) }
        for (c, cl) in clusters.enumerated() where cl.alive {
            for m in cl.added { all.append((m, c)) }
        }
        // Stable sort by (start, end).
        let order = all.indices.sorted { a, b in
            let ra = all[a].0.range, rb = all[b].0.range
            if ra != rb { return ra < rb }
            return a < b
        }
        var newMentions: [Mention] = []
        newMentions.reserveCapacity(all.count)
        var members: [Int: [Int]] = [:]
        for i in order {
            let (m, c) = all[i]
            if c >= 0 { members[c, default: []].append(newMentions.count) }
            newMentions.append(m)
        }
        var entities: [Entity] = []
        let liveClusters = clusters.indices.filter { clusters[$0].alive && !(members[$0]?.isEmpty ?? true) }
        let sortedClusters = liveClusters.sorted { (members[$0]![0]) < (members[$1]![0]) }
        for c in sortedClusters {
            let cl = clusters[c]
            entities.append(
                Entity(
                    type: cl.type, name: displayName(cl), kb: cl.kb.map { kb.entities[$0].id },
                    mentions: members[c]!))
        }
        document.mentions = newMentions
        document.entities = entities
    }

    /// The fullest name form in the document: most words, then longest, then first. For a linked
    /// entity whose form is a KB name spelled otherwise (accents, case: `Stèphane Sèjournè` for
    /// `Stéphane Séjourné`), the KB's spelling; the text's form stays in the mentions. A form the KB
    /// does not have as a name (another transliteration, `Aleksander Lukashenko`) is kept.
    func displayName(_ cl: EntityCluster) -> String {
        var best = -1
        for i in cl.names {
            if best < 0 { best = i; continue }
            let (wi, wb) = (wordCounts[i], wordCounts[best])
            if wi > wb || (wi == wb && mentions[i].range.count > mentions[best].range.count) { best = i }
        }
        if best < 0 { return cl.kb.map { kb.entities[$0].displayName } ?? "" }
        let form = String(substring(mentions[best].range))
        if let e = cl.kb {
            let entity = kb.entities[e]
            for language in KBEntity.ordered(entity.names.keys) {
                for name in entity.names[language] ?? [] where NameFolding.fold(name) == keys[best] { return name }
            }
            // A person the article names by surname only (`il ministro Tajani`): the KB's full name.
            if cl.type == .person, wordCounts[best] == 1, NameFolding.fold(entity.displayName).hasSuffix(" " + keys[best]) {
                return entity.displayName
            }
        }
        return form
    }

    /// The words of mention `i`'s fold key.
    func words(_ i: Int) -> [Substring] { keys[i].split(separator: " ") }

    /// `key.split(separator: " ").count`, without building the array.
    static func wordCount(_ key: String) -> Int {
        var n = 0
        var inWord = false
        for c in key {
            if c == " " { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    func substring(_ r: TextRange) -> Substring {
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: Int(r.startUTF8))
        let b = u.index(a, offsetBy: r.count)
        return text[a..<b]
    }
}
