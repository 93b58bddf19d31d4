import Foundation

/// The form of an article URL that decides whether two links are the same article: scheme and host
/// lowercased, default port, fragment and tracking parameters (`utm_*`, `fbclid`, `gclid`) dropped,
/// an empty path written `/`. Everything else (path case, other query parameters) is kept: sites
/// differ on what they mean.
public enum CanonicalURL {
    static let trackingPrefixes = ["utm_"]
    static let trackingNames: Set<String> = ["fbclid", "gclid", "mc_cid", "mc_eid", "ocid"]

    public static func of(_ raw: String) -> String? {
        guard var c = URLComponents(string: raw.trimmingCharacters(in: .whitespaces)), let scheme = c.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = c.host, !host.isEmpty
        else { return nil }
        c.scheme = scheme
        c.host = host.lowercased()
        if (scheme == "http" && c.port == 80) || (scheme == "https" && c.port == 443) { c.port = nil }
        c.fragment = nil
        if c.path.isEmpty { c.path = "/" }
        if let items = c.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !trackingNames.contains(name) && !trackingPrefixes.contains { name.hasPrefix($0) }
            }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        return c.url?.absoluteString
    }
}
