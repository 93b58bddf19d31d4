import CronistaCore

/// Surname aliases for the people of a built KB, as the shipped KB gives them (`Lukashenko` for
/// Aleksandr Lukashenko): the linker finds a person named by surname alone, or with a first name
/// the KB lacks (`Aleksandr G. Lukashenko`), through that alias. A built KB holds far more people
/// than the shipped one, so a surname becomes an alias only when it belongs to one person of the
/// KB: `Miller` alone stays unlinked rather than linked to one of many Millers.
struct SurnameCounts {
    /// Folded surname (FNV-1a 64 of ``NameFolding``'s bytes) → people with it, saturating at 2:
    /// a few bytes a surname, for the millions of people of a full dump.
    private var counts: [UInt64: UInt8] = [:]

    /// Counts each distinct surname of one person's names once.
    mutating func add(names: [String]) {
        var seen: [UInt64] = []
        for n in names {
            guard let s = WikidataImporter.surname(of: n) else { continue }
            let h = Self.hash(s)
            if seen.contains(h) { continue }
            seen.append(h)
            counts[h] = min(2, (counts[h] ?? 0) + 1)
        }
    }

    /// The surname aliases of a person with these names and aliases: each distinct surname of its
    /// names that no other person of the KB has and that is not already a name or alias. None when
    /// an alias is already a tail of a name of two words or more (`Orsini Valle` for Tommaso
    /// Orsini Valle: a double surname, whose last word alone is not the surname).
    func aliases(names: [String], aliases: [String]) -> [String] {
        var taken = Set((names + aliases).map(Self.hash))
        for a in aliases where a.contains(" ") {
            if names.contains(where: { $0.hasSuffix(" " + a) && $0.count > a.count + 1 }) { return [] }
        }
        var out: [String] = []
        for n in names {
            guard let s = WikidataImporter.surname(of: n) else { continue }
            let h = Self.hash(s)
            guard counts[h] == 1, taken.insert(h).inserted else { continue }
            out.append(s)
        }
        return out
    }

    static func hash(_ s: String) -> UInt64 {
        var key: [UInt8] = []
        key.reserveCapacity(s.utf8.count)
        NameFolding.append(s, to: &key)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

extension WikidataImporter {
    /// The surname of a person's name: its last word, with the lower-case particles before it
    /// (`von der Leyen`, `bin Habtour`); `nil` for a single word, a name with a comma or a
    /// parenthesis (`X, Baron Y`), a regnal name (a Roman numeral word: `Carlo III`), or a last
    /// word that is an initial, an abbreviation (`Jr.`) or lower case.
    static func surname(of name: String) -> String? {
        guard !name.contains(","), !name.contains("(") else { return nil }
        let words = name.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.count >= 2, !last.hasSuffix("."),
            last.first?.isUppercase == true
        else { return nil }
        let roman: Set<Character> = ["I", "V", "X", "L", "C", "D", "M"]
        guard !words.contains(where: { $0.allSatisfy(roman.contains) }) else { return nil }
        var i = words.count - 1
        while i > 1, words[i - 1].first?.isLowercase == true { i -= 1 }
        // The first word is a given name, never a particle.
        guard i >= 1 else { return nil }
        return words[i...].joined(separator: " ")
    }

    /// The root that types an item from its P31 classes: the first in the class table, occupation
    /// classes left out (they give a person's kind, not a type).
    func typingRoot(_ classes: [String], rootOf: [UInt32: Int]) -> Int? {
        var best: Int?
        for c in classes {
            if let q = Self.number(c), let r = rootOf[q], roots[r].type != "OCC", r < best ?? Int.max { best = r }
        }
        return best
    }

    /// Adds the surnames of one spooled item to `counts` when the item is a person.
    func countSurnames(_ sc: inout JSONScanner, rootOf: [UInt32: Int], into counts: inout SurnameCounts) throws {
        var best: Int?
        var names: [String] = []
        try sc.objectEntries { sc, k in
            if sc.keyEquals(k, "p31") {
                best = typingRoot(try sc.stringArray(), rootOf: rootOf)
            } else if sc.keyEquals(k, "names") {
                try sc.objectEntries { sc, _ in names.append(try sc.string()) }
            } else {
                try sc.skipValue()
            }
        }
        guard let best, roots[best].type == "PER" else { return }
        counts.add(names: names)
    }
}
