package import CronistaCore

/// An open-addressing table from 64-bit hashes to small values, built once and then read-only.
/// Key 0 marks an empty slot (a real 0 key is stored as 1).
package struct HashTable<Value: BitwiseCopyable & Sendable>: Sendable {
    package private(set) var keys: [UInt64]
    package private(set) var values: [Value]
    package private(set) var count = 0
    private let mask: Int

    package init(capacity: Int, empty: Value) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: empty, count: size)
        mask = size - 1
    }

    @inline(__always) static func key(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }

    @inline(__always) func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key >> 20) & mask
        while true {
            let k = keys[i]
            if k == key || k == 0 { return i }
            i = (i + 1) & mask
        }
    }

    package subscript(_ k: UInt64) -> Value? {
        let key = Self.key(k)
        let i = slot(key)
        return keys[i] == key ? values[i] : nil
    }

    /// Inserts or replaces; `merge` combines with an existing value.
    package mutating func insert(_ k: UInt64, _ v: Value, merge: (Value, Value) -> Value = { _, new in new }) {
        let key = Self.key(k)
        let i = slot(key)
        if keys[i] == key {
            values[i] = merge(values[i], v)
        } else {
            keys[i] = key
            values[i] = v
            count += 1
            precondition(count * 2 <= keys.count, "HashTable over capacity")
        }
    }

    /// The occupied entries, in slot order (deterministic for a given insertion sequence).
    package var entries: [(UInt64, Value)] {
        var out: [(UInt64, Value)] = []
        out.reserveCapacity(count)
        for i in keys.indices where keys[i] != 0 { out.append((keys[i], values[i])) }
        return out
    }
}

