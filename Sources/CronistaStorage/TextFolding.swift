import Foundation

/// Case- and accent-insensitive keys for names: `Sèjournè`, `SÉJOURNÉ` and `Sejourne` fold to
/// `sejourne`. Apostrophes and punctuation become word breaks; runs of spaces collapse.
public enum TextFolding {
    public static func fold(_ s: some StringProtocol) -> String {
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

    /// The folded words of a name.
    public static func words(_ folded: String) -> [Substring] {
        folded.split(separator: " ")
    }
}
