import CronistaCore

/// One statement reported by several documents: quotes of the same speaker entity, close in
/// time, whose words overlap (``QuoteClustering``).
public struct QuoteCluster: Hashable, Sendable {
    /// Its quotes, earliest first (by ``QuoteHit/published``, undated last, then document id):
    /// the first is the first appearance.
    public var variants: [QuoteHit]
    public init(variants: [QuoteHit]) {
        precondition(!variants.isEmpty, "a cluster has a quote")
        self.variants = variants
    }

    /// The first appearance: the quote of the earliest published document.
    public var first: QuoteHit { variants[0] }

    /// The documents that carry the statement, in the order of their first variant.
    public var documents: [String] {
        var seen = Set<String>()
        return variants.map(\.documentID).filter { seen.insert($0).inserted }
    }
}

/// Groups quote hits into ``QuoteCluster``s: two quotes are one statement when
/// - their speakers are the same entity (``QuoteHit/speakerEntity``; a quote whose speaker is not
///   an entity stays alone: "una fonte" in two papers is not one person);
/// - their days (the quote's `date`, else its document's `published`) are at most ``windowDays``
///   apart (a quote without a day matches on words and speaker alone);
/// - their contents overlap after normalisation (lower case, accents and punctuation dropped): at
///   least ``minimumOverlap`` of the word pairs of the shorter one occur in the other, or, for
///   contents of one or two words, the same words.
/// Clusters are the connected groups (a quote joins every cluster it matches a member of).
public enum QuoteClustering {
    public static let windowDays = 14
    public static let minimumOverlap = 0.6

    /// The clusters of `hits`, in the order of each cluster's first hit in `hits`.
    public static func cluster(_ hits: [QuoteHit]) -> [QuoteCluster] {
        let sorted = hits.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            switch (x.published, y.published) {
            case (let p?, let q?) where p != q: return p < q
            case (.some, nil): return true
            case (nil, .some): return false
            default: return x.documentID != y.documentID ? x.documentID < y.documentID : a.offset < b.offset
            }
        }
        let position = sorted.map(\.offset)
        let ordered = sorted.map(\.element)
        let pairs = ordered.map { wordPairs(NameFolding.fold($0.content.text)) }
        let days = ordered.map { h in (h.date ?? h.published).flatMap { dayNumber(String($0.prefix(10))) } }
        let speakers = ordered.map(\.speakerEntity)
        // Union-find over the ordered hits.
        var parent = Array(ordered.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for i in ordered.indices {
            guard let s = speakers[i] else { continue }
            for j in 0..<i where speakers[j] == s && root(i) != root(j) {
                if let a = days[i], let b = days[j], abs(a - b) > windowDays { continue }
                guard overlaps(pairs[i], pairs[j]) else { continue }
                parent[root(i)] = root(j)
            }
        }
        var clusters: [Int: [QuoteHit]] = [:]
        var firstPosition: [Int: Int] = [:]
        for i in ordered.indices {
            let r = root(i)
            clusters[r, default: []].append(ordered[i])
            firstPosition[r] = min(firstPosition[r] ?? .max, position[i])
        }
        // Clusters in the order of the hits given (the store's order: newest first).
        return clusters.keys.sorted { firstPosition[$0]! < firstPosition[$1]! }.map { QuoteCluster(variants: clusters[$0]!) }
    }

    /// Whether two contents' word-pair sets overlap enough (see ``QuoteClustering``).
    static func overlaps(_ a: Set<String>, _ b: Set<String>) -> Bool {
        if a.isEmpty || b.isEmpty { return false }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return Double(shared) >= minimumOverlap * Double(small.count)
    }

    /// The folded text's consecutive word pairs (`a b`); a one-word text gives that word.
    static func wordPairs(_ folded: String) -> Set<String> {
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard words.count > 1 else { return Set(words.map(String.init)) }
        var out = Set<String>()
        for i in 1..<words.count { out.insert(words[i - 1] + " " + words[i]) }
        return out
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), or `nil`.
    static func dayNumber(_ s: String) -> Int? {
        let parts = s.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else {
            return nil
        }
        return CivilDay.number(year: y, month: m, day: d)
    }
}
