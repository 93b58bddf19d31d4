public import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads RSS 0.9x/1.0/2.0, Atom, JSON Feed and (news) sitemaps into one `Feed`.
///
/// The format is told by the content, not by the URL or the content type: a body that starts with
/// `{` is JSON Feed, anything else XML by its root element. XML is read with `XMLParser`; a body
/// that it rejects is read once more with its bare `&` escaped (the most common breakage of
/// hand-made feeds), and what a still-broken body gave up to the error is kept when it has entries.
public struct FeedParser: Sendable {
    /// The feed's own URL, to resolve relative links against.
    public var baseURL: URL?

    public init(baseURL: URL? = nil) {
        self.baseURL = baseURL
    }

    public func parse(_ data: Data) throws(FeedParseError) -> Feed {
        let first = data.first { !(0x09...0x0D).contains($0) && $0 != 0x20 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if first == UInt8(ascii: "{") { return try JSONFeedReader(baseURL: baseURL).read(data) }
        let strict = try XMLFeedReader.read(data, baseURL: baseURL, keepPartial: false)
        if let feed = strict.feed { return feed }
        let repaired = try XMLFeedReader.read(Self.escapingBareAmpersands(data), baseURL: baseURL, keepPartial: true)
        guard let feed = repaired.feed else {
            throw FeedParseError(reason: .malformed, url: baseURL?.absoluteString, detail: repaired.error ?? strict.error ?? "XML error")
        }
        return feed
    }

    /// `data` with every `&` that does not begin an entity or character reference written `&amp;`.
    static func escapingBareAmpersands(_ data: Data) -> Data {
        let b = [UInt8](data)
        var out = [UInt8]()
        out.reserveCapacity(b.count + 64)
        var i = 0
        while i < b.count {
            let c = b[i]
            out.append(c)
            if c == UInt8(ascii: "&"), !startsReference(b, i + 1) { out.append(contentsOf: Array("amp;".utf8)) }
            i += 1
        }
        return Data(out)
    }

    /// Whether `b[i...]` is `name;`, `#digits;` or `#xhex;` (the rest of a reference after `&`).
    static func startsReference(_ b: [UInt8], _ start: Int) -> Bool {
        var i = start
        let isHex = { (c: UInt8) in (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c) }
        let isName = { (c: UInt8) in (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        if i < b.count, b[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < b.count && (b[i] == UInt8(ascii: "x") || b[i] == UInt8(ascii: "X"))
            if hex { i += 1 }
            let digitsStart = i
            while i < b.count, i - digitsStart < 8, hex ? isHex(b[i]) : (0x30...0x39).contains(b[i]) { i += 1 }
            return i > digitsStart && i < b.count && b[i] == UInt8(ascii: ";")
        }
        while i < b.count, i - start < 32, isName(b[i]) { i += 1 }
        return i > start && i < b.count && b[i] == UInt8(ascii: ";")
    }
}
