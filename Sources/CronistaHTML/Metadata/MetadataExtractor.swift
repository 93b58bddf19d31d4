#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a page's metadata from its DOM: JSON-LD, OpenGraph and other meta tags, `<link>`, `<time>`,
/// headings, bylines, and dates in the URL and the text. A date must be plausible: not after `today`
/// and not before `rules.earliestYear`.
public struct MetadataExtractor: Sendable {
    public var rules: MetadataRules
    /// Today as `YYYY-MM-DD` (latest plausible date); the system clock's date (UTC) by default.
    public var today: String

    public init(rules: MetadataRules = .default, today: String? = nil) {
        self.rules = rules
        self.today = today ?? MetadataExtractor.currentDate()
    }

    /// What one pass over the DOM collects.
    struct Collected {
        var meta: [String: String] = [:]
        var jsonLD: [String] = []
        var titleText: String?
        var h1: [String] = []
        var canonical: String?
        var language: String?
        var relAuthor: String?
        /// Texts of elements with a byline class/id/itemprop/rel, outermost first.
        var bylines: [String] = []
        /// Texts of short elements that read as a byline (`By Anna Rossi`, `Ein Artikel von …`).
        var textBylines: [String] = []
        var timeDates: [String] = []
        var itempropDate: String?
        /// Short texts of elements whose class or id marks a date (`<span class="date">`), first few.
        var classDates: [String] = []
        /// Scripts other than JSON-LD (a page's state as JSON), read for a date only when all else fails.
        var scripts: [Int32] = []
    }

    /// The metadata of a parsed page. `url`, when given, is the page's address (dates in it are trusted first).
    public func extract(_ doc: HTMLDocument, url: String? = nil) -> PageMetadata {
        let c = collect(doc)
        var m = PageMetadata()
        m.language = c.language
        m.canonicalURL = c.canonical ?? c.meta["og:url"]
        m.siteName =
            rules.siteNameMetaNames.lazy.compactMap { c.meta[$0] }.first.map { Self.normalised(Self.decodeEntities($0)) }
            ?? jsonLDNested("publisher", "name", c.jsonLD)
        m.title = title(c, siteName: m.siteName)
        m.published = published(c, doc: doc, url: url ?? m.canonicalURL)
        m.author = author(c, siteName: m.siteName)
        return m
    }

    // MARK: collection

