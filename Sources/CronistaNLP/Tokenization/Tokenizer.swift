public import CronistaCore

/// PLACEHOLDER (to be replaced by the real Italian/English tokenizer): splits on whitespace.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokenizes `text`; every token is an exact UTF-8 range of `text`.
    public func tokenize(_ text: String) -> TokenTable {
        var t = TokenTable()
        var start: Int? = nil
        var i = 0
        for b in text.utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if let s = start { t.append(TextRange(s, i), [.spaceAfter]); start = nil }
            } else if start == nil { start = i }
            i += 1
        }
        if let s = start { t.append(TextRange(s, i), []) }
        return t
    }
}
