import CronistaCore
import Foundation

/// The words of one language that the entity step reads around names, from a pack's
/// `entity-words.txt` and `role-nouns.txt`: description articles and prepositions, relative
/// pronouns, the news-agency noun, role heads, acronym stop words.
package struct EntityWords: Sendable {
    /// The pack's language code: the KB's names and role labels in this language are used.
    let language: String
    let descriptionArticles: PackedWords
    let descriptionPrepositions: PackedWords
    let descriptionModifiers: PackedWords
    let relativeArticles: PackedWords
    let relativePronouns: PackedWords
    let agencyNouns: PackedWords
    /// Words that may follow the agency noun, in order (`di stampa`).
    let agencySuffix: [PackedWords]
    let placePrepositions: Set<String>
    let rolePrepositions: [String]
    let leaderNouns: Set<String>
    let acronymStopWords: Set<Substring>
    /// Particles inside personal names that are no ordinary word of the language (`von`, `der`,
    /// `bin`, `al`): a name after them starts at them.
    let nameParticles: Set<String>
    /// Particles that are name particles only when a hyphen joins them to the name (`al-Assad`).
    let hyphenatedNameParticles: Set<String>
    /// Particles inside names that are also ordinary words (`di`, `de`, `da`): they join two name
    /// mentions only when the knowledge base knows the whole name.
    let ambiguousNameParticles: Set<String>
    /// Personal pronouns that can be a sentence's subject and stand for a person (`lui`, `lei`).
    let subjectPronouns: PackedWords
    /// Words after which a subject pronoun may come inside a sentence (`e`, `ma`, `poi`).
    let subjectPronounOpeners: PackedWords
    /// Subject pronouns of one gender (`he`; `she`): they join only a person whose first name is not
    /// of the other (``firstNameGenders``).
    let malePronouns: PackedWords
    let femalePronouns: PackedWords
    /// First names (folded) and their usual gender, `true` for male (the pack's `first-names.tsv`).
    let firstNameGenders: [String: Bool]
    /// Role heads used in appositions even when no KB role uses them.
    let genericHeads: [String]
    /// The one-word role heads of three letters or fewer (`re`, `pm`): a noun phrase made of an
    /// article and one of them still names someone (`il pm ha chiesto`).
    let shortHeads: Set<String>
    /// What `il leader di X` may stand for.
    let leaderExpansions: [String]
    /// Articles and articulated prepositions that a town's name takes only as a club or team
    /// (`il Torino`, `dello Swansea`): a name right after one is not the city.
    let clubArticles: PackedWords
    /// Words right after a town's name that make it a club or team (`Swansea beat`, `the Swansea
    /// manager`): a name right before one is not the city.
    let clubFollowers: PackedWords
    /// How the names tagger's output is bounded: titles outside a person's name (`Ms [Pugh]`), suffixes
    /// in it, acronyms after an organisation's name.
    package let nameConventions: NameConventions

    enum Class: String, CaseIterable {
        case descriptionArticle = "description-article"
        case descriptionPreposition = "description-preposition"
        case descriptionModifier = "description-modifier"
        case relativeArticle = "relative-article"
        case relativePronoun = "relative-pronoun"
        case agencyNoun = "agency-noun"
        case agencySuffixPhrase = "agency-suffix-phrase"
        case placePreposition = "place-preposition"
        case rolePreposition = "role-preposition"
        case leaderNoun = "leader-noun"
        case acronymStopword = "acronym-stopword"
        case nameParticle = "name-particle"
        case nameParticleHyphenated = "name-particle-hyphenated"
        case nameParticleAmbiguous = "name-particle-ambiguous"
        case subjectPronoun = "subject-pronoun"
        case subjectPronounOpener = "subject-pronoun-opener"
        case subjectPronounMale = "subject-pronoun-male"
        case subjectPronounFemale = "subject-pronoun-female"
        case clubArticle = "club-article"
        case clubFollower = "club-follower"
        case nameHonorific = "name-honorific"
        case nameTitle = "name-title"
        case nameSuffix = "name-suffix"
        case acronymAfter = "acronym-after"
    }

    /// Parses the two files; a bad line throws ``LanguagePackError`` naming the file and line.
    package init(
        text: String, file: String, roleNouns: String, roleNounsFile: String, language: String, firstNames: String = "",
        firstNamesFile: String = ""
    ) throws {
        let c = try LanguagePack.parseClasses(text, file: file, as: Class.self)
        func words(_ k: Class) -> [String] { c[k] ?? [] }
        func packed(_ k: Class) throws -> PackedWords {
            let w = words(k)
            if let bad = w.first(where: { $0.utf8.isEmpty || $0.utf8.count > 7 }) {
                throw LanguagePackError(file: file, line: 0, problem: "\(k.rawValue): \(bad.debugDescription) is not 1 to 7 bytes long")
            }
            return PackedWords(w)
        }
        self.language = language
        descriptionArticles = try packed(.descriptionArticle)
        descriptionPrepositions = try packed(.descriptionPreposition)
        descriptionModifiers = try packed(.descriptionModifier)
        relativeArticles = try packed(.relativeArticle)
        relativePronouns = try packed(.relativePronoun)
        agencyNouns = try packed(.agencyNoun)
        agencySuffix = words(.agencySuffixPhrase).map { PackedWords([$0]) }
        placePrepositions = Set(words(.placePreposition))
        rolePrepositions = words(.rolePreposition)
        leaderNouns = Set(words(.leaderNoun))
        acronymStopWords = Set(words(.acronymStopword).map { Substring($0) })
        nameParticles = Set(words(.nameParticle))
        hyphenatedNameParticles = Set(words(.nameParticleHyphenated))
        ambiguousNameParticles = Set(words(.nameParticleAmbiguous))
        subjectPronouns = try packed(.subjectPronoun)
        subjectPronounOpeners = try packed(.subjectPronounOpener)
        malePronouns = try packed(.subjectPronounMale)
        femalePronouns = try packed(.subjectPronounFemale)
        var genders: [String: Bool] = [:]
        var firstNameLine = 0
        for raw in firstNames.split(separator: "\n", omittingEmptySubsequences: false) {
            firstNameLine += 1
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            let parts = raw.split(separator: "\t")
            guard parts.count == 2, parts[0] == "m" || parts[0] == "f" else {
                throw LanguagePackError(
                    file: firstNamesFile, line: firstNameLine, problem: "expected 'm|f<TAB>Name', got \(String(raw).debugDescription)")
            }
            genders[NameFolding.fold(String(parts[1]))] = parts[0] == "m"
        }
        firstNameGenders = genders
        clubArticles = try packed(.clubArticle)
        clubFollowers = try packed(.clubFollower)
        var generic: [String] = []
        var leader: [String] = []
        var lineNumber = 0
        for raw in roleNouns.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw LanguagePackError(file: roleNounsFile, line: lineNumber, problem: "expected 'generic: HEAD' or 'leader: HEAD'")
            }
            let phrase = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch line[..<colon] {
            case "generic": generic.append(phrase)
            case "leader": leader.append(phrase)
            default:
                throw LanguagePackError(
                    file: roleNounsFile, line: lineNumber, problem: "unknown kind \(String(line[..<colon]).debugDescription)")
            }
        }
        genericHeads = generic
        shortHeads = Set(generic.filter { $0.count <= 3 && !$0.contains(" ") })
        leaderExpansions = leader
        var acronymTypes: Set<EntityType> = []
        for label in words(.acronymAfter) {
            guard let type = EntityType(label: label.uppercased()) else {
                throw LanguagePackError(file: file, line: 0, problem: "acronym-after: \(label.debugDescription) is no type (per, org, loc)")
            }
            acronymTypes.insert(type)
        }
        nameConventions = NameConventions(
            honorifics: try packed(.nameHonorific), titles: Set(words(.nameTitle)), suffixes: try packed(.nameSuffix),
            acronymTypes: acronymTypes)
    }
}
