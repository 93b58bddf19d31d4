import ArgumentParser
import CronistaStorage
import Foundation

#if Server
    import CronistaFetch
#endif

/// `cronista sources add URL… / list / remove URL…`: the feeds, news sitemaps and pages that
/// `update` and `watch` follow, kept in the store.
struct Sources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow feeds (RSS, Atom, JSON Feed), news sitemaps and pages: add, list, remove.",
        subcommands: [Add.self, List.self, Remove.self])

    /// The store as a ``SourceStore`` (both backends are one).
    static func open(_ options: StoreOptions, creating: Bool) async throws -> (any DocumentStore, any SourceStore) {
        let s = try await options.open(creating: creating)
        guard let sources = s as? any SourceStore else {
            try? await s.close()
            throw CLIError("this store cannot keep sources", exitCode: 69)
        }
        return (s, sources)
    }

    /// The URL as the store keys it: canonical (lower-case host, no fragment, no tracking parameters).
    static func canonical(_ url: String) throws -> String {
        guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
            throw ValidationError("'\(url)' is not an http(s) URL")
        }
        #if Server
            return CanonicalURL.of(url) ?? url
        #else
            return url
        #endif
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Follow sources (their first check is at the next update).")
        @Argument(help: "Feed, news sitemap or page URLs.") var urls: [String]
        @Option(help: "A name for the source (with one URL).") var name: String?
        @Option(help: "feed (RSS/Atom/JSON Feed), sitemap (a news sitemap) or page (one article page checked for changes).")
        var kind: String = "feed"
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if urls.isEmpty { throw ValidationError("give at least one URL") }
            if name != nil && urls.count > 1 { throw ValidationError("--name goes with one URL") }
            if FollowedSource.Kind(rawValue: kind) == nil { throw ValidationError("--kind must be feed, sitemap or page") }
            for u in urls { _ = try Sources.canonical(u) }
        }

        func run() async throws {
            let (s, sources) = try await Sources.open(store, creating: true)
            do {
                for u in urls {
                    let url = try Sources.canonical(u)
                    let added = try await sources.addSource(
                        FollowedSource(url: url, name: name, kind: FollowedSource.Kind(rawValue: kind) ?? .feed))
                    printError(added ? "cronista: following \(url)" : "cronista: \(url) is followed already")
                }
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The followed sources: last fetch, next check, articles seen, errors.")
        @Flag(help: "One JSON object per source.") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (s, sources) = try await Sources.open(store, creating: false)
            let all: [FollowedSource]
            do { all = try await sources.sources() } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
            let iso = ISO8601DateFormatter()
            for src in all {
                if json {
                    var o: [String: Any] = [
                        "url": src.url, "kind": src.kind.rawValue, "failures": src.failures, "articles": src.articles
                    ]
                    o["name"] = src.name
                    o["last_fetched"] = src.lastFetched.map(iso.string(from:))
                    o["next_check"] = src.nextPoll.map(iso.string(from:))
                    o["last_error"] = src.lastError
                    let data = try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    let fetched = src.lastFetched.map(iso.string(from:)) ?? "never"
                    let next = src.nextPoll.map(iso.string(from:)) ?? "now"
                    var line = "\(src.url)\t\(src.kind.rawValue)\t\(src.articles) articles\tfetched \(fetched)\tnext \(next)"
                    if let n = src.name { line += "\t\(n)" }
                    if let e = src.lastError { line += "\terror (\(src.failures)×): \(e)" }
                    print(line)
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop following sources (stored articles stay).")
        @Argument(help: "Source URLs.") var urls: [String]
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (s, sources) = try await Sources.open(store, creating: false)
            var missing: [String] = []
            do {
                for u in urls {
                    let url = try Sources.canonical(u)
                    if try await sources.removeSource(url: url) {
                        printError("cronista: no longer following \(url)")
                    } else {
                        missing.append(url)
                    }
                }
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
            if !missing.isEmpty { throw CLIError("not followed: \(missing.joined(separator: ", "))", exitCode: 66) }
        }
    }
}