    func collect(_ doc: HTMLDocument) -> Collected {
        var c = Collected()
        let commentWords = HTMLWordList(rules.commentWords)
        let bylineWords = HTMLWordList(rules.bylineWords)
        let textStart = HTMLWordList(rules.bylineTextStarts)
        let textEnd = HTMLWordList(rules.bylineTextEnds)
        let dateWords = HTMLWordList(rules.dateClassWords)
        var n = doc.nodes.isEmpty ? -1 : doc[doc.root].firstChild
        while n >= 0 {
            let node = doc[n]
            if node.kind == .text, c.textBylines.count < 3, node.end - node.start <= 40,
                doc.readsAsByline(n, starts: textStart, ends: textEnd)
            {
                // The label's own element (`<span>di</span> <a>…</a>`) holds no name: its parent does.
                let label = Self.normalised(doc.text(n))
                var e = doc[n].parent
                var text = Self.normalised(doc.spacedText(e))
                var climbs = 0
                while text == label, climbs < 2, doc[e].parent > 0 {
                    e = doc[e].parent
                    text = Self.normalised(doc.spacedText(e))
                    climbs += 1
                }
                if text != label, text.count <= 100 { c.textBylines.append(text) }
            }
            guard node.kind == .element, node.namespace == .html else {
                n = doc.next(n, within: doc.root)
                continue
            }
            var skip = false
            switch node.tag {
            case .html:
                if c.language == nil, let lang = doc.attribute(n, "lang"), !lang.isEmpty { c.language = Self.trimmed(lang).lowercased() }
            case .meta:
                if let content = doc.attribute(n, "content").map(Self.trimmed), !content.isEmpty {
                    for key in ["property", "name", "itemprop"] {
                        if let k = doc.attribute(n, key) {
                            let k = Self.trimmed(k).lowercased()
                            if c.meta[k] == nil { c.meta[k] = content }
                        }
                    }
                }
            case .title:
                if c.titleText == nil { c.titleText = Self.normalised(doc.textContent(n)) }
                skip = true
            case .link:
                let rel = (doc.attribute(n, "rel") ?? "").lowercased()
                if rel == "canonical", c.canonical == nil { c.canonical = doc.attribute(n, "href").map(Self.trimmed) }
            case .script:
                if (doc.attribute(n, "type") ?? "").lowercased().contains("ld+json") {
                    c.jsonLD.append(doc.textContent(n))
                } else if c.scripts.count < 64 {
                    c.scripts.append(n)
                }
                skip = true
            case .style, .noscript, .template:
                skip = true
            case .h1:
                if c.h1.count < 3 { c.h1.append(Self.normalised(doc.textContent(n))) }
            case .time:
                if let d = doc.attribute(n, "datetime") ?? doc.attribute(n, "content") {
                    let published =
                        doc.attribute(n, "pubdate") != nil || (doc.attribute(n, "itemprop") ?? "").lowercased() == "datepublished"
                    if published { c.timeDates.insert(d, at: 0) } else { c.timeDates.append(d) }
                } else if c.timeDates.count < 4 {
                    // `<time>29.04.2020, 12:01</time>`: no attribute, the date is the text.
                    let text = Self.normalised(doc.textContent(n))
                    if !text.isEmpty, text.count <= 60 { c.timeDates.append(text) }
                }
            default:
                break
            }
            if node.tag != .meta, let prop = doc.attribute(n, "itemprop")?.lowercased() {
                if prop == "datepublished", c.itempropDate == nil {
                    c.itempropDate = doc.attribute(n, "datetime") ?? doc.attribute(n, "content") ?? doc.attribute(n, "title")
                }
            }
            if node.tag == .a, c.relAuthor == nil, doc.attributeHasWord(n, Self.rel, Self.authorWord) {
                c.relAuthor = Self.normalised(doc.textContent(n))
            }
            if node.tag == .form || isComments(doc, n, commentWords) {
                n = doc.next(n, within: doc.root, skipChildren: true)
                continue
            }
            if c.classDates.count < 3, node.tag != .time, node.tag != .html, node.tag != .body,
                doc.attributeHasWord(n, Self.classAndID, dateWords), !doc.isInsideLink(n)
            {
                let text = Self.normalised(doc.spacedText(n))
                if !text.isEmpty, text.count <= 80 { c.classDates.append(text) }
            }
            if c.bylines.count < 4, node.tag != .meta, node.tag != .html, node.tag != .body, isByline(doc, n, bylineWords) {
                let text = Self.normalised(doc.spacedText(n))
                if !text.isEmpty, text.count <= 100 { c.bylines.append(text) }
            }
            n = doc.next(n, within: doc.root, skipChildren: skip)
        }
        return c
    }

    /// A comment section (class or id with a word such as `comment`): its bylines are commenters.
    func isComments(_ doc: HTMLDocument, _ n: Int32, _ words: HTMLWordList) -> Bool {
        doc.attributeHasWord(n, Self.classAndID, words)
    }

    func isByline(_ doc: HTMLDocument, _ n: Int32, _ words: HTMLWordList) -> Bool {
        doc.attributeHasWord(n, Self.bylineAttributes, words)
    }

    static let rel = [Array("rel".utf8)]
    static let authorWord = HTMLWordList(["author"])
    static let classAndID = [Array("class".utf8), Array("id".utf8)]
    static let bylineAttributes = [Array("class".utf8), Array("id".utf8), Array("itemprop".utf8), Array("rel".utf8)]

    // MARK: title, author

    func title(_ c: Collected, siteName: String?) -> String? {
        var candidates: [String] = []
        if let h = jsonLDString("headline", c.jsonLD) { candidates.append(h) }
        candidates += rules.titleMetaNames.compactMap { c.meta[$0] }
        if c.h1.count == 1 { candidates.append(c.h1[0]) }
        if let t = c.titleText { candidates.append(t) }
        for raw in candidates {
            let t = Self.normalised(Self.decodeEntities(raw))
            let stripped = strippingSiteName(t, siteName: siteName)
            if !stripped.isEmpty { return stripped }
        }
        return nil
    }

