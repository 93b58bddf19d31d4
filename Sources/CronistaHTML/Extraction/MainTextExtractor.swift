/// The article text of a page: boilerplate removed by `MainTextRules` (tags, class/id patterns,
/// hidden elements), the body chosen by `itemprop=articleBody` or by paragraph scores with a
/// link-density penalty (as readability does), and its text with paragraph breaks. Linear in the
/// number of nodes; no recursion.
public struct MainTextExtractor: Sendable {
    public var rules: MainTextRules { didSet { compiled = CompiledMainTextRules(rules) } }
    var compiled: CompiledMainTextRules

    public init(rules: MainTextRules = .default) {
        self.rules = rules
        compiled = rules == .default ? Self.compiledDefault : CompiledMainTextRules(rules)
    }

    static let compiledDefault = CompiledMainTextRules(.default)

    public struct Result: Sendable {
        /// Paragraphs joined by "\n".
        public var text: String
        public var paragraphs: [String]
        /// The chosen body element, or nil when the page had no text.
        public var body: Int32?
    }

    public func extract(_ doc: HTMLDocument) -> Result {
        var pass = Pass(doc: doc, rules: rules, compiled: compiled)
        return pass.run()
    }
}

private struct Pass {
    let doc: HTMLDocument
    let rules: MainTextRules
    var removed: [Bool]
    var isBlock: [Bool]
    var text: [Int32]
    var linkText: [Int32]
    var score: [Float]
    /// Elements whose class or id marks a standfirst (`MainTextRules.leadPatterns`).
    var leadMark: [Bool]
    /// Elements whose class or id marks a part of the article made of short lines (`bodyPartPatterns`).
    var bodyPart: [Bool]
    var order: [Int32] = []
    let removedTag: [Bool]
    let guardedTag: [Bool]
    let rescueGuardedTag: [Bool]
    let blockTag: [Bool]
    let compiled: CompiledMainTextRules
    /// The body as scored, before it is widened to a wrapper that holds nothing else.
    var scoredBody: Int32 = -1
    /// The class/id key of the element being looked at (reused: no allocation per node).
    var key: [UInt8] = []

    init(doc: HTMLDocument, rules: MainTextRules, compiled: CompiledMainTextRules) {
        self.doc = doc
        self.rules = rules
        self.compiled = compiled
        let n = doc.nodes.count
        removed = [Bool](repeating: false, count: n)
        isBlock = [Bool](repeating: false, count: n)
        text = [Int32](repeating: 0, count: n)
        linkText = [Int32](repeating: 0, count: n)
        score = [Float](repeating: 0, count: n)
        leadMark = [Bool](repeating: false, count: n)
        bodyPart = [Bool](repeating: false, count: n)
        key.reserveCapacity(256)
        if doc.extraTagNames.isEmpty {
            removedTag = compiled.removedTag
            guardedTag = compiled.guardedTag
            rescueGuardedTag = compiled.rescueGuardedTag
            blockTag = compiled.blockTag
        } else {
            // Tags outside the known table (custom elements) by name, once per page.
            let extra = doc.extraTagNames.map { String(decoding: $0, as: UTF8.self) }
            removedTag = compiled.removedTag + extra.map { rules.removedTags.contains($0) }
            guardedTag = compiled.guardedTag + extra.map { rules.removedUnlessMainTags.contains($0) }
            rescueGuardedTag = compiled.rescueGuardedTag + extra.map { rules.rescueRemovedUnlessMainTags.contains($0) }
            blockTag = compiled.blockTag + extra.map { rules.blockTags.contains($0) }
        }
    }

    /// Non-space bytes and commas of a text node.
    func measure(_ n: Int32) -> (Int32, Int32) {
        let node = doc.nodes[Int(n)]
        var count: Int32 = 0
        var commas: Int32 = 0
        doc.bytes.withUnsafeBufferPointer { b in
            for i in Int(node.start)..<Int(node.end) {
                let c = b[i]
                if c == 0x2C { commas += 1 }
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                if c > 0x20 && (c & 0xC0) != 0x80 { count += 1 }
            }
        }
        return (count, commas)
    }

