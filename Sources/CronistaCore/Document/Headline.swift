/// Finds the headline a plain-text article starts with, so that a `.txt` file (or text on standard
/// input) gets a title without one being given.
///
/// A first line is *clearly* a headline when all of these hold: more text follows it; it is one
/// short line (at most 200 characters, at least two words); it starts with a letter, a digit or a
/// quotation mark; and it does not end the way a sentence or a dateline does (`.`, `,`, `;`, `:`,
/// a dash). `?`, `!`, `…` and a closing quotation mark are headline endings.
///
/// ```swift
/// Headline.title(of: "Il governo approva la riforma\n\nIl Consiglio dei ministri ha …")
/// // "Il governo approva la riforma"
/// ```
public enum Headline {
    /// The headline of `text`, trimmed, or `nil` when the first line is not clearly one.
    public static func title(of text: String) -> String? {
        var scalars = text.unicodeScalars[...]
        // A byte-order mark and blank lines before the headline are not part of it.
        while let f = scalars.first, f == "\u{FEFF}" || f.properties.isWhitespace { scalars = scalars.dropFirst() }
        guard let end = scalars.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" }) else { return nil }
        let line = String(String.UnicodeScalarView(scalars[..<end])).trimmingWhitespace()
        let rest = scalars[end...]
        guard rest.contains(where: { !$0.properties.isWhitespace }) else { return nil }
        guard !line.isEmpty, line.count <= 200, line.split(whereSeparator: { $0 == " " || $0 == "\t" }).count >= 2 else { return nil }
        guard let first = line.unicodeScalars.first, let last = line.unicodeScalars.last else { return nil }
        let openers: Set<Unicode.Scalar> = ["«", "\"", "“", "‘", "'", "„"]
        guard first.properties.isAlphabetic || ("0"..."9").contains(first) || openers.contains(first) else { return nil }
        let sentenceEnds: Set<Unicode.Scalar> = [".", ",", ";", ":", "-", "–", "—", "(", "["]
        if sentenceEnds.contains(last) && !line.hasSuffix("...") { return nil }
        return line
    }
}

extension String {
    /// The string without leading and trailing white space (Foundation-free).
    func trimmingWhitespace() -> String {
        let s = unicodeScalars
        guard let a = s.firstIndex(where: { !$0.properties.isWhitespace }),
            let b = s.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(s[a...b]))
    }
}
