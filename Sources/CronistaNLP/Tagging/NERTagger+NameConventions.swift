import CronistaCore

/// How a language's annotation convention bounds a name where the tagger's corpora are thin, put back
/// on the tagger's output (``NERTagger/applyNameConventions(_:sentence:token:)``). English follows
/// CoNLL-2003, OntoNotes and Universal NER:
/// - a person's title or honorific is no part of the name (`Ms [Pugh]`, `Pope [Francis]`). The
///   English tagger is trained on files mapped that way, but a title its corpora rarely show (`Ms`
///   without its stop) comes out inside the name, or as a name of its own, or turns the name into a
///   place;
/// - a generational suffix is part of it (`[Andre Price III]`, `[Martin Luther King Jr.]`);
/// - an all-capitals word in parentheses right after an organisation's name is its acronym, an
///   organisation too (`Real Estate Council of Ontario ([RECO])`).
///
/// Language data: the pack's `entity-words.txt` classes `name-honorific`, `name-title`, `name-suffix`
/// and `acronym-after`. A pack with none of them (Italian: KIND's own convention is what its model
/// learned) changes nothing.
public struct NameConventions: Sendable {
    /// Honorifics (`mr`, `ms.`, `dr`): a name that begins with one, or follows one, is a person's.
    let honorifics: PackedWords
    /// Titles (`pope`, `president`): a person's name that begins with one loses it.
    let titles: Set<String>
    /// Generational suffixes (`jr.`, `iii`): one right after a person's name joins it.
    let suffixes: PackedWords
    /// The types whose name an acronym in parentheses may follow (`org`).
    let acronymTypes: Set<EntityType>

    /// Whether the pack has no convention, so that the tagger's output stays as it is.
    public var isEmpty: Bool { honorifics.isEmpty && titles.isEmpty && suffixes.isEmpty && acronymTypes.isEmpty }

    init(honorifics: PackedWords, titles: Set<String>, suffixes: PackedWords = PackedWords([]), acronymTypes: Set<EntityType> = []) {
        self.honorifics = honorifics
        self.titles = titles
        self.suffixes = suffixes
        self.acronymTypes = acronymTypes
    }

    /// No conventions: the tagger's output unchanged.
    public static let none = NameConventions(honorifics: PackedWords([]), titles: [])

    /// Whether `bytes` (a token) are one of `set`, case-insensitively (ASCII folds of 1 to 7 bytes;
    /// no allocation).
    static func isAny<C: Collection<UInt8>>(_ bytes: C, _ set: PackedWords) -> Bool {
        guard !set.isEmpty, bytes.count <= 7, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        return set.contains(PackedWords.pack(bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }))
    }

    /// Whether `bytes` are a title, case-insensitively. Called only on a capitalised first token of a
    /// person's span, so building the string is rare.
    func isTitle<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard !titles.isEmpty, let b0 = bytes.first, b0 >= 0x41 && b0 <= 0x5A else { return false }
        return titles.contains(String(decoding: bytes, as: UTF8.self).lowercased())
    }

    /// Whether a token begins with an upper-case ASCII letter or a non-ASCII character (a name after a
    /// title does).
    static func isCapitalised<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard let b0 = bytes.first else { return false }
        return (b0 >= 0x41 && b0 <= 0x5A) || b0 >= 0xC3
    }

    /// Whether a token is an acronym: 2 to 8 upper-case ASCII letters (`RECO`, `NAPM`).
    static func isAcronym<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.count >= 2 && bytes.count <= 8 && bytes.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// Whether a token is the one-byte `b`.
    static func `is`<C: Collection<UInt8>>(_ bytes: C, _ b: UInt8) -> Bool { bytes.count == 1 && bytes.first == b }

    /// Applies the conventions to one sentence's BIO tags (``NERTag`` raw values); `token(i)` gives
    /// the UTF-8 bytes of the sentence's token `i`.
    ///
    /// - `Ms Pugh` tagged as one span of any type: `Ms` outside, `Pugh` a person;
    /// - `Ms` outside and `Pugh` a place right after it: `Pugh` a person;
    /// - `Pope Francis` as one person: `Pope` outside;
    /// - `Pope` a person of its own right before the person `Francis`: `Pope` outside;
    /// - `Andre Price` a person and `III` outside right after: `III` in the name;
    /// - `Real Estate Council of Ontario ( RECO )`, `RECO` outside: an organisation.
    func apply<C: Collection<UInt8>>(to tags: inout [UInt8], in range: Range<Int>, token: (Int) -> C) {
        let person = EntityType.person
        let end = range.upperBound
        func at(_ k: Int) -> C { token(k - range.lowerBound) }
        var i = range.lowerBound
        while i < end {
            var j = i + 1
            if let type = NERTag(rawValue: tags[i]).type {
                while j < end, NERTag(rawValue: tags[j]) == NERTag(inside: type) { j += 1 }
                let first = at(i)
                if j - i >= 2, Self.isCapitalised(at(i + 1)), Self.isAny(first, honorifics) || (type == person && isTitle(first)) {
                    relabel(&tags, (i + 1)..<j, as: person)
                    tags[i] = NERTag.outside.rawValue
                } else if j - i == 1, type == person, j < end, NERTag(rawValue: tags[j]) == NERTag(begin: person),
                    Self.isAny(first, honorifics) || isTitle(first)
                {
                    tags[i] = NERTag.outside.rawValue
                }
                if NERTag(rawValue: tags[j - 1]).type == person, j < end, tags[j] == NERTag.outside.rawValue, Self.isAny(at(j), suffixes) {
                    tags[j] = NERTag(inside: person).rawValue
                    j += 1
                } else if acronymTypes.contains(type), j + 2 < end, tags[j + 1] == NERTag.outside.rawValue, Self.is(at(j), 0x28),
                    Self.is(at(j + 2), 0x29), Self.isAcronym(at(j + 1))
                {
                    tags[j + 1] = NERTag(begin: type).rawValue
                    j += 3
                }
            } else if j < end, let next = NERTag(rawValue: tags[j]).type, next != person, NERTag(rawValue: tags[j]).isBegin,
                Self.isAny(at(i), honorifics)
            {
                j += 1
                while j < end, NERTag(rawValue: tags[j]) == NERTag(inside: next) { j += 1 }
                relabel(&tags, (i + 1)..<j, as: person)
            }
            i = j
        }
    }

    private func relabel(_ tags: inout [UInt8], _ span: Range<Int>, as type: EntityType) {
        for k in span { tags[k] = (k == span.lowerBound ? NERTag(begin: type) : NERTag(inside: type)).rawValue }
    }
}

extension NERTagger {
    /// Puts a language's name conventions on sentence `s` of the last tagged document
    /// (``NameConventions/apply(to:in:token:)``); `token(i)` gives the UTF-8 bytes of the sentence's
    /// token `i`.
    public mutating func applyNameConventions<C: Collection<UInt8>>(_ conventions: NameConventions, sentence s: Int, token: (Int) -> C) {
        guard !conventions.isEmpty else { return }
        conventions.apply(to: &documentTags, in: documentStarts[s]..<documentStarts[s + 1], token: token)
    }
}
