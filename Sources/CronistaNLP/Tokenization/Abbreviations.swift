/// Abbreviations that keep their period as part of the token: data in each language pack's
/// `abbreviations.txt` (lower case, with the final period). Matching is case-insensitive on ASCII letters.
///
/// - ``Kind/title``: come before a name or a number (`Sig. Rossi`, `dott. Bianchi`, `Mr. Smith`, `U.S. Army`):
///   they never end a sentence.
/// - ``Kind/general``: may end a sentence (`... ecc. Poi`): a following capitalised word starts a new one.
/// - ``Kind/beforeNameOrNumber``: also ordinary words (`on.`, `no.`, `art.`, `set.`): abbreviations only
///   when a capitalised word or a digit follows; then they behave as titles.
///
/// The tokenizer runs before the document's language is known, so the table is the union of the
/// files of every language in ``languages``, built once, at first use; a form in several classes
/// takes the first of title, before-name-or-number, general. Look-ups do not allocate.
enum Abbreviations {
    /// The languages whose `abbreviations.txt` (and `elisions.txt`) the tokenizer reads.
    static let languages = ["it", "en"]

    enum Kind: UInt8 { case title, general, beforeNameOrNumber }

    /// The class names of `abbreviations.txt`.
    enum FileClass: String {
        case title, general
        case beforeNameOrNumber = "before-name-or-number"
    }

    struct Entry { let bytes: [UInt8]; let kind: Kind }

    /// Look-up table: FNV-1a hash of the lower-cased bytes → entries.
    /// The union of the bundled languages' abbreviations. A missing or malformed file stops the
    /// program with its file and line, as a missing resource bundle does; ``LanguagePacks/bundled(nerModelPath:)``
    /// loads it first and throws instead.
    static let table: Table = {
        do { return try loaded.get() } catch { fatalError("\(error)") }
    }()

    static let loaded: Result<Table, any Error> = Result { try Table(languages: languages) }

    @inline(__always) static var maxLength: Int { table.maxLength }

    struct Table: Sendable {
        /// FNV-1a hash of the lower-cased bytes → entries.
        var entries: [UInt64: [Entry]] = [:]
        var maxLength = 0

        init(languages: [String]) throws {
            var lists: [FileClass: [String]] = [:]
            for code in languages {
                let file = ResourceFiles.Path.language(code, ResourceFiles.Path.abbreviations)
                guard ResourceFiles.exists(file) else { continue }
                for (c, forms) in try LanguagePack.parseClasses(ResourceFiles.text(file), file: file, as: FileClass.self) {
                    lists[c, default: []] += forms
                }
            }
            try self.init(lists)
        }

        init(_ lists: [FileClass: [String]]) throws {
            var seen: Set<String> = []
            // Order matters: a form listed as a title wins over the same form in `general`.
            for (c, kind) in [(FileClass.title, Kind.title), (.beforeNameOrNumber, .beforeNameOrNumber), (.general, .general)] {
                for s in lists[c] ?? [] where seen.insert(s).inserted {
                    let bytes = Array(s.utf8)
                    entries[hash(bytes), default: []].append(Entry(bytes: bytes, kind: kind))
                    maxLength = max(maxLength, bytes.count)
                }
            }
        }
    }

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in bytes { h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* 0x100000001b3 }
        return h
    }

    /// The kind of `b[start..<end]` if it is a listed abbreviation (case-insensitive).
    static func lookup(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Kind? {
        let n = end - start
        guard n >= 2 && n <= maxLength else { return nil }
        let slice = UnsafeBufferPointer(rebasing: b[start..<end])
        guard let entries = table.entries[hash(slice)] else { return nil }
        outer: for e in entries where e.bytes.count == n {
            for k in 0..<n {
                let c = slice[k]
                if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != e.bytes[k] { continue outer }
            }
            return e.kind
        }
        return nil
    }

    /// The kind of an abbreviation token's text (for the sentence splitter).
    static func kind<S: StringProtocol>(of text: S) -> Kind? {
        var copy = String(text)
        return copy.withUTF8 { lookup($0, 0, $0.count) }
    }
}
