import CronistaCore

extension EntityComponent {
    /// Keeps names with particles whole: NER often cuts `Ursula von der Leyen` at the lower-case
    /// particles (`Ursula` PER + `Leyen` ORG) and tags only `Leyen` in `la presidente von der Leyen`.
    ///
    /// - Two name mentions with only particles between them (`von der`, `bin`, `al-`) become one
    ///   person name. Particles that are also ordinary words of the language (`di`, `de`, `da`: the
    ///   pack's `name-particle-ambiguous` class) join only when the knowledge base knows the whole
    ///   name as a person, so `Mario Rossi di Milano` stays a person and a place.
    /// - A name right after particles of the first kind (`von der Leyen`, `al-Assad`) starts at
    ///   the first particle.
    ///
    /// `mentions` must be sorted by position; the result is.
    func joiningParticleNames(_ mentions: [Mention], text: String, words: EntityWords) -> [Mention] {
        guard !words.nameParticles.isEmpty || !words.hyphenatedNameParticles.isEmpty, mentions.contains(where: { $0.form == .name }) else {
            return mentions
        }
        let bytes = Array(text.utf8)
        var out: [Mention] = []
        out.reserveCapacity(mentions.count)
        for m in mentions {
            guard m.form == .name else {
                out.append(m)
                continue
            }
            let start = Int(m.range.startUTF8)
            // The particles right before the mention, nearest last, and where the first begins.
            // `strong`: the particle is no ordinary word (`von`, or `al` joined by a hyphen).
            var particles: [(word: String, start: Int, strong: Bool)] = []
            var i = start
            while particles.count < 4 {
                var j = i
                // A particle is attached by a hyphen (`al-Assad`) or separated by one space.
                guard j > 0, bytes[j - 1] == UInt8(ascii: "-") || bytes[j - 1] == 0x20 else { break }
                let hyphen = bytes[j - 1] == UInt8(ascii: "-")
                j -= 1
                let end = j
                while j > 0, Self.isWordByte(bytes[j - 1]) { j -= 1 }
                guard j < end else { break }
                let word = NameFolding.fold(String(decoding: bytes[j..<end], as: UTF8.self))
                let strong = words.nameParticles.contains(word) || (hyphen && words.hyphenatedNameParticles.contains(word))
                guard strong || words.ambiguousNameParticles.contains(word) else { break }
                particles.append((word, j, strong))
                i = j
            }
            guard !particles.isEmpty else {
                out.append(m)
                continue
            }
            let firstParticle = particles[particles.count - 1].start
            let allStrong = particles.allSatisfy(\.strong)
            // Joined with the name before: it ends one space before the first particle.
            if let prev = out.last, prev.form == .name, prev.type == .person || m.type == .person,
                Int(prev.range.endUTF8) + 1 == firstParticle, bytes[Int(prev.range.endUTF8)] == 0x20
            {
                let joined = TextRange(startUTF8: prev.range.startUTF8, endUTF8: m.range.endUTF8)
                if allStrong || knowsPerson(bytes, joined) {
                    out[out.count - 1] = Mention(range: joined, type: .person, form: .name, confidence: min(prev.confidence, m.confidence))
                    continue
                }
            }
            // A surname with particles (`von der Leyen`): only particles that are no ordinary word.
            var extended = m
            var k = 0
            while k < particles.count, particles[k].strong { k += 1 }
            if k > 0, !(out.last.map { Int($0.range.endUTF8) > particles[k - 1].start } ?? false) {
                var newStart = particles[k - 1].start
                // A capitalised word right before the particles, inside a sentence, is the first name
                // (`la presidente Ursula von der Leyen`); at a sentence's start it may be any word.
                if k == particles.count, let first = Self.capitalisedWord(before: newStart, in: bytes),
                    !(out.last.map { Int($0.range.endUTF8) > first } ?? false)
                {
                    newStart = first
                }
                extended.range = TextRange(startUTF8: UInt32(newStart), endUTF8: m.range.endUTF8)
                extended.type = .person
            }
            out.append(extended)
        }
        return out
    }

    /// Whether the knowledge base has a person of this name (an exact key match).
    private func knowsPerson(_ bytes: [UInt8], _ r: TextRange) -> Bool {
        let key = NameFolding.fold(String(decoding: bytes[Int(r.startUTF8)..<Int(r.endUTF8)], as: UTF8.self))
        return kb.candidates(for: key, type: .person, date: nil).contains { !$0.surnameOnly }
    }

    /// The start of the capitalised word that ends one space before `offset`, when that word is
    /// not the first of its sentence.
    static func capitalisedWord(before offset: Int, in bytes: [UInt8]) -> Int? {
        guard offset >= 2, bytes[offset - 1] == 0x20 else { return nil }
        var j = offset - 1
        while j > 0, isWordByte(bytes[j - 1]) { j -= 1 }
        guard j < offset - 1 else { return nil }
        let b = bytes[j]
        // An ASCII capital, or a Latin-1 capital (C3 80–9E but ×).
        let capital =
            (b >= 0x41 && b <= 0x5A)
            || (b == 0xC3 && j + 1 < bytes.count && bytes[j + 1] >= 0x80 && bytes[j + 1] <= 0x9E && bytes[j + 1] != 0x97)
        guard capital else { return nil }
        // What comes before the word: a sentence's start has nothing, or `.`, `!`, `?`, `:`, a quote, a line break.
        var p = j
        while p > 0, bytes[p - 1] == 0x20 { p -= 1 }
        guard p > 0 else { return nil }
        let before = bytes[p - 1]
        if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), 0x0A, 0x0D, 0xAB, 0x22].contains(before) {
            return nil
        }
        return j
    }

    /// A byte of a word: an ASCII letter or digit, an apostrophe, or any byte of a non-ASCII scalar.
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x27
    }
}