/// Names of people, organisations and places, matched longest-first over token sequences, from two
/// sources: the knowledge base, and the entities annotated in the training data (the trainer builds the
/// latter per fold, so that a training sentence never sees its own names); plus a first-name list
/// (first tokens of multi-token person names).
///
/// Names are stored as hashes of their token sequence (`FeatureHash.combine` over each token's form
/// hash), so matching needs no strings. Value bits: 0–2 a KB name of type PER/ORG/LOC, 3 the prefix of a
/// longer KB name, 4 a first name, 5–7 a training-data name of type PER/ORG/LOC, 8 the prefix of a
/// longer training-data name.
package struct Gazetteer: Sendable {
    package enum Source: Sendable {
        case knowledgeBase, corpus
        var typeShift: UInt16 { self == .knowledgeBase ? 0 : 5 }
        var prefixBit: UInt16 { self == .knowledgeBase ? 1 << 3 : 1 << 8 }
    }
    package static let firstNameBit: UInt16 = 1 << 4
    static let seed: UInt64 = 0x6761_7a65_7474_6565

    /// A name: its type and the form hashes of its tokens.
    package struct Name: Sendable {
        package var type: EntityType
        package var tokens: [UInt64]
        package init(type: EntityType, tokens: [UInt64]) { self.type = type; self.tokens = tokens }
        package init(type: EntityType, tokens: [String]) {
            self.init(type: type, tokens: tokens.map { FeatureHash.string($0.replacingApostrophes()) })
        }
    }

    package private(set) var table: HashTable<UInt16>
    package private(set) var maxLength: Int

    package init(table: HashTable<UInt16>, maxLength: Int) {
        self.table = table
        self.maxLength = maxLength
    }

    /// Tokenises a name like KIND: on spaces, and after an elision apostrophe (`dell'ONU` → `dell'`, `ONU`).
    package static func tokens(of name: String) -> [String] {
        var out: [String] = []
        for word in name.replacingApostrophes().split(separator: " ") {
            var rest = Substring(word)
            while let q = rest.firstIndex(of: "'"), q != rest.index(before: rest.endIndex) {
                let head = rest[...q]
                // Only split a short elided word (l', dell', sull'…), not O'Brien-like names with capitals.
                if head.count <= 6, head.first?.isLowercase == true {
                    out.append(String(head))
                    rest = rest[rest.index(after: q)...]
                } else {
                    break
                }
            }
            if !rest.isEmpty { out.append(String(rest)) }
        }
        return out
    }

    /// Parses `TYPE<TAB>name` lines (`#` comments allowed).
    package static func names(tsv: String) -> [Name] {
        var names: [Name] = []
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            guard let tab = line.firstIndex(of: "\t"), let type = EntityType(label: line[..<tab]) else { continue }
            let toks = Self.tokens(of: String(line[line.index(after: tab)...]))
            guard !toks.isEmpty, toks.count <= 8 else { continue }
            names.append(Name(type: type, tokens: toks))
        }
        return names
    }

    /// Builds the gazetteer from the knowledge-base names and the training-data names.
    package init(knowledgeBase: [Name], corpus: [Name] = []) {
        var table = HashTable<UInt16>(capacity: (knowledgeBase + corpus).reduce(0) { $0 + 1 + $1.tokens.count } + 16, empty: 0)
        var maxLength = 1
        for (source, names) in [(Source.knowledgeBase, knowledgeBase), (.corpus, corpus)] {
            for name in names where !name.tokens.isEmpty && name.tokens.count <= 8 {
                var h = Self.seed
                for (i, t) in name.tokens.enumerated() {
                    h = FeatureHash.combine(h, t)
                    let v = i == name.tokens.count - 1 ? UInt16(1) << (UInt16(name.type.rawValue) + source.typeShift) : source.prefixBit
                    table.insert(h, v) { $0 | $1 }
                }
                maxLength = max(maxLength, name.tokens.count)
                if name.type == .person, name.tokens.count >= 2 {
                    table.insert(FeatureHash.combine(Self.seed, name.tokens[0]), Self.firstNameBit) { $0 | $1 }
                }
            }
        }
        self.init(table: table, maxLength: maxLength)
    }

    package init(tsv: String) { self.init(knowledgeBase: Self.names(tsv: tsv)) }

    /// Is this token (by form hash) a known first name?
    @inline(__always)
    package func isFirstName(_ form: UInt64) -> Bool {
        (table[FeatureHash.combine(Self.seed, form)] ?? 0) & Self.firstNameBit != 0
    }

    /// Writes into `steps` each token's value as a one-token key (0: none): its first-name bit
    /// (``firstNameBit``), and the first step of every match starting there, which both sources'
    /// ``match(forms:steps:codes:source:)`` share (one table read per token instead of three).
    package func firstSteps(forms: UnsafeBufferPointer<UInt64>, into steps: UnsafeMutableBufferPointer<UInt16>) {
        for i in 0..<forms.count { steps[i] = table[FeatureHash.combine(Self.seed, forms[i])] ?? 0 }
    }

    /// Writes one code per token into `codes`: for each type a position (0 none, 1 begin, 2 inside) of
    /// the longest name match of `source` covering the token, packed as `per + 3·org + 9·loc`.
    /// `steps` are the tokens' ``firstSteps(forms:into:)``.
    package func match(
        forms: UnsafeBufferPointer<UInt64>, steps: UnsafeBufferPointer<UInt16>, codes: UnsafeMutableBufferPointer<UInt8>, source: Source
    ) {
        let n = forms.count
        let shift = source.typeShift, prefix = source.prefixBit
        for i in 0..<n { codes[i] = 0 }
        var i = 0
        while i < n {
            // Every stored value is non-zero: 0 is "no key", where the walk ends.
            if steps[i] == 0 { i += 1; continue }
            var h = Self.seed
            var bestLen = 0
            var bestBits: UInt16 = 0
            var j = i
            while j < n, j - i < maxLength {
                h = FeatureHash.combine(h, forms[j])
                let v = j == i ? steps[i] : table[h] ?? 0
                if v == 0 { break }
                let types = (v >> shift) & 7
                if types != 0 { bestLen = j - i + 1; bestBits = types }
                if v & prefix == 0 { break }
                j += 1
            }
            if bestLen == 0 { i += 1; continue }
            var b: UInt8 = 0, inside: UInt8 = 0
            var mult: UInt8 = 1
            for t in 0..<3 {
                if bestBits & (1 << t) != 0 { b += mult; inside += 2 * mult }
                mult *= 3
            }
            codes[i] = b
            for k in (i + 1)..<(i + bestLen) { codes[k] = inside }
            i += bestLen
        }
    }
}

extension String {
    /// `’` (U+2019) replaced by `'`, as in the tagger's features.
    func replacingApostrophes() -> String {
        contains("\u{2019}") ? String(map { $0 == "\u{2019}" ? "'" : $0 }) : self
    }
}
