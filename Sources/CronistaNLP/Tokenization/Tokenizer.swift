public import CronistaCore

/// The Italian/English tokenizer. Works on the original text's UTF-8 bytes in one pass: every token
/// is an exact byte range of the original (nothing is normalised or dropped except white space and
/// invisible characters standing alone).
///
/// White space (including NBSP, CR, LF, tabs and the Unicode spaces) separates chunks; each chunk is
/// split as spaCy does it: prefixes (opening brackets and quotes), suffixes (closing punctuation,
/// a final period unless the word is an abbreviation or an initial), and a core scanned left to right
/// for words, numbers, elisions, clitics, URLs, e-mails, hashtags, mentions and emoji.
///
/// Conventions worth knowing:
/// - Elisions split after the apostrophe, either `'` or `’`: `dell'ambasciatore` → `dell'` `ambasciatore`;
///   a word-final apostrophe stays (`po'`, `l’` before a space).
/// - English clitics split before it: `don't` → `do` `n't`, `John's` → `John` `'s`.
/// - Numbers keep their separators: `1.000`, `3,5`, `8.30`, `1,000.50`, `20:45`, `12/04/2024`; ordinals
///   keep their suffix (`21esima`, `3°`, `1st`). A percent sign is a token of its own (`3,5` `%`), as in KIND.
/// - Hyphenated words are one token (`anti-Nato`, `COVID-19`); `--` and `...` are one token.
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokenizes `text`; every token is an exact UTF-8 range of `text`. `conventions` are those of the
    /// document's language (``TextConventions``).
    public func tokenize(_ text: String, conventions: TextConventions = []) -> TokenTable {
        var copy = text
        return copy.withUTF8 { buffer in
            var scanner = TokenScanner(buffer)
            scanner.pluralPossessive = conventions.contains(.pluralPossessive)
            scanner.run()
            return scanner.table
        }
    }
}

/// The state of one tokenisation pass.
struct TokenScanner {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    var table = TokenTable()
    /// Suffix tokens of the current chunk, emitted after its core in reverse order.
    var suffixes: [(start: Int, end: Int, flags: TokenFlags)] = []
    /// A single quotation mark (`'`, `‘`) opened a quote that no apostrophe has closed yet (reset at
    /// paragraph breaks).
    var openSingleQuote = false
    /// `leaders'` → `leaders` `'` (``TextConventions/pluralPossessive``).
    var pluralPossessive = false

    init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        self.n = b.count
        table.reserveCapacity(n / 5 + 16)
        suffixes.reserveCapacity(8)
    }

    @inline(__always)
    func decode(_ i: Int) -> (scalar: UInt32, length: Int) { UTF8Decoding.decode(b, i) }

    /// Whether the scalar at `i` is white space; its length.
    @inline(__always)
    func whitespace(at i: Int) -> Int? {
        let c = b[i]
        if c < 0x80 { return ScalarClass.isASCIISpace(c) ? 1 : nil }
        let (s, len) = decode(i)
        return ScalarClass.isUnicodeSpace(s) ? len : nil
    }

    mutating func run() {
        var i = 0
        while i < n {
            if whitespace(at: i) != nil {
                i = consumeWhitespace(i)
                continue
            }
            var j = i + 1
            while j < n && b[j] & 0xC0 == 0x80 { j += 1 }
            while j < n {
                let c = b[j]
                if c < 0x80 {
                    if ScalarClass.isASCIISpace(c) { break }
                    j += 1
                } else {
                    let (s, len) = decode(j)
                    if ScalarClass.isUnicodeSpace(s) { break }
                    j += len
                }
            }
            chunk(i, j)
            i = j
        }
    }

    /// Skips white space from `i`, marking the last token with what separated it from the next:
    /// space, a line break, a blank line (two or more line breaks).
    mutating func consumeWhitespace(_ start: Int) -> Int {
        var i = start
        var lines = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                guard ScalarClass.isASCIISpace(c) else { break }
                if c == 0x0A || c == 0x0B || c == 0x0C {
                    lines += 1
                } else if c == 0x0D {
                    lines += 1; if i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                }
                i += 1
            } else {
                let (s, len) = decode(i)
                guard ScalarClass.isUnicodeSpace(s) else { break }
                if s == 0x85 || s == 0x2028 { lines += 1 } else if s == 0x2029 { lines += 2 }
                i += len
            }
        }
        if !table.isEmpty {
            var f: TokenFlags = [.spaceAfter]
            if lines >= 1 { f.insert(.newlineAfter) }
            if lines >= 2 { f.insert(.paragraphAfter); openSingleQuote = false }
            table.flags[table.count - 1].formUnion(f)
        }
        return i
    }

    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int, _ flags: TokenFlags) {
        table.append(TextRange(start, end), flags)
    }

    /// Flags of a word-like token from its first scalar.
    @inline(__always)
    func capitalFlag(_ start: Int) -> TokenFlags {
        let c = b[start]
        if c < 0x80 { return c >= 0x41 && c <= 0x5A ? .capitalized : [] }
        return ScalarClass.isUppercase(decode(start).scalar) ? .capitalized : []
    }
}
