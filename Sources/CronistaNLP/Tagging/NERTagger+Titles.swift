import CronistaCore

/// A language's titles and honorifics, which its annotation convention leaves outside a person's name
/// (CoNLL-2003, OntoNotes and Universal NER: `Ms [Pugh]`, `Pope [Francis]`). The English tagger is
/// trained on files mapped that way, but a title its corpora rarely show (`Ms` without its stop) comes
/// out inside the name, or as a name of its own, or turns the name into a place; this puts the
/// convention back on the tagger's output (``NERTagger/releaseTitles(_:sentence:token:)``).
///
/// Language data: the pack's `entity-words.txt` classes `name-honorific` and `name-title`. A pack with
/// neither (Italian: KIND keeps no such convention to mend) changes nothing.
public struct NameTitles: Sendable {
    /// Honorifics (`mr`, `ms.`, `dr`): a name that begins with one, or follows one, is a person's.
    let honorifics: PackedWords
    /// Titles (`pope`, `president`): a person's name that begins with one loses it.
    let titles: Set<String>

    /// Whether the pack lists no title, so that the tagger's output stays as it is.
    public var isEmpty: Bool { honorifics.isEmpty && titles.isEmpty }

    init(honorifics: PackedWords, titles: Set<String>) {
        self.honorifics = honorifics
        self.titles = titles
    }

    /// No titles: the tagger's output unchanged.
    public static let none = NameTitles(honorifics: PackedWords([]), titles: [])

    /// Whether `bytes` (a token) are an honorific, case-insensitively (ASCII folds of 1 to 7 bytes;
    /// no allocation).
    func isHonorific<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        let n = bytes.count
        guard n > 0 && n <= 7, !honorifics.isEmpty else { return false }
        var v = UInt64(n) << 56
        var shift: UInt64 = 0
        for b in bytes {
            if b >= 0x80 { return false }
            v |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << shift
            shift += 8
        }
        return honorifics.contains(v)
    }

    /// Whether `bytes` are a title, case-insensitively. Called only on a one-token span or a span's
    /// first token that is capitalised, so building the string is rare.
    func isTitle<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard !titles.isEmpty, let b0 = bytes.first, b0 >= 0x41 && b0 <= 0x5A else { return false }
        return titles.contains(String(decoding: bytes, as: UTF8.self).lowercased())
    }

    /// Whether a token begins with an upper-case ASCII letter (a name after a title does).
    static func isCapitalised<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard let b0 = bytes.first else { return false }
        return (b0 >= 0x41 && b0 <= 0x5A) || b0 >= 0xC3
    }

    /// Applies the convention to one sentence's BIO tags (``NERTag`` raw values); `token(i)` gives
    /// the UTF-8 bytes of the sentence's token `i`.
    ///
    /// - `Ms Pugh` tagged as one span of any type: `Ms` outside, `Pugh` a person;
    /// - `Ms` outside and `Pugh` a place right after it: `Pugh` a person;
    /// - `Pope Francis` as one person: `Pope` outside;
    /// - `Pope` a person of its own right before the person `Francis`: `Pope` outside.
    func apply<C: Collection<UInt8>>(to tags: inout [UInt8], in range: Range<Int>, token: (Int) -> C) {
        let person = EntityType.person
        var i = range.lowerBound
        while i < range.upperBound {
            let tag = NERTag(rawValue: tags[i])
            var j = i + 1
            if let type = tag.type {
                while j < range.upperBound, NERTag(rawValue: tags[j]) == NERTag(inside: type) { j += 1 }
                let first = token(i - range.lowerBound)
                if j - i >= 2, Self.isCapitalised(token(i + 1 - range.lowerBound)),
                    isHonorific(first) || (type == person && isTitle(first))
                {
                    relabel(&tags, (i + 1)..<j, as: person)
                    tags[i] = NERTag.outside.rawValue
                } else if j - i == 1, type == person, j < range.upperBound, NERTag(rawValue: tags[j]) == NERTag(begin: person),
                    isHonorific(first) || isTitle(first)
                {
                    tags[i] = NERTag.outside.rawValue
                }
            } else if j < range.upperBound, let next = NERTag(rawValue: tags[j]).type, next != person, NERTag(rawValue: tags[j]).isBegin,
                isHonorific(token(i - range.lowerBound))
            {
                j += 1
                while j < range.upperBound, NERTag(rawValue: tags[j]) == NERTag(inside: next) { j += 1 }
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
    /// Puts a language's title convention on sentence `s` of the last tagged document
    /// (``NameTitles/apply(to:in:token:)``); `token(i)` gives the UTF-8 bytes of the sentence's token `i`.
    public mutating func releaseTitles<C: Collection<UInt8>>(_ titles: NameTitles, sentence s: Int, token: (Int) -> C) {
        guard !titles.isEmpty else { return }
        titles.apply(to: &documentTags, in: documentStarts[s]..<documentStarts[s + 1], token: token)
    }
}
