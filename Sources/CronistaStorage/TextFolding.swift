import Foundation

/// Case- and accent-insensitive keys for names: `Sèjournè`, `SÉJOURNÉ` and `Sejourne` fold to
/// `sejourne`. Apostrophes and punctuation become word breaks; runs of spaces collapse.
public enum TextFolding {
    public static func fold(_ s: some StringProtocol) -> String {
        foldASCII(s) ?? foldUnicode(s)
    }

    /// The general folding: lower-case, canonical decomposition, marks dropped.
    public static func foldUnicode(_ s: some StringProtocol) -> String {
        let decomposed = String(s).lowercased().decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in decomposed.unicodeScalars {
            let p = u.properties
            if p.generalCategory == .nonspacingMark || p.generalCategory == .enclosingMark { continue }
            if p.isAlphabetic || p.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(u)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// The same folding for pure-ASCII text (most names), without Unicode tables or copies;
    /// nil when `s` has a non-ASCII byte.
    public static func foldASCII(_ s: some StringProtocol) -> String? {
        let utf8 = s.utf8
        guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        // Written straight into the string's storage: no intermediate buffer, and no heap at all
        // for the short keys most names fold to (up to 15 bytes are stored inline).
        return String(unsafeUninitializedCapacity: utf8.count) { out in
            var n = 0
            var pendingSpace = false
            for b in utf8 {
                let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if pendingSpace && n > 0 { out[n] = 0x20; n += 1 }
                    pendingSpace = false
                    out[n] = lower
                    n += 1
                } else {
                    pendingSpace = true
                }
            }
            return n
        }
    }

    /// The folded words of a name.
    public static func words(_ folded: String) -> [Substring] {
        folded.split(separator: " ")
    }
}