    /// A title without the site name: `Story | Site` → `Story`; without a known site name, the longest part.
    func strippingSiteName(_ title: String, siteName: String?) -> String {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] where title.contains(sep) {
            let parts = title.split(separator: sep, omittingEmptySubsequences: false).map(String.init).map(Self.normalised).filter {
                !$0.isEmpty
            }
            guard parts.count > 1 else { continue }
            if let site = siteName?.lowercased() {
                let kept = parts.filter { $0.lowercased() != site && !site.contains($0.lowercased()) }
                if kept.count < parts.count { return kept.joined(separator: sep) }
            }
            // Only the last (or first) short part looks like a site name.
            if let last = parts.last, last.count < parts.dropLast().joined().count / 2 { return parts.dropLast().joined(separator: sep) }
            if let first = parts.first, first.count < parts.dropFirst().joined().count / 2 {
                return parts.dropFirst().joined(separator: sep)
            }
            return title
        }
        return title
    }

    func author(_ c: Collected, siteName: String?) -> String? {
        var candidates: [String] = []
        if let a = jsonLDNested("author", "name", c.jsonLD) { candidates.append(a) }
        candidates += rules.authorMetaNames.compactMap { c.meta[$0] }
        if let a = c.relAuthor { candidates.append(a) }
        candidates += c.bylines
        for raw in candidates {
            if let a = cleanAuthor(raw), a.lowercased() != siteName?.lowercased() { return a }
        }
        // A text that only reads as a byline must give a capitalised name (not `Di fronte al mare`).
        for raw in c.textBylines {
            guard let a = cleanAuthor(raw), a.lowercased() != siteName?.lowercased() else { continue }
            let words = a.split(separator: " ")
            if let f = words.first?.first, let l = words.last?.first, f.isUppercase, l.isUppercase { return a }
        }
        return nil
    }

    /// A name from a byline: the words after a leading label ending in `by`/`von`/`di`… (`Posted by`,
    /// `Veröffentlicht von`), without surrounding punctuation; nil for a URL, a domain, a label or a
    /// comment's `says:`.
    func cleanAuthor(_ raw: String) -> String? {
        let a = Self.normalised(Self.decodeEntities(raw))
        if a.contains("://") || a.hasPrefix("www.") || a.contains("@") || a.hasSuffix(":") { return nil }
        var words = a.split(separator: " ").map(String.init)
        func isPrefix(_ w: String) -> Bool { rules.bylinePrefixes.contains(w.lowercased().trimmingColon) }
        // Photo credits and theme credits (`Foto: …`, `Theme by …`) are not the article's author.
        if words.prefix(4).contains(where: { rules.bylineRejects.contains($0.lowercased().trimmingColon) }) { return nil }
        // A label's last word (`Posted by`, `Erstellt von`); `von` between a first name and a surname
        // (`Christoph von Ritter`) is the name's own.
        var label = -1
        for (i, w) in words.prefix(5).enumerated() where isPrefix(w) {
            if i == 0 || words.count - i - 1 >= 2 || words[..<i].allSatisfy({ isPrefix($0) || $0.first?.isLowercase == true }) {
                label = i
            }
        }
        if label >= 0 { words.removeSubrange(...label) }
        // The name ends where the byline goes on to a date, a site or a photo credit.
        if let stop = words.dropFirst().firstIndex(where: {
            rules.bylineStops.contains($0.lowercased().trimmingColon) || $0.first?.isNumber == true
        }) {
            words.removeSubrange(stop...)
        }
        var name = words.joined(separator: " ")
        if let cut = name.firstIndex(where: { "|•·/(".contains($0) }) { name = String(name[..<cut]) }
        for sep in [" - ", " – ", " — "] { if let r = name.firstRange(of: sep) { name = String(name[..<r.lowerBound]) } }
        while let f = name.first, !(f.isLetter || f.isNumber) { name.removeFirst() }
        while let l = name.last, !(l.isLetter || l.isNumber || l == ".") { name.removeLast() }
        let lower = name.lowercased()
        if rules.months[lower] != nil || rules.bylineStops.contains(lower) || rules.bylinePrefixes.contains(lower) { return nil }
        if name.isEmpty || name.count > 60 || name.contains(where: \.isNumber) || name.split(separator: " ").count > 6 { return nil }
        // A domain (`example.de`) is the site, not an author.
        if let dot = name.lastIndex(of: "."), !name.contains(" "), name.distance(from: dot, to: name.endIndex) > 2 { return nil }
        return name
    }

    // MARK: dates

    func published(_ c: Collected, doc: HTMLDocument, url: String?) -> String? {
        if let url, let d = dateInURL(url) { return d }
        // A timestamp with an offset is an instant: its day is the publisher's (see PublisherZone).
        let zone = publisherZone(url: url, language: c.language)
        func isoDate(_ v: String) -> String? {
            if let zone, let d = zonedDate(v, zone: zone) { return d }
            return self.isoDate(v)
        }
        for name in rules.dateMetaNames {
            if let v = c.meta[name], let d = isoDate(v) { return d }
        }
        if let v = jsonLDString("datePublished", c.jsonLD), let d = isoDate(v) { return d }
        if let v = c.itempropDate, let d = isoDate(v) { return d }
        for v in c.timeDates {
            if let d = isoDate(v) { return d }
        }
        for v in c.classDates {
            if let d = textDateIn(v) { return d }
        }
        for name in rules.weakDateMetaNames {
            if let v = c.meta[name], let d = isoDate(v) { return d }
        }
        if let v = jsonLDString("dateCreated", c.jsonLD), let d = isoDate(v) { return d }
        for v in c.classDates {
            if let d = shortYearDate(v) { return d }
        }
        if let d = textDate(doc) { return d }
        // Last, a page's own state in a script (`"publishedDate":"2016-11-04T20:37:27Z"`), first 4 MB.
        var texts: [String] = []
        var budget = 4 << 20
        for n in c.scripts where budget > 0 {
            let t = doc.textContent(n)
            budget -= t.utf8.count
            texts.append(t)
        }
        for key in rules.scriptDateKeys {
            if let v = jsonLDString(key, texts), let d = isoDate(v) { return d }
        }
        return nil
    }

    func plausible(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard y >= rules.earliestYear, (1...12).contains(m), (1...31).contains(d) else { return nil }
        let s = Self.format(y, m, d)
        return s <= today ? s : nil
    }

    /// `/2024/03/15/`, `2024-03-15`, `20240315`, `15-03-2024` in a URL's path.
    func dateInURL(_ url: String) -> String? {
        let nums = Self.numberRuns(url)
        for i in nums.indices {
            let (v, len, _) = nums[i]
            if len == 8, let d = plausible(v / 10000, v / 100 % 100, v % 100) { return d }
            if len == 4, i + 2 < nums.count, nums[i + 1].1 <= 2, nums[i + 2].1 <= 2,
                let d = plausible(v, nums[i + 1].0, nums[i + 2].0)
            {
                return d
            }
            // `/29-10-2021`: day, month, year.
            if len <= 2, i + 2 < nums.count, nums[i + 1].1 <= 2, nums[i + 2].1 == 4, nums[i + 1].2 == "-", nums[i + 2].2 == "-",
                let d = plausible(nums[i + 2].0, nums[i + 1].0, v)
            {
                return d
            }
        }
        return nil
    }

    /// The first `YYYY-MM-DD` (or `YYYY/MM/DD`, `DD.MM.YYYY`) date of a meta value.
    func isoDate(_ value: String) -> String? {
        let nums = Self.numberRuns(value)
        guard nums.count >= 3 else { return textDateIn(value) }
        if nums[0].1 == 4 { return plausible(nums[0].0, nums[1].0, nums[2].0) }
        if nums[2].1 == 4, nums[0].1 <= 2, nums[1].1 <= 2 { return plausible(nums[2].0, nums[1].0, nums[0].0) }
        return textDateIn(value)
    }

    /// `23.09.22`, `23/09/22` (day, month, two-digit year of this century): read only in a date-marked
    /// element, where a short number triple is a date and not a score or a version.
    func shortYearDate(_ text: String) -> String? {
        let nums = Self.numberRuns(text)
        guard nums.count >= 3 else { return nil }
        for i in 0..<(nums.count - 2) {
            let (d, m, y) = (nums[i], nums[i + 1], nums[i + 2])
            guard d.1 <= 2, m.1 <= 2, y.1 == 2, let sep = m.2, sep == y.2, sep == "." || sep == "/" else { continue }
            if let date = plausible(2000 + y.0, m.0, d.0) { return date }
        }
        return nil
    }

    /// The first plausible date written out in the page's visible text.
    func textDate(_ doc: HTMLDocument) -> String? {
        var n = doc.nodes.isEmpty ? -1 : doc.root
        var budget = 200_000
        while n >= 0, budget > 0 {
            let node = doc[n]
            var skip = false
            if node.kind == .element, [.script, .style, .noscript, .template, .head].contains(node.tag) { skip = true }
            if node.kind == .text, node.end - node.start >= 8 {
                let t = doc.text(n)
                budget -= t.utf8.count
                if let d = textDateIn(t) { return d }
            }
            n = doc.next(n, within: doc.root, skipChildren: skip)
        }
        return nil
    }

    /// `15 marzo 2024`, `March 15, 2024`, `15. März 2024`, `15/03/2024`, `15.03.2024`, `2024-03-15` in a text.
    func textDateIn(_ text: String) -> String? {
        var tokens = Self.tokens(text)
        if !rules.dateFillers.isEmpty { tokens.removeAll { rules.dateFillers.contains($0.text) } }
        for i in tokens.indices {
            let t = tokens[i]
            if let month = rules.months[t.text] {
                if i >= 1, let day = Int(tokens[i - 1].text), i + 1 < tokens.count, tokens[i + 1].text.count == 4,
                    let year = Int(tokens[i + 1].text), let d = plausible(year, month, day)
                {
                    return d
                }
                if i + 2 < tokens.count, let day = Int(tokens[i + 1].text), tokens[i + 2].text.count == 4,
                    let year = Int(tokens[i + 2].text), let d = plausible(year, month, day)
                {
                    return d
                }
            } else if i + 2 < tokens.count, let a = Int(t.text), let b = Int(tokens[i + 1].text), let c = Int(tokens[i + 2].text),
                let sep = tokens[i + 1].separator, sep == tokens[i + 2].separator, "./-".contains(sep)
            {
                if t.text.count == 4, let d = plausible(a, b, c) { return d }
                if tokens[i + 2].text.count == 4, t.text.count <= 2, let d = plausible(c, b, a) { return d }
            }
        }
        return nil
    }

    // MARK: JSON-LD (a key scan: pages' JSON-LD is often invalid JSON)

    func jsonLDString(_ key: String, _ blocks: [String]) -> String? {
        for b in blocks {
            var from = b.startIndex
            while let r = Self.find("\"\(key)\"", in: b, from: from) {
                from = r.upperBound
                if let s = Self.jsonValueString(b, after: r.upperBound), !s.isEmpty { return s }
            }
        }
        return nil
    }

    /// `"outer": {"name": "…"}`, `"outer": [{"name": "…"}, …]` (names joined by `, `), or `"outer": "…"`.
    func jsonLDNested(_ outer: String, _ inner: String, _ blocks: [String]) -> String? {
        for b in blocks {
            guard let r = Self.find("\"\(outer)\"", in: b, from: b.startIndex) else { continue }
            if let s = Self.jsonValueString(b, after: r.upperBound) { return s.isEmpty ? nil : s }
            var i = r.upperBound
            while i < b.endIndex, b[i] == " " || b[i] == ":" || b[i] == "\n" || b[i] == "\t" || b[i] == "\r" { i = b.index(after: i) }
            guard i < b.endIndex, b[i] == "{" || b[i] == "[" else { continue }
            let isArray = b[i] == "["
            // The value's extent: to its matching bracket (strings skipped).
            var depth = 0
            var inString = false
            var escape = false
            var end = i
            var j = i
            while j < b.endIndex {
                let ch = b[j]
                if inString {
                    if escape { escape = false } else if ch == "\\" { escape = true } else if ch == "\"" { inString = false }
                } else if ch == "\"" {
                    inString = true
                } else if ch == "{" || ch == "[" {
                    depth += 1
                } else if ch == "}" || ch == "]" {
                    depth -= 1
                    if depth == 0 {
                        end = j
                        break
                    }
                }
                j = b.index(after: j)
            }
            let value = String(b[i..<end])
            var names: [String] = []
            var from = value.startIndex
            while let k = Self.find("\"\(inner)\"", in: value, from: from) {
                from = k.upperBound
                if let s = Self.jsonValueString(value, after: k.upperBound), !s.isEmpty, !names.contains(s) { names.append(s) }
                if !isArray { break }
            }
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        return nil
    }

    /// The first occurrence of `needle` in `s` at or after `from`, searched on the UTF-8 bytes (JSON-LD
    /// blocks run to tens of kilobytes; this is the hot part of the metadata).
    static func find(_ needle: String, in s: String, from: String.Index) -> Range<String.Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return nil }
        let u = s.utf8
        let found: Int?? = u.withContiguousStorageIfAvailable { buf -> Int? in
            var k = u.distance(from: u.startIndex, to: from)
            let last = buf.count - n.count
            while k <= last {
                if buf[k] == first {
                    var j = 1
                    while j < n.count, buf[k + j] == n[j] { j += 1 }
                    if j == n.count { return k }
                }
                k += 1
            }
            return nil
        }
        guard let result = found else { return s[from...].firstRange(of: needle) }
        guard let k = result else { return nil }
        let lower = u.index(u.startIndex, offsetBy: k)
        return lower..<u.index(lower, offsetBy: n.count)
    }

    /// After a key: `: "string"` → the decoded string, else nil.
    static func jsonValueString(_ s: String, after i: String.Index) -> String? {
        var i = i
        var colon = false
        while i < s.endIndex {
            let ch = s[i]
            if ch == ":" && !colon {
                colon = true
            } else if !(ch == " " || ch == "\n" || ch == "\t" || ch == "\r") {
                break
            }
            i = s.index(after: i)
        }
        guard colon, i < s.endIndex, s[i] == "\"" else { return nil }
        var out = ""
        var scalars = s.unicodeScalars[s.index(after: i)...].makeIterator()
        while let u = scalars.next() {
            if u == "\"" { return normalised(decodeEntities(out)) }
            if u == "\\" {
                guard let e = scalars.next() else { return nil }
                switch e {
                case "n", "r", "t": out.append(" ")
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let h = scalars.next() { hex.unicodeScalars.append(h) } }
                    if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) { out.unicodeScalars.append(scalar) }
                default: out.unicodeScalars.append(e)
                }
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return nil
    }

    // MARK: text helpers

    static func trimmed(_ s: some StringProtocol) -> String {
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace { sub.removeLast() }
        return String(sub)
    }

    /// Whitespace runs collapsed to one space, trimmed.
    static func normalised(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The few entities that survive in meta values and JSON-LD (`&amp;`, `&quot;`, `&#39;`…).
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (e, r) in [
            ("&quot;", "\""), ("&#39;", "'"), ("&#039;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "),
            ("&amp;", "&")
        ] {
            out = out.replacingOccurrences(e, r)
        }
        return out
    }

    /// Digit runs of a string: value, length, and the character before.
    static func numberRuns(_ s: String) -> [(Int, Int, Character?)] {
        var out: [(Int, Int, Character?)] = []
        var value = 0
        var len = 0
        var before: Character?
        var prev: Character?
        for ch in s {
            if let d = ch.wholeNumberValue, ch.isASCII {
                if len == 0 { before = prev }
                if len < 9 { value = value * 10 + d }
                len += 1
            } else if len > 0 {
                out.append((value, len, before))
                value = 0
                len = 0
            }
            prev = ch
        }
        if len > 0 { out.append((value, len, before)) }
        return out
    }

    /// Lowercased letter or digit runs with the one character before each (nil after a space or more).
    static func tokens(_ s: String) -> [(text: String, separator: Character?)] {
        var out: [(text: String, separator: Character?)] = []
        var current = ""
        var sep: Character?
        var gap = ""
        for ch in s {
            if ch.isLetter || (ch.isNumber && ch.isASCII) {
                if current.isEmpty {
                    sep = gap.count == 1 ? gap.first : nil
                    gap = ""
                }
                if let last = current.last, last.isNumber != ch.isNumber {
                    out.append((current, sep))
                    current = ""
                    sep = nil
                }
                current += ch.lowercased()
            } else {
                if !current.isEmpty {
                    out.append((current, sep))
                    current = ""
                }
                gap.append(ch)
            }
        }
        if !current.isEmpty { out.append((current, sep)) }
        return out
    }

    static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    static func currentDate() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        return format(Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday))
    }
}

extension String {
    fileprivate var trimmingColon: String { hasSuffix(":") ? String(dropLast()) : self }

    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
