/// One entity across the store, as ``DocumentStore/entities(named:limit:)`` groups them: by its
/// knowledge-base id when it has one, otherwise by its type and folded name.
///
/// Its ``id`` is a string that fits in a URL path segment and parses back:
/// `Q2866` or `kb:loc/kremlin` (a KB id) or `PER:stephane_sejourne` (type, `:`, folded name with
/// `_` for spaces; folded names never contain `_` or `:`). In a URL path it is percent-encoded.
///
/// ```swift
/// EntityKey("Q2866")                 // kb "Q2866"
/// EntityKey("PER:stephane_sejourne") // type "PER", nameKey "stephane sejourne"
/// ```
public struct EntityKey: Hashable, Sendable, CustomStringConvertible {
    /// The KB id; when set, every stored entity with this id matches, whatever its type.
    public var kb: String?
    /// `PER`, `ORG` or `LOC`, for entities without a KB id.
    public var type: String?
    /// The folded name (``StorableDocument/nameKey(_:)``), for entities without a KB id.
    public var nameKey: String?

    public init(kb: String) {
        self.kb = kb
    }

    public init(type: String, nameKey: String) {
        self.type = type
        self.nameKey = nameKey
    }

    static let types: Set<String> = ["PER", "ORG", "LOC"]

    /// Parses an ``id``; `nil` when it is neither a KB id nor `TYPE:folded_name`.
    public init?(_ id: String) {
        guard !id.isEmpty, !id.contains(where: \.isWhitespace) else { return nil }
        if let colon = id.firstIndex(of: ":"), Self.types.contains(String(id[..<colon])) {
            let name = String(id[id.index(after: colon)...]).replacingUnderscores()
            guard !name.isEmpty, StorableDocument.nameKey(name) == name else { return nil }
            self.init(type: String(id[..<colon]), nameKey: name)
        } else {
            // Any other id is a KB id: Q2866, or the KB's own ids such as kb:loc/kremlin.
            self.init(kb: id)
        }
    }

    /// The string form (see the type's documentation).
    public var id: String {
        if let kb { return kb }
        return "\(type ?? "?"):" + String((nameKey ?? "").map { $0 == " " ? "_" : $0 })
    }

    public var description: String { id }
}

extension EntityKey {
    /// The key of an entity row: its KB id when it has one, else its type and folded name.
    public init(kb: String?, type: String, name: String) {
        if let kb, !kb.isEmpty { self.init(kb: kb) } else { self.init(type: type, nameKey: StorableDocument.nameKey(name)) }
    }
}

extension EntityHit {
    /// The key this hit is found under by ``DocumentStore/entity(_:)``.
    public var key: EntityKey { EntityKey(kb: kb, type: type, name: name) }
}

/// Where a page of quote results ends: the sort key of its last quote, so that the next page
/// starts right after it (keyset pagination; stable while documents are added).
///
/// Its ``token`` is opaque to clients: hex of `published`, document id and quote ordinal.
public struct QuoteCursor: Hashable, Sendable {
    /// The document's `published` date, `""` when it has none (the sort treats them alike).
    public var published: String
    public var documentID: String
    /// The quote's index in its document (`q1` is 0).
    public var ordinal: Int

    public init(published: String?, documentID: String, ordinal: Int) {
        self.published = published ?? ""
        self.documentID = documentID
        self.ordinal = ordinal
    }

    /// The cursor after a hit (`q3` has ordinal 2).
    public init?(after hit: QuoteHit) {
        guard hit.quoteID.hasPrefix("q"), let n = Int(hit.quoteID.dropFirst()), n >= 1 else { return nil }
        self.init(published: hit.published, documentID: hit.documentID, ordinal: n - 1)
    }

    /// Parses a ``token``; `nil` when it was not made by one.
    public init?(token: String) {
        var bytes: [UInt8] = []
        var it = Array(token.utf8)[...]
        while it.count >= 2 {
            guard let b = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            bytes.append(b)
            it = it.dropFirst(2)
        }
        guard it.isEmpty else { return nil }
        let parts = bytes.split(separator: 0x1F, omittingEmptySubsequences: false)
        guard parts.count == 3, let p = String(validating: parts[0], as: UTF8.self), let d = String(validating: parts[1], as: UTF8.self),
            !d.isEmpty, let o = Int(String(decoding: parts[2], as: UTF8.self)), o >= 0
        else { return nil }
        self.init(published: p, documentID: d, ordinal: o)
    }

    /// A URL-safe string for clients to send back as `cursor`.
    public var token: String {
        var bytes = Array(published.utf8)
        bytes.append(0x1F)
        bytes += Array(documentID.utf8)
        bytes.append(0x1F)
        bytes += Array(String(ordinal).utf8)
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One stored document with its text, for pages that show the text with its annotations.
public struct StoredDocument: Hashable, Sendable {
    public var hit: DocumentHit
    public var url: String?
    /// The original text, exactly as analysed (offsets point into it).
    public var text: String
    /// The analysis JSON exactly as `Document.analysisJSON()` wrote it.
    public var analysisJSON: String

    public init(hit: DocumentHit, url: String?, text: String, analysisJSON: String) {
        self.hit = hit
        self.url = url
        self.text = text
        self.analysisJSON = analysisJSON
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}

// MARK: SQL shared by both backends

extension EntityKey {
    /// A condition that holds for exactly this entity's rows of the `entity` table aliased `alias`;
    /// `bind` binds a value and returns its placeholder (`?` or `$n`), called in reading order.
    public func sqlCondition(alias a: String, bind: (String) throws -> String) rethrows -> String {
        if let kb { return "\(a).kb = \(try bind(kb))" }
        return "(\(a).kb IS NULL AND \(a).type = \(try bind(type ?? "")) AND \(a).name_key = \(try bind(nameKey ?? "")))"
    }

    /// The negation of ``sqlCondition(alias:bind:)`` (NULL-safe).
    public func sqlExclusion(alias a: String, bind: (String) throws -> String) rethrows -> String {
        if let kb { return "COALESCE(\(a).kb, '') <> \(try bind(kb))" }
        return "NOT (\(a).kb IS NULL AND \(a).type = \(try bind(type ?? "")) AND \(a).name_key = \(try bind(nameKey ?? "")))"
    }
}

extension QuoteCursor {
    /// Quotes after the cursor in ``QuoteHit/orderSQL`` order (`q` = quote, `d` = document);
    /// `bind` binds a value (a `String` or an `Int`) and returns its placeholder, in reading order.
    public func sqlCondition(bind: (any Sendable) throws -> String) rethrows -> String {
        let p1 = try bind(published), p2 = try bind(published)
        let d1 = try bind(documentID), d2 = try bind(documentID)
        let o = try bind(ordinal)
        return """
            (COALESCE(d.published, '') < \(p1) OR (COALESCE(d.published, '') = \(p2) \
            AND (d.id > \(d1) OR (d.id = \(d2) AND q.ordinal > \(o)))))
            """
    }
}