    /// The value bytes of attribute `name` (lowercase ASCII) of element n, or nil. No String is made.
    func attributeValue(_ n: Int32, _ name: StaticString) -> Range<Int>? {
        let node = doc.nodes[Int(n)]
        let count = name.utf8CodeUnitCount
        let key = name.utf8Start
        for i in Int(node.attributeStart)..<Int(node.attributeEnd) {
            let a = doc.attributes[i]
            if Int(a.nameEnd - a.nameStart) != count { continue }
            var same = true
            for k in 0..<count where doc.bytes[Int(a.nameStart) + k] != key[k] {
                same = false
                break
            }
            if same { return Int(a.valueStart)..<Int(a.valueEnd) }
        }
        return nil
    }

    /// Whether the attribute's value, ASCII-lowercased, equals `word` (lowercase).
    func attributeIs(_ n: Int32, _ name: StaticString, _ word: StaticString) -> Bool {
        guard let r = attributeValue(n, name), r.count == word.utf8CodeUnitCount else { return false }
        var k = 0
        for i in r {
            let c = doc.bytes[i]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != word.utf8Start[k] { return false }
            k += 1
        }
        return true
    }

    func isHidden(_ n: Int32) -> Bool {
        if attributeValue(n, "hidden") != nil { return true }
        if attributeIs(n, "aria-hidden", "true") { return true }
        if let r = attributeValue(n, "style") {
            var compact: [UInt8] = []
            for i in r where doc.bytes[i] != 0x20 {
                let c = doc.bytes[i]
                compact.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
            if contains(compact, Pass.displayNone) || contains(compact, Pass.visibilityHidden) { return true }
        }
        return false
    }

    static let displayNone = Array("display:none".utf8)
    static let visibilityHidden = Array("visibility:hidden".utf8)

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let m = needle.count
        if m == 0 { return true }
        if m > haystack.count { return false }
        let first = needle[0]
        var i = 0
        while i + m <= haystack.count {
            if haystack[i] == first {
                var k = 1
                while k < m, haystack[i + k] == needle[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }

    /// Class and id, lowercased, camelCase split with `-` ("cookieBanner" → "cookie-banner"), into `key`.
    mutating func fillClassKey(_ n: Int32) {
        key.removeAll(keepingCapacity: true)
        for name: StaticString in ["class", "id"] {
            guard let r = attributeValue(n, name) else { continue }
            var previousLower = false
            for i in r {
                let c = doc.bytes[i]
                let upper = c >= 0x41 && c <= 0x5A
                if upper && previousLower { key.append(0x2D) }
                key.append(upper ? c | 0x20 : c)
                previousLower = c >= 0x61 && c <= 0x7A
            }
            key.append(0x20)
        }
    }

    mutating func looksLikeBoilerplate(_ n: Int32, _ patterns: WordPatternMatcher) -> Bool {
        let t = doc.nodes[Int(n)].tag
        if t == .html || t == .body || t == .main || t == .article { return false }
        fillClassKey(n)
        if key.count <= 1 { return false }
        return key.withUnsafeBufferPointer { k in !compiled.content.matches(k) && patterns.matches(k) }
    }

    /// Whether an element that looked like boilerplate (its key filled) is marked as comments and by
    /// no other boilerplate word, and is not a tag dropped as such (navigation, forms).
    func isThread(_ n: Int32) -> Bool {
        if guardedTag[Int(doc.nodes[Int(n)].tag.rawValue)] { return false }
        return key.withUnsafeBufferPointer { k in compiled.thread.matches(k) && !compiled.boilerplateBesidesThread.matches(k) }
    }

    /// Sets `leadMark` and `bodyPart` of a kept element from its class and id (and schema.org's
    /// `itemprop=recipeIngredient`); inside a body part, everything is one.
    mutating func markParts(_ n: Int32) {
        fillClassKey(n)
        if key.count > 1 {
            key.withUnsafeBufferPointer { k in
                leadMark[Int(n)] = compiled.lead.matches(k)
                bodyPart[Int(n)] = compiled.bodyPart.matches(k)
            }
        } else {
            leadMark[Int(n)] = false
            bodyPart[Int(n)] = false
        }
        if attributeValue(n, "itemprop") != nil {
            if attributeIs(n, "itemprop", "recipeingredient") || attributeIs(n, "itemprop", "ingredients") { bodyPart[Int(n)] = true }
        }
        // A body part's lists and lines are parts too (their links do not make them menus).
        let p = doc.nodes[Int(n)].parent
        if p >= 0, bodyPart[Int(p)], !removed[Int(p)] { bodyPart[Int(n)] = true }
    }

    /// Pre-order walk marking removed subtrees; fills `order` with the kept nodes.
    mutating func walk(classRemoval: Bool, bodyText: Int32, classPatterns: Bool = true) {
        order.removeAll(keepingCapacity: true)
        // Whether a paragraph of the page's own (a long text node) was kept before the node.
        var textBefore = false
        // The outermost comments element kept as the page's content.
        var threadKept: Int32 = -1
        var n = doc.nodes[0].firstChild
        while n >= 0 {
            let node = doc.nodes[Int(n)]
            var drop = removed[Int(n)]
            if !drop, node.kind == .element {
                let t = Int(node.tag.rawValue)
                isBlock[Int(n)] = blockTag[t]
                // The rescue reads <noscript>: Blogger themes put the whole post there.
                let kept = !classPatterns && node.tag == .noscript
                if node.namespace != .html || (removedTag[t] && !kept) || isHidden(n) {
                    drop = true
                } else if classRemoval, Double(text[Int(n)]) < rules.mainShare * Double(max(bodyText, 1)),
                    (classPatterns ? guardedTag[t] : rescueGuardedTag[t])
                        || looksLikeBoilerplate(n, classPatterns ? compiled.boilerplate : compiled.rescueBoilerplate)
                {
                    // Navigation, forms and boilerplate classes go, unless they hold most of the page
                    // (ASP.NET pages sit in one <form>, some sites put the article in an <aside>), or
                    // comments come before any paragraph of the page: a forum's posts, a live ticker.
                    // Comments inside comments so kept are kept too.
                    let inThread = threadKept >= 0 && isInside(n, threadKept)
                    if classPatterns, !textBefore || inThread, isThread(n) {
                        if !inThread { threadKept = n }
                    } else {
                        drop = true
                    }
                }
            } else if node.kind == .comment || node.kind == .templateContents || node.kind == .doctype {
                drop = true
            }
            removed[Int(n)] = drop
            if !drop, classRemoval, node.kind == .element { markParts(n) }
            if !drop { order.append(n) }
            // The text of comments so kept is not the page's own: the next entry of a ticker is kept too.
            if !drop, !textBefore, node.kind == .text, text[Int(n)] >= Int32(rules.minimumThreadLead),
                threadKept < 0 || !isInside(n, threadKept)
            {
                textBefore = true
            }
            n = doc.next(n, within: 0, skipChildren: drop)
        }
    }

    /// Text and link-text sums over the kept nodes, children before parents.
    mutating func sum() {
        for i in text.indices {
            text[i] = 0
            linkText[i] = 0
        }
        for n in order.reversed() {
            let node = doc.nodes[Int(n)]
            if node.kind == .text {
                text[Int(n)] = measure(n).0
            } else if node.kind == .element, node.tag == .a {
                linkText[Int(n)] = text[Int(n)]
            }
            let p = node.parent
            if p >= 0 {
                text[Int(p)] += text[Int(n)]
                linkText[Int(p)] += linkText[Int(n)]
            }
        }
    }

    func linkDensity(_ n: Int32) -> Float {
        let t = text[Int(n)]
        return t > 0 ? Float(linkText[Int(n)]) / Float(t) : 0
    }

    /// The nearest block ancestor-or-self of a node.
    func block(_ n: Int32) -> Int32 {
        var b = n
        while b >= 0, doc.nodes[Int(b)].kind == .element, !isBlock[Int(b)] { b = doc.nodes[Int(b)].parent }
        return b
    }

    mutating func run() -> MainTextExtractor.Result {
        walk(classRemoval: false, bodyText: 0)
        sum()
        let body = doc.firstElement(.body) ?? 0
        let bodyText = text[Int(body)]
        walk(classRemoval: true, bodyText: bodyText)
        sum()
        let first = select()
        let length = first.paragraphs.reduce(0) { $0 + $1.utf8.count }
        // An empty page is tried again too: all of it may sit in an unclosed <noscript>.
        guard length < rules.rescueLength, bodyText > 2 * length || length == 0 else { return first }
        // A short post in an element the page marks as the article's text (`entry-content`,
        // itemprop=articleBody) is the article: a sidebar with more words is not tried instead.
        if length > 0, scoredBody > 0, isMarkedContent(scoredBody) { return first }
        // Rescue: a page whose article sits in an element with a boilerplate-looking class (a theme's
        // `sticky-sidebar` wrapper, `entry share`) or in a `<noscript>` fallback gave almost nothing; look
        // again with only the rescue's class patterns (comments, consent), reading `<noscript>`, and keep
        // the larger text.
        for i in removed.indices { removed[i] = false }
        for i in score.indices { score[i] = 0 }
        walk(classRemoval: false, bodyText: 0, classPatterns: false)
        sum()
        walk(classRemoval: true, bodyText: text[Int(body)], classPatterns: false)
        sum()
        let second = select()
        return second.paragraphs.reduce(0) { $0 + $1.utf8.count } > 2 * length ? second : first
    }

    mutating func select() -> MainTextExtractor.Result {

        // itemprop=articleBody wins when it holds text. Some sites mark each paragraph so: every
        // marked element that is not inside another one is part of the body.
        var chosen: Int32 = -1
        var roots: [Int32] = []
        var markedText: Int32 = 0
        for n in order where doc.nodes[Int(n)].kind == .element && text[Int(n)] > 0 {
            guard attributeIs(n, "itemprop", "articlebody"), !roots.contains(where: { isInside(n, $0) }) else { continue }
            roots.append(n)
            markedText += text[Int(n)]
        }
        if markedText >= 200 { chosen = roots[0] } else { roots.removeAll() }
        scoredBody = chosen
        // The page's own markup says where the body ends: nothing after it is added.
        let marked = chosen >= 0
        if !marked {
            // Paragraph scores: each block's direct text, credited to its parent and grandparent.
            var direct = [Int32](repeating: 0, count: doc.nodes.count)
            var commas = [Int32](repeating: 0, count: doc.nodes.count)
            for n in order where doc.nodes[Int(n)].kind == .text {
                let b = block(doc.nodes[Int(n)].parent)
                if b < 0 { continue }
                let (len, c) = measure(n)
                direct[Int(b)] += len
                commas[Int(b)] += c
            }
            var best: Int32 = -1
            var bestScore: Float = 0
            for n in order where doc.nodes[Int(n)].kind == .element && direct[Int(n)] >= Int32(rules.minimumParagraph) {
                let s: Float = 1 + Float(commas[Int(n)]) + min(Float(direct[Int(n)]) / 100, 3)
                let p = doc.nodes[Int(n)].parent
                if p >= 0 {
                    score[Int(p)] += s
                    let g = doc.nodes[Int(p)].parent
                    if g >= 0 { score[Int(g)] += s / 2 }
                }
            }
            for n in order where score[Int(n)] > 0 {
                let s = score[Int(n)] * (1 - linkDensity(n))
                if s > bestScore {
                    bestScore = s
                    best = n
                }
            }
            if best < 0 { return MainTextExtractor.Result(text: "", paragraphs: [], body: nil) }
            best = commonAncestorOfAlternatives(best, bestScore)
            best = markedContentInstead(of: best)
            scoredBody = best
            let entries = repeatedEntryBlocks(best)
            if entries.count > 1 {
                let leads = leadBlocks(best, roots: entries)
                var paragraphs = leads.before.flatMap(leadParagraphs)
                paragraphs += collect(entries, listTitles: true)
                paragraphs += leads.after.flatMap(leadParagraphs)
                return MainTextExtractor.Result(text: paragraphs.joined(separator: "\n"), paragraphs: paragraphs, body: best)
            }
            // A body alone in its wrapper (a grid's row around one column) is the wrapper: the
            // siblings that may join it are the wrapper's (the next rows of the same text).
            while true {
                let p = doc.nodes[Int(best)].parent
                guard p > 0, text[Int(p)] == text[Int(best)], doc.nodes[Int(p)].tag != .body, doc.nodes[Int(p)].tag != .html else { break }
                best = p
            }
            // Siblings that score well, or plain paragraphs beside the body, belong to it.
            let parent = doc.nodes[Int(best)].parent
            if parent >= 0 {
                var c = doc.nodes[Int(parent)].firstChild
                while c >= 0 {
                    if c == best {
                        roots.append(c)
                    } else if !removed[Int(c)], doc.nodes[Int(c)].kind == .element {
                        let s = score[Int(c)] * (1 - linkDensity(c))
                        let paragraph = doc.nodes[Int(c)].tag == .p && text[Int(c)] > 80 && linkDensity(c) < 0.25
                        if s >= max(10, bestScore * 0.2) || paragraph || bodyPart[Int(c)] { roots.append(c) }
                    }
                    c = doc.nodes[Int(c)].nextSibling
                }
            } else {
                roots = [best]
            }
            chosen = best
        }
        let leads = leadBlocks(chosen, roots: roots)
        var paragraphs = leads.before.flatMap(leadParagraphs)
        paragraphs += collect(roots, listTitles: true)
        if !marked { paragraphs += leads.after.flatMap(leadParagraphs) }
        return MainTextExtractor.Result(text: paragraphs.joined(separator: "\n"), paragraphs: paragraphs, body: chosen)
    }

    /// The first word of an element's class attribute, as a range of the document's bytes (empty when
    /// there is none).
    func firstClassWord(_ n: Int32) -> Range<Int> {
        guard let r = attributeValue(n, "class") else { return 0..<0 }
        var s = r.lowerBound
        while s < r.upperBound, doc.bytes[s] <= 0x20 { s += 1 }
        var e = s
        while e < r.upperBound, doc.bytes[e] > 0x20 { e += 1 }
        return s..<e
    }

    /// Whether two elements are built alike: one tag and one first class word.
    func sameKind(_ a: Int32, _ b: Int32) -> Bool {
        guard doc.nodes[Int(a)].kind == .element, doc.nodes[Int(a)].tag == doc.nodes[Int(b)].tag else { return false }
        let x = firstClassWord(a)
        let y = firstClassWord(b)
        return x.count == y.count && doc.bytes[x].elementsEqual(doc.bytes[y])
    }

    /// A forum thread or a live ticker: the body is one of several sibling entries built alike (one tag
    /// and class word), and the same block in the other entries (reached through children built alike)
    /// is body too. The blocks in document order, or only the body when it is no such entry.
    func repeatedEntryBlocks(_ best: Int32) -> [Int32] {
        var steps: [Int32] = []
        var a = best
        for _ in 0..<rules.maximumEntryDepth {
            let p = doc.nodes[Int(a)].parent
            guard p > 0, doc.nodes[Int(p)].tag != .body, doc.nodes[Int(p)].tag != .html else { break }
            if !firstClassWord(a).isEmpty {
                var blocks: [Int32] = []
                var c = doc.nodes[Int(p)].firstChild
                while c >= 0 {
                    if c == a {
                        blocks.append(best)
                    } else if !removed[Int(c)], sameKind(c, a), let b = follow(steps, from: c), text[Int(b)] > 0, linkDensity(b) < 0.5 {
                        blocks.append(b)
                    }
                    c = doc.nodes[Int(c)].nextSibling
                }
                // Entries with a page title of their own are the next stories of a page, not posts.
                if blocks.count >= rules.minimumRepeatedEntries, !hasTitle(p) { return blocks }
            }
            steps.insert(a, at: 0)
            a = p
        }
        return [best]
    }

    /// Whether an element holds an `<h1>`.
    func hasTitle(_ n: Int32) -> Bool {
        var c = doc.nodes[Int(n)].firstChild
        while c >= 0 {
            if doc.nodes[Int(c)].kind == .element, doc.nodes[Int(c)].tag == .h1 { return true }
            c = doc.next(c, within: n, skipChildren: false)
        }
        return false
    }

    /// The element reached from `entry` through the children built like `steps`, one a level.
    func follow(_ steps: [Int32], from entry: Int32) -> Int32? {
        var n = entry
        for step in steps {
            var c = doc.nodes[Int(n)].firstChild
            while c >= 0, removed[Int(c)] || !sameKind(c, step) { c = doc.nodes[Int(c)].nextSibling }
            guard c >= 0 else { return nil }
            n = c
        }
        return n
    }

    /// The element the page marks as the article's text (a `[content]` class word such as
    /// `entry-content`), when there is one such element with text and the scored body lies outside it
    /// (a gallery post of short lines loses to a sidebar's paragraphs).
    mutating func markedContentInstead(of best: Int32) -> Int32 {
        var marked: Int32 = -1
        var count = 0
        for n in order where doc.nodes[Int(n)].kind == .element && text[Int(n)] >= Int32(rules.minimumMarkedContent) {
            let t = doc.nodes[Int(n)].tag
            if t == .html || t == .body { continue }
            if marked >= 0, isInside(n, marked) { continue }
            guard hasContentClass(n) else { continue }
            marked = n
            count += 1
        }
        guard count == 1, !isInside(best, marked), !isInside(marked, best) else { return best }
        return marked
    }

    /// The paragraphs a block beside the body adds: all of a body part (ingredients), else its
    /// sentences without headings, unless the block or the heading is marked as a standfirst.
    func leadParagraphs(_ block: Int32) -> [String] {
        if bodyPart[Int(block)] { return collect([block]) }
        let all = collect([block], skippingHeadings: true, inLead: leadMark[Int(block)] || isSentenceHeading(block))
        // A body part inside the block (the ingredients in an accordion of their own) is read whole.
        var parts: [Int32] = []
        var n = doc.nodes[Int(block)].firstChild
        while n >= 0 {
            let part = bodyPart[Int(n)] && !removed[Int(n)] && doc.nodes[Int(n)].kind == .element
            if part { parts.append(n) }
            n = doc.next(n, within: block, skipChildren: part || removed[Int(n)])
        }
        if parts.isEmpty { return all.filter(isLeadParagraph) }
        let partText = Set(collect(parts))
        return all.filter { isLeadParagraph($0) || partText.contains($0) }
    }

    /// Whether n or an ancestor has a `[content]` class word or itemprop=articleBody.
    mutating func isMarkedContent(_ n: Int32) -> Bool {
        var a = n
        while a > 0 {
            if doc.nodes[Int(a)].kind == .element {
                if attributeIs(a, "itemprop", "articlebody") || hasContentClass(a) { return true }
            }
            a = doc.nodes[Int(a)].parent
        }
        return false
    }

    /// Whether element n's class or id has a `[content]` word (`entry-content`, `article-body`).
    mutating func hasContentClass(_ n: Int32) -> Bool {
        fillClassKey(n)
        return key.count > 1 && key.withUnsafeBufferPointer { compiled.content.matches($0) }
    }

    /// Whether node n is `ancestor` or inside it.
    func isInside(_ n: Int32, _ ancestor: Int32) -> Bool {
        var c = n
        while c > 0, c != ancestor { c = doc.nodes[Int(c)].parent }
        return c == ancestor
    }

    /// The blocks before the body in its ancestors, while what the ancestors add is a little plain
    /// text: the lead, the standfirst and the summary that sit in the article's header beside the
    /// paragraphs. Link lists before the body and large blocks stop the walk (links after the body
    /// stop only what follows it); the outermost `article` element is a whole and is not left. In
    /// document order.
    func leadBlocks(_ body: Int32, roots: [Int32]) -> (before: [Int32], after: [Int32]) {
        // Siblings that joined the body are not leads; the others beside it may be.
        let joined = Set(roots)
        var x = body
        if x <= 0 || doc.nodes[Int(x)].parent <= 0 { return ([], []) }
        var leads: [Int32] = []
        var trail: [Int32] = []
        // The outermost article around the body is the whole: a body that is an article inside the
        // page's article (a CMS's text block) still gets the outer one's header.
        var outermost: Int32 = -1
        var a = x
        while a > 0 {
            if doc.nodes[Int(a)].tag == .article { outermost = a }
            a = doc.nodes[Int(a)].parent
        }
        var trailEnded = false
        while x != outermost {
            let p = doc.nodes[Int(x)].parent
            if p <= 0 { break }
            let t = doc.nodes[Int(p)].tag
            if t == .body || t == .html { break }
            let extra = text[Int(p)] - text[Int(x)]
            let extraLinks = linkText[Int(p)] - linkText[Int(x)]
            if Double(extra) > rules.leadShare * Double(text[Int(body)]) { break }
            // Links after the body (tags, share bars, related stories) do not stop the walk: the header
            // before the body is still read (what follows the body is not), inside an article or not
            // (a standfirst in a page header of its own, a forum's question above its answers).
            let linkHeavy = Double(extraLinks) > rules.maximumLinkDensity * Double(extra)
            if linkHeavy {
                var beforeText: Int32 = 0
                var beforeLinks: Int32 = 0
                var c = doc.nodes[Int(x)].previousSibling
                while c >= 0 {
                    if !removed[Int(c)] {
                        beforeText += text[Int(c)]
                        beforeLinks += linkText[Int(c)]
                    }
                    c = doc.nodes[Int(c)].previousSibling
                }
                if Double(beforeLinks) > rules.maximumLinkDensity * Double(beforeText) { break }
            }
            var before: [Int32] = []
            var c = doc.nodes[Int(x)].previousSibling
            while c >= 0 {
                if isLeadCandidate(c), !joined.contains(c) {
                    before.append(c)
                }
                c = doc.nodes[Int(c)].previousSibling
            }
            leads = before.reversed() + leads
            c = linkHeavy || trailEnded ? -1 : doc.nodes[Int(x)].nextSibling
            while c >= 0 {
                if isLeadCandidate(c), !joined.contains(c) {
                    trail.append(c)
                } else if endsTrail(c) {
                    trailEnded = true
                    break
                }
                c = doc.nodes[Int(c)].nextSibling
            }
            x = p
        }
        return (leads, trail)
    }

    static let headings: [HTMLTag] = [.h1, .h2, .h3, .h4, .h5, .h6]

    /// A block after the body that ends the article: boilerplate with text (a share bar, related
    /// stories, the comments) or a list of links; what follows it belongs to the page.
    func endsTrail(_ c: Int32) -> Bool {
        guard doc.nodes[Int(c)].kind == .element else { return false }
        if removed[Int(c)] {
            let t = Int(doc.nodes[Int(c)].tag.rawValue)
            // Not a script, a style or a hidden element: a banner, a nav or a form the rules took out.
            return doc.nodes[Int(c)].firstChild >= 0 && !(t < removedTag.count && removedTag[t]) && !isHidden(c)
        }
        return text[Int(c)] > 0 && Double(linkDensity(c)) >= rules.maximumLinkDensity
    }

    /// A block beside the body in its ancestors that may add to it: plain text, not a heading unless
    /// marked as a standfirst; a body part (ingredients, each linked to a product or a glossary) may be all links.
    func isLeadCandidate(_ c: Int32) -> Bool {
        guard !removed[Int(c)], doc.nodes[Int(c)].kind == .element, text[Int(c)] > 0 else { return false }
        if bodyPart[Int(c)] { return true }
        if Self.headings.contains(doc.nodes[Int(c)].tag), !leadMark[Int(c)], !isSentenceHeading(c) { return false }
        return Double(linkDensity(c)) < rules.maximumLinkDensity * 0.5
    }

    /// A heading below the title as long as a sentence or two: a standfirst set as `<h2>` with no
    /// class to say so.
    func isSentenceHeading(_ c: Int32) -> Bool {
        let t = doc.nodes[Int(c)].tag
        return t != .h1 && Self.headings.contains(t) && text[Int(c)] >= Int32(rules.minimumSentenceHeading)
    }

    /// Whether the element before n among its siblings is an `<h1>` (a standfirst right below the title).
    func followsTitle(_ n: Int32) -> Bool {
        var c = doc.nodes[Int(n)].previousSibling
        while c >= 0, doc.nodes[Int(c)].kind != .element { c = doc.nodes[Int(c)].previousSibling }
        return c >= 0 && doc.nodes[Int(c)].tag == .h1
    }

    /// A lead's paragraph is a sentence or more, mostly words: not a title, a date line, a byline or a URL.
    func isLeadParagraph(_ p: String) -> Bool {
        var characters = 0
        var spaces = 0
        var letters = 0
        for u in p.unicodeScalars {
            characters += 1
            if u == " " { spaces += 1 } else if u.properties.isAlphabetic { letters += 1 }
        }
        return characters >= rules.minimumLead && spaces >= 5 && Double(letters) >= 0.8 * Double(characters - spaces)
    }

    /// Readability's rule: when three or more of the five next candidates score within 75 % of the best, the
    /// body is their lowest common ancestor with it (a page whose paragraphs sit in separate widgets).
    func commonAncestorOfAlternatives(_ best: Int32, _ bestScore: Float) -> Int32 {
        var alternatives: [Int32] = []
        for n in order where n != best && score[Int(n)] > 0 {
            if score[Int(n)] * (1 - linkDensity(n)) >= bestScore * 0.75 { alternatives.append(n) }
        }
        if alternatives.count < 3 { return best }
        // The five best, as readability keeps: bounded work on pages with many equal candidates.
        alternatives.sort { score[Int($0)] > score[Int($1)] }
        alternatives = Array(alternatives.prefix(5))
        var a = doc.nodes[Int(best)].parent
        while a > 0, doc.nodes[Int(a)].tag != .body {
            var inside = 0
            for alt in alternatives {
                var c = alt
                while c > 0, c != a { c = doc.nodes[Int(c)].parent }
                if c == a { inside += 1 }
            }
            if inside >= 3 { return a }
            a = doc.nodes[Int(a)].parent
        }
        return best
    }

    static let cells: [HTMLTag] = [.table, .tr, .td, .th]

    /// A block of the body left out as a menu or a link list; a table's cells are data (a product's
    /// name links to it), a body part's lines are not a menu.
    func isLinkList(_ n: Int32) -> Bool {
        isBlock[Int(n)] && !Self.cells.contains(doc.nodes[Int(n)].tag) && !bodyPart[Int(n)]
            && linkDensity(n) > Float(rules.maximumLinkDensity) && text[Int(n)] < 400
    }

    /// A block whose text the body leaves out: a link list, or boilerplate the rules removed (not a
    /// script, a hidden element or a figure).
    func isDroppedBlock(_ s: Int32) -> Bool {
        let node = doc.nodes[Int(s)]
        guard node.kind == .element else { return false }
        if removed[Int(s)] {
            let t = Int(node.tag.rawValue)
            if node.tag == .figure || node.tag == .img || (t < removedTag.count && removedTag[t]) { return false }
            return node.firstChild >= 0 && !isHidden(s)
        }
        return text[Int(s)] > 0 && isLinkList(s)
    }

    /// A heading or a short line without links followed in its parent only by dropped blocks (a
    /// link list, a related-stories box): the title of what was dropped.
    func introducesDroppedBlocks(_ n: Int32) -> Bool {
        let node = doc.nodes[Int(n)]
        guard Self.headings.contains(node.tag) || text[Int(n)] <= Int32(rules.maximumListTitle) else { return false }
        if text[Int(n)] == 0 || linkText[Int(n)] > 0 { return false }
        var dropped = false
        var c = node.nextSibling
        while c >= 0 {
            let x = doc.nodes[Int(c)]
            if x.kind == .element {
                if isDroppedBlock(c) {
                    dropped = true
                } else if !removed[Int(c)], text[Int(c)] > 0 {
                    return false
                }
            } else if x.kind == .text, text[Int(c)] > 0 {
                return false
            }
            c = x.nextSibling
        }
        return dropped
    }

    /// The text of the chosen subtrees, one string per paragraph, whitespace collapsed.
    /// With `skippingHeadings`, headings are left out except a standfirst's (`leadMark`, or below the
    /// title inside a marked block when `inLead`) and a heading as long as a sentence that is not
    /// right below the title (AEB's gold leaves a title's standfirst out, trafilatura-eval's keeps
    /// such headings in the blocks beside the body).
    /// In the body (`listTitles`), the title of a link list or of boilerplate that ends its block
    /// ("Related coverage", "Read more:") goes with it, once the body has text.
    func collect(_ roots: [Int32], skippingHeadings: Bool = false, inLead: Bool = false, listTitles: Bool = false) -> [String] {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        func flush() {
            while current.last == 0x20 { current.removeLast() }
            if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for root in roots {
            var stack: [(Int32, Bool)] = [(root, false)]
            while let (n, exiting) = stack.popLast() {
                let node = doc.nodes[Int(n)]
                if exiting {
                    if isBlock[Int(n)] { flush() }
                    continue
                }
                if removed[Int(n)] { continue }
                if node.kind == .text {
                    doc.bytes.withUnsafeBufferPointer { b in
                        for i in Int(node.start)..<Int(node.end) {
                            let c = b[i]
                            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0C || c == 0x0D {
                                if !current.isEmpty && current.last != 0x20 { current.append(0x20) }
                            } else {
                                current.append(c)
                            }
                        }
                    }
                    continue
                }
                guard node.kind == .element else { continue }
                if skippingHeadings, Self.headings.contains(node.tag),
                    node.tag == .h1 || !(leadMark[Int(n)] || inLead || (isSentenceHeading(n) && !followsTitle(n)))
                {
                    continue
                }
                if listTitles, n != root, !paragraphs.isEmpty, isBlock[Int(n)], introducesDroppedBlocks(n) { continue }
                if isBlock[Int(n)] {
                    // Menus and link lists inside the body; a table's cells are data (a product's name links to it).
                    if n != root, isLinkList(n) { continue }
                    flush()
                }
                if node.tag == .br {
                    flush()
                    continue
                }
                stack.append((n, true))
                var c = node.lastChild
                while c >= 0 {
                    stack.append((c, false))
                    c = doc.nodes[Int(c)].previousSibling
                }
            }
            flush()
        }
        return paragraphs
    }
}
