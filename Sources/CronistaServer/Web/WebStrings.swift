import CronistaResources
import CronistaStorage
import Foundation
import HTTPTypes
import Hummingbird

/// The interface strings of the web pages in one language, from the catalogue
/// `Resources/web-strings.tsv` (key, English, Italian): page code names keys, never words.
///
/// The language is the request's `?lang=` (which the language switch links set, and a cookie
/// then remembers), else the `lang` cookie, else the first of `it`/`en` in `Accept-Language`
/// by preference, else English.
struct WebStrings: Sendable {
    enum Language: String, CaseIterable, Sendable {
        case en, it

        /// The language's own name, for the switch.
        var name: String {
            switch self {
            case .en: "English"
            case .it: "Italiano"
            }
        }
    }

    let language: Language

    /// Every key's texts, by language (column order of the file).
    static let catalogue: [String: [String]] = {
        guard let text = try? ResourceSet.server.text("web-strings.tsv") else { return [:] }
        return parse(text)
    }()

    static func parse(_ text: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 2 else { continue }
            out[cols[0]] = Array(cols.dropFirst())
        }
        return out
    }

    /// The text of `key` with `{0}`, `{1}` … filled in; the English text when this language lacks
    /// one, the key itself when the catalogue does.
    subscript(_ key: String, _ args: String...) -> String {
        let texts = Self.catalogue[key] ?? []
        let index = Language.allCases.firstIndex(of: language) ?? 0
        var s = index < texts.count && !texts[index].isEmpty ? texts[index] : (texts.first ?? key)
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }

    /// `1 documento`, `3 documenti`: the `count.NOUN.one` / `.other` keys.
    func count(_ n: Int, _ noun: String) -> String {
        self["count.\(noun).\(n == 1 ? "one" : "other")", "\(n)"]
    }

    /// The language of a request: `?lang=`, the `lang` cookie, `Accept-Language`, English.
    static func negotiate(query: String?, cookie: String?, acceptLanguage: String?) -> Language {
        if let q = query.flatMap(Language.init(rawValue:)) { return q }
        if let cookie {
            for part in cookie.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingPrefixAndSuffixSpaces() }
                if kv.count == 2, kv[0] == "lang", let l = Language(rawValue: kv[1]) { return l }
            }
        }
        // `it-IT,it;q=0.9,en;q=0.8`: the highest q among the languages we have.
        var best: (Language, Double)?
        for item in (acceptLanguage ?? "").split(separator: ",") {
            let parts = item.split(separator: ";").map { String($0).trimmingPrefixAndSuffixSpaces().lowercased() }
            guard let tag = parts.first, let primary = tag.split(separator: "-").first, let l = Language(rawValue: String(primary))
            else { continue }
            var q = 1.0
            for p in parts.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            if q > 0, best.map({ q > $0.1 }) ?? true { best = (l, q) }
        }
        return best?.0 ?? .en
    }

    /// The strings for a request.
    init(_ request: Request) {
        language = Self.negotiate(
            query: QueryParameters(request.uri.query)["lang"], cookie: request.headers[.cookie],
            acceptLanguage: request.headers[.acceptLanguage])
    }

    init(language: Language) { self.language = language }

    /// The current page in another language: the same path and query, `lang` replaced.
    static func switchURL(_ request: Request, to l: Language) -> String {
        var items = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.map(String.init)
        items.append("lang=\(l.rawValue)")
        return request.uri.path + "?" + items.joined(separator: "&")
    }
}
