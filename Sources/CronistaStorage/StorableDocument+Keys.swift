import CronistaCore

/// The store's keys: entity names, name forms, speakers and search terms, all folded by
/// ``CronistaCore/NameFolding`` in its ``CronistaCore/NameFolding/Mode/words`` mode, the fold the
/// knowledge base uses with every character but a letter or a digit as a word break, because the
/// backends index keys as plain word tokens (SQLite's `entity_key` FTS5 table, PostgreSQL's
/// `entity_alias`). So `U.N.`, `UN` and `u.n.` are all `un`; `Sèjournè`, `Séjourné` and `Sejourne`
/// are `sejourne`; `D’Alema` and `D'Alema` are `d alema`; `Emilia–Romagna` is `emilia romagna`;
/// Cyrillic and Greek are lower-cased, not transliterated (`Лавров` → `лавров`).
///
/// A change to this fold changes stored keys: it needs a migration in each backend that derives
/// them again (SQLite `v5-name-keys-from-name-folding`, PostgreSQL `v4-name-keys-from-name-folding`).
extension StorableDocument {
    /// The folded key of a name, a speaker's text or a search term (letters and digits, one space
    /// between words; never `_` or `:`).
    public static func nameKey(_ s: some StringProtocol) -> String {
        var scratch: [UInt8] = []
        return nameKey(s, scratch: &scratch)
    }

    /// ``nameKey(_:)`` through a caller's buffer: a key of up to 15 bytes (most names) is then
    /// folded without touching the heap.
    static func nameKey(_ s: some StringProtocol, scratch: inout [UInt8]) -> String {
        scratch.removeAll(keepingCapacity: true)
        NameFolding.append(s, to: &scratch, mode: .words)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The key a search term is looked up under (see ``AliasRow``).
    public static func searchKey(_ term: String) -> String {
        let t = term.trimmingPrefixAndSuffixSpaces()
        // KB ids are kept as they are, lower-cased (Q2866 → q2866).
        if let f = t.first, f == "Q" || f == "q", t.dropFirst().allSatisfy(\.isNumber), t.count > 1 { return t.lowercased() }
        return nameKey(t)
    }

    /// The keys an entity is found under (its ``AliasRow``s), sorted, each once: its folded name,
    /// each name form used in its document, each word of those of at least two characters, and
    /// its KB id's search key. Migrations derive stored keys again with this; the initialiser
    /// builds the same keys.
    public static func entityKeys(name: String, kb: String?, nameForms: [Substring]) -> [String] {
        var keys: [String] = []
        var scratch: [UInt8] = []
        addKeys(folded: nameKey(name, scratch: &scratch), to: &keys)
        addKBKey(kb, to: &keys)
        for form in nameForms { addKeys(folded: nameKey(form, scratch: &scratch), to: &keys) }
        keys.sort()
        return keys
    }

    /// Adds a folded key and its words of at least two characters to `keys`, each once. An entity
    /// has a handful of keys: a small array searched linearly costs a third of a set.
    static func addKeys(folded key: String, to keys: inout [String]) {
        guard !key.isEmpty else { return }
        if !keys.contains(key) { keys.append(key) }
        guard key.utf8.contains(0x20) else { return }
        // Words of at least two characters (a short UTF-8 run is counted in characters).
        for w in key.split(separator: " ") where (w.utf8.count >= 5 || w.count >= 2) && !keys.contains(where: { $0 == w }) {
            keys.append(String(w))
        }
    }

    /// Adds the KB id as a search for it is keyed (`Q2866` → `q2866`, `kb:loc/kremlin` →
    /// `kb loc kremlin`); one key, not split into words: its parts are not names.
    static func addKBKey(_ kb: String?, to keys: inout [String]) {
        guard let kb, !kb.isEmpty else { return }
        let k = searchKey(kb)
        if !k.isEmpty, !keys.contains(k) { keys.append(k) }
    }
}
