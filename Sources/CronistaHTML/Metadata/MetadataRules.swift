/// What the metadata extractor reads, as data: meta names in order of trust, month names, byline words.
/// `MetadataRules.default` reads `MetadataRules+Default.swift`'s table; a caller may build its own.
public struct MetadataRules: Sendable {
    /// Meta names/properties/itemprops (lowercase) that give the publication date, most trusted first.
    public var dateMetaNames: [String]
    /// Generic meta names (`date`, `dc.date`) that CMSs also fill with the modification or build date: read
    /// only after `<time>` elements and date-marked elements.
    public var weakDateMetaNames: [String]
    /// Words of a class or id that mark an element holding the date as text (`<span class="date">`).
    public var dateClassWords: [String]
    /// Meta names that give the author.
    public var authorMetaNames: [String]
    /// Meta names that give the title.
    public var titleMetaNames: [String]
    /// Meta names that give the site name.
    public var siteNameMetaNames: [String]
    /// Month names (lowercase, any language, abbreviations too) and their numbers.
    public var months: [String: Int]
    /// Words skipped between the parts of a written-out date (`de` in `5 de junio de 2018`).
    public var dateFillers: [String]
    /// Words of a class, id, itemprop or rel that mark a byline.
    public var bylineWords: [String]
    /// Words of a class or id that mark a comment section (its bylines are not the article's).
    public var commentWords: [String]
    /// Words a byline starts with that are not part of the name ("by", "di", "von"…), lowercase.
    public var bylinePrefixes: [String]
    /// Words that make a byline someone else's credit (`Foto:`, `Theme by`), lowercase.
    public var bylineRejects: [String]
    /// Words that end the name in a byline (what follows is a date or a link), lowercase.
    public var bylineStops: [String]
    /// First words of a short text that is a byline (`By`, `Von`, `Autor:`), lowercase.
    public var bylineTextStarts: [String]
    /// Last words of a short text followed by the author's name (`Ein Artikel von`, `Posted by`).
    public var bylineTextEnds: [String]
    /// Earliest plausible publication year.
    public var earliestYear: Int
    /// The zone of a country (lowercase ISO 3166 code or country-code domain): a publisher's calendar day.
    public var countryZones: [String: PublisherZone]
    /// Languages (lowercase ISO 639-1) whose pages are published in one country for the most part.
    public var languageCountries: [String: String]
    /// JSON keys of a script's state that give the publication date, most trusted first (a last resort).
    public var scriptDateKeys: [String]

    public init(
        dateMetaNames: [String], authorMetaNames: [String], titleMetaNames: [String], siteNameMetaNames: [String], months: [String: Int],
        dateFillers: [String] = [],
        bylineWords: [String], commentWords: [String], bylinePrefixes: [String],
        bylineStops: [String] = [], bylineRejects: [String] = [], bylineTextStarts: [String] = [], bylineTextEnds: [String] = [],
        earliestYear: Int = 1995, weakDateMetaNames: [String] = [], dateClassWords: [String] = [],
        countryZones: [String: PublisherZone] = [:], languageCountries: [String: String] = [:], scriptDateKeys: [String] = []
    ) {
        self.scriptDateKeys = scriptDateKeys
        self.countryZones = countryZones
        self.languageCountries = languageCountries
        self.dateMetaNames = dateMetaNames
        self.weakDateMetaNames = weakDateMetaNames
        self.dateClassWords = dateClassWords
        self.authorMetaNames = authorMetaNames
        self.titleMetaNames = titleMetaNames
        self.siteNameMetaNames = siteNameMetaNames
        self.months = months
        self.dateFillers = dateFillers
        self.bylineWords = bylineWords
        self.commentWords = commentWords
        self.bylinePrefixes = bylinePrefixes
        self.bylineStops = bylineStops
        self.bylineRejects = bylineRejects
        self.bylineTextStarts = bylineTextStarts
        self.bylineTextEnds = bylineTextEnds
        self.earliestYear = earliestYear
    }

    /// The rules of `MetadataRules.table`: sections `[date]`, `[date-weak]`, `[date-class]`, `[author]`, `[title]`, `[site]`,
    /// `[date-fillers]`, `[byline]`, `[comments]`, `[byline-prefix]`, `[byline-stop]`, `[byline-reject]`, `[byline-text-start]`, `[byline-text-end]`, one entry a line, `[months]` with lines `number name name…`,
    /// `[zones]` with lines `country minutes daylight` (`de 60 eu`), `[zone-languages]` with lines `language country`, and
    /// `[date-script]` (JSON keys).
    public static let `default`: MetadataRules = {
        var sections: [String: [String]] = [:]
        var current = ""
        for raw in table.split(separator: "\n") {
            let line = MetadataExtractor.trimmed(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            sections[current, default: []].append(line)
        }
        var months: [String: Int] = [:]
        for line in sections["months", default: []] {
            let words = line.split(separator: " ")
            guard let number = words.first.flatMap({ Int($0) }) else { continue }
            for w in words.dropFirst() { months[String(w)] = number }
        }
        var zones: [String: PublisherZone] = [:]
        for line in sections["zones", default: []] {
            let w = line.split(separator: " ")
            guard w.count == 3, let minutes = Int(w[1]), let daylight = PublisherZone.Daylight(rawValue: String(w[2])) else { continue }
            zones[String(w[0])] = PublisherZone(minutes: minutes, daylight: daylight)
        }
        var languages: [String: String] = [:]
        for line in sections["zone-languages", default: []] {
            let w = line.split(separator: " ")
            if w.count == 2 { languages[String(w[0])] = String(w[1]) }
        }
        return MetadataRules(
            dateMetaNames: sections["date", default: []], authorMetaNames: sections["author", default: []],
            titleMetaNames: sections["title", default: []], siteNameMetaNames: sections["site", default: []], months: months,
            dateFillers: sections["date-fillers", default: []], bylineWords: sections["byline", default: []],
            commentWords: sections["comments", default: []],
            bylinePrefixes: sections["byline-prefix", default: []], bylineStops: sections["byline-stop", default: []],
            bylineRejects: sections["byline-reject", default: []],
            bylineTextStarts: sections["byline-text-start", default: []],
            bylineTextEnds: sections["byline-text-end", default: []],
            weakDateMetaNames: sections["date-weak", default: []], dateClassWords: sections["date-class", default: []],
            countryZones: zones, languageCountries: languages, scriptDateKeys: sections["date-script", default: []])
    }()
}
