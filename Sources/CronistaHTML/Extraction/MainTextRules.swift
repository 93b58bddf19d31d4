/// What the main-text extractor removes and prefers, as data: tag sets and class/id substrings.
/// `MainTextRules.default` reads `MainTextRules+Default.swift`'s table; a caller may build its own.
public struct MainTextRules: Sendable {
    /// Elements dropped with their subtrees (script, navigation, forms…).
    public var removedTags: Set<String>
    /// Substrings of a class or id that mark boilerplate (cookie banners, share bars, related links…).
    public var boilerplatePatterns: [String]
    /// Substrings that protect an element from `boilerplatePatterns` (`article-content` is not a banner).
    public var contentPatterns: [String]
    /// Elements that end a paragraph.
    public var blockTags: Set<String>
    /// Shortest paragraph (in characters) that scores.
    public var minimumParagraph: Int
    /// Blocks inside the body whose link text exceeds this share are dropped (menus, tag lists).
    public var maximumLinkDensity: Double

    public init(
        removedTags: Set<String>, boilerplatePatterns: [String], contentPatterns: [String], blockTags: Set<String>,
        minimumParagraph: Int = 25, maximumLinkDensity: Double = 0.5
    ) {
        self.removedTags = removedTags
        self.boilerplatePatterns = boilerplatePatterns
        self.contentPatterns = contentPatterns
        self.blockTags = blockTags
        self.minimumParagraph = minimumParagraph
        self.maximumLinkDensity = maximumLinkDensity
    }

    /// The rules of `MainTextRules.table`: sections `[removed]`, `[boilerplate]`, `[content]`,
    /// `[blocks]`, one entry a line.
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
        return MainTextRules(
            removedTags: Set(sections["removed", default: []]), boilerplatePatterns: sections["boilerplate", default: []],
            contentPatterns: sections["content", default: []], blockTags: Set(sections["blocks", default: []]))
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
