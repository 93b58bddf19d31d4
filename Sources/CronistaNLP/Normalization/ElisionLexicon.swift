/// Italian forms that end in an elision apostrophe (`l'`, `dell'`, `un'`): data for the normaliser
/// (which removes a space typed after them) and the tokenizer (which flags them). Lower case, without
/// the apostrophe. Truncations such as `po'`, `ne'`, `mo'` are deliberately absent.
enum ElisionLexicon {
    static let stems: [String] = [
        "l", "d", "c", "s", "m", "t", "v", "n",
        "un", "dell", "nell", "all", "dall", "sull", "coll", "pell", "tr",
        "quest", "quell", "bell", "sant", "tutt", "nessun", "buon", "qual", "cos", "com", "dov", "anch",
        "senz", "mezz", "grand", "ciascun", "alcun", "null", "ch", "perch", "gl", "degl", "negl", "dagl", "sugl",
    ]

    /// Whether `bytes[start..<end]` (ASCII letters, any case) is an elision stem.
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = end - start
        guard n >= 1 && n <= 7 else { return false }
        var key: UInt64 = 0
        for i in start..<end {
            let c = b[i] | 0x20
            guard c >= 0x61 && c <= 0x7A else { return false }
            key = key << 8 | UInt64(c)
        }
        return packed.contains(key)
    }

    private static let packed: Set<UInt64> = Set(stems.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })
}
