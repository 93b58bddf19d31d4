import ArgumentParser
import CronistaCore
import CronistaIngest
import Foundation

#if Server
    import CronistaFetch
#endif

/// `cronista ingest https://…/article`: each page fetched (robots.txt honoured), its article
/// extracted as for a `.html` file, then analysed and stored like any input; the id is the page's
/// canonical URL, so ingesting it again stores nothing new.
extension Ingest {
    static func isURL(_ s: String) -> Bool {
        s.hasPrefix("http://") || s.hasPrefix("https://")
    }

    static let fetchFailed = CronistaError.Code("fetch-failed")

    /// The fetched pages as inputs, a failure per page that could not be fetched or read.
    func fetchedPages(_ urls: [String]) async throws -> [SourceItem] {
        #if Server
            let policy = FetchPolicy(version: "0.1.0", contact: ProcessInfo.processInfo.environment["CRONISTA_CONTACT"])
            let fetcher = Fetcher(policy: policy)
            var items: [SourceItem] = []
            for url in urls {
                do {
                    let page = try await fetcher.get(url, isArticle: true)
                    let id = CanonicalURL.of(page.url) ?? page.url
                    items.append(.document(try HTMLPage.page(bytes: page.body, id: id, origin: url, url: id).document))
                } catch let error as CronistaError {
                    items.append(.failure(error))
                } catch {
                    // A FetchError names its URL already.
                    items.append(.failure(CronistaError(Self.fetchFailed, "\(error)")))
                }
            }
            try await fetcher.shutdown()
            return items
        #else
            throw ValidationError("fetching URLs needs a build with the Server trait (scripts/install builds it)")
        #endif
    }
}
