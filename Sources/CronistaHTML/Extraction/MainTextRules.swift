/// What the main-text extractor removes and prefers, as data: tag sets and class/id substrings.
/// `MainTextRules.default` reads `MainTextRules+Default.swift`'s table; a caller may build its own.
public struct MainTextRules: Sendable, Equatable {
    /// Elements dropped with their subtrees (scripts, styles, embedded objects…).
    public var removedTags: Set<String>
    /// Elements dropped unless they hold `mainShare` of the page's text (navigation, forms, asides…).
    public var removedUnlessMainTags: Set<String>
    /// The part of `removedUnlessMainTags` still dropped when an almost empty extraction is tried again
    /// (navigation and footers; an `aside` or a `form` may hold the article).
    public var rescueRemovedUnlessMainTags: Set<String>
    /// The share of the body's text above which a boilerplate-looking element is kept.
    public var mainShare: Double
    /// Words of a class or id that mark boilerplate (cookie banners, share bars, related links…),
    /// matched as whole `-`/`_`/camelCase-separated words.
    public var boilerplatePatterns: [String]
    /// The boilerplate words that still apply when a page is looked at again because the first
    /// extraction was almost empty (comments, consent banners).
    public var rescueBoilerplatePatterns: [String]
    /// Words that protect an element from `boilerplatePatterns` (`article-content` is not a banner).
    public var contentPatterns: [String]
    /// Words of a class or id that mark a standfirst (`article-lead`, `subheadline`): such a heading
    /// before the body is its lead, not a title to skip.
    public var leadPatterns: [String] = []
    /// Words of a class or id that mark a part of the article made of short lines (a recipe's
    /// ingredients): beside the body it joins it whole, inside it its links do not make it a menu.
    public var bodyPartPatterns: [String] = []
    /// Elements that end a paragraph.
    public var blockTags: Set<String>
    /// Shortest paragraph (in characters) that scores.
    public var minimumParagraph: Int
    /// Blocks inside the body whose link text exceeds this share are dropped (menus, tag lists).
    public var maximumLinkDensity: Double
    /// Blocks before the body in its ancestors are its lead while an ancestor adds at most this share
    /// of the body's text (with half the link density allowed).
    public var leadShare: Double
    /// Below this many bytes of text, the extraction is tried again without the class patterns.
    public var rescueLength: Int
    /// Shortest lead paragraph (in characters): shorter ones are titles, dates and bylines.
    public var minimumLead: Int
    /// Shortest heading (in characters, spaces not counted) read as a standfirst without a class
    /// that says so: a sentence set as `<h2>`, not a section title.
    public var minimumSentenceHeading: Int = 80
    /// Longest line (in characters, spaces not counted) dropped as the title of a link list or of
    /// boilerplate that ends its block ("Related coverage", "Read more:"); headings of any length are.
    public var maximumListTitle: Int = 50
    /// Least text (characters, spaces not counted) of an element marked as the article's text
    /// (`[content]`) that replaces a scored body outside it.
    public var minimumMarkedContent: Int = 100
    /// A forum thread or a live ticker: when the body sits in one of at least this many sibling entries
    /// built alike (one tag and first class word), the same block in every entry is body.
    public var minimumRepeatedEntries: Int = 3
    /// How far above the body such an entry may begin (elements).
    public var maximumEntryDepth: Int = 8
    /// Words of a class or id that mark comments (`comment`, `kommentar`): such an element the page
    /// shows before any paragraph of its own is its content (a forum's posts, a live ticker), not
    /// boilerplate, unless another boilerplate word marks it too.
    public var threadPatterns: [String] = []
    /// Shortest text node (characters, spaces not counted) that makes a page's own paragraph before a
    /// comments element.
    public var minimumThreadLead: Int = 60

    public init(
        removedTags: Set<String>, removedUnlessMainTags: Set<String>, boilerplatePatterns: [String], contentPatterns: [String],
        rescueBoilerplatePatterns: [String] = [], rescueRemovedUnlessMainTags: Set<String>? = nil,
        blockTags: Set<String>, mainShare: Double = 0.4, minimumParagraph: Int = 25, maximumLinkDensity: Double = 0.5,
        leadShare: Double = 1000, minimumLead: Int = 60, rescueLength: Int = 500
    ) {
        self.removedTags = removedTags
        self.removedUnlessMainTags = removedUnlessMainTags
        self.rescueRemovedUnlessMainTags = rescueRemovedUnlessMainTags ?? removedUnlessMainTags
        self.mainShare = mainShare
        self.boilerplatePatterns = boilerplatePatterns
        self.contentPatterns = contentPatterns
        self.rescueBoilerplatePatterns = rescueBoilerplatePatterns
        self.blockTags = blockTags
        self.minimumParagraph = minimumParagraph
        self.maximumLinkDensity = maximumLinkDensity
        self.leadShare = leadShare
        self.minimumLead = minimumLead
        self.rescueLength = rescueLength
    }

    /// The rules of `MainTextRules.table`: sections `[removed]`, `[removed-unless-main]`,
    /// `[boilerplate]`, `[rescue-boilerplate]`, `[content]`, `[lead]`, `[body-part]`, `[blocks]`, one entry a line.
    public static let `default`: MainTextRules = {
        var sections: [String: [String]] = [:]
        var current = ""
        for raw in table.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: " ")
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            sections[current, default: []].append(String(line))
        }
        var rules = MainTextRules(
            removedTags: Set(sections["removed", default: []]),
            removedUnlessMainTags: Set(sections["removed-unless-main", default: []]),
            boilerplatePatterns: sections["boilerplate", default: []],
            contentPatterns: sections["content", default: []],
            rescueBoilerplatePatterns: sections["rescue-boilerplate", default: []],
            rescueRemovedUnlessMainTags: Set(sections["rescue-removed-unless-main", default: []]),
            blockTags: Set(sections["blocks", default: []]))
        rules.leadPatterns = sections["lead", default: []]
        rules.bodyPartPatterns = sections["body-part", default: []]
        rules.threadPatterns = sections["thread", default: []]
        return rules
    }()
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}
