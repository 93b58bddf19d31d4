/// A small, fast, seeded random number generator (SplitMix64), so property tests are reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random documents built from the pieces that break text processing: emoji with ZWJ and skin tones,
/// flags, combining marks, Arabic and Hebrew, every quotation mark, CRLF, NBSP, zero-width characters,
/// soft hyphens, digits with separators, punctuation, abbreviations and Italian elisions.
public enum RandomText {
    public static let pieces: [String] = [
        "il", "presidente", "Putin", "l’", "dell'", "un’", "po'", "ambasciatore", "Sèjournè", "e\u{301}", "a\u{300}\u{301}",
        "don't", "John's", "U.S.A.", "dott.", "Sig.", "ecc.", "J.", "ndr", "1.000", "3,5", "%", "8.30", "20:45", "12/04/2024",
        "21esima", "3°", "https://example.com/x?y=1", "mario@example.it", "#tag", "@user",
        "👨‍👩‍👧", "👍🏽", "🇮🇹", "❤️", "1️⃣", "\u{200D}", "\u{200B}", "\u{200C}", "\u{2060}", "\u{FEFF}", "\u{00AD}",
        "مرحبا", "بالعالم", "שלום", "עולם", "\u{202E}", "\u{202C}",
        "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "`", "´",
        ".", ",", ";", ":", "!", "?", "...", "…", "(", ")", "[", "]", "-", "--", "—", "–", "/", "&", "*",
        " ", " ", " ", "\n", "\r\n", "\n\n", "\t", "\u{00A0}", "\u{2009}", "\u{3000}", "\u{2028}", "\u{2029}", "\r",
        "Ӂ", "ß", "İ", "ǅ", "Ω", "中文", "日本語", "한국어", "\u{0301}", "\u{20E3}", "\u{FE0F}", "\u{1F3FB}",
        "a", "B", "0", "9", "x-y", "anti-Nato", "www.example.org", "corriere.it"
    ]

    /// A random document of up to `maxPieces` pieces, glued with or without spaces.
    public static func document(using rng: inout SeededGenerator, maxPieces: Int = 60) -> String {
        var s = ""
        let count = Int.random(in: 0...maxPieces, using: &rng)
        for _ in 0..<count {
            s += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            if Bool.random(using: &rng) { s += " " }
        }
        return s
    }

    /// A random string of arbitrary scalars (any plane, no surrogates).
    public static func scalars(using rng: inout SeededGenerator, count: Int) -> String {
        var s = String.UnicodeScalarView()
        while s.count < count {
            let v = UInt32.random(in: 0...0x10FFFF, using: &rng)
            if let u = Unicode.Scalar(v) { s.append(u) }
        }
        return String(s)
    }
}
