/// Parses HTML pages into `HTMLDocument`s, following the WHATWG parsing algorithm.
public struct HTMLParser: Sendable {
    public var limits: HTMLParseLimits
    /// The scripting flag (`<noscript>` is parsed as raw text when true, as markup when false).
    public var scripting: Bool

    public init(limits: HTMLParseLimits = HTMLParseLimits(), scripting: Bool = false) {
        self.limits = limits
        self.scripting = scripting
    }

    /// Parses raw page bytes: the encoding is sniffed (BOM, `transportCharset` such as an HTTP
    /// header's `charset`, `<meta>`, windows-1252), then decoded.
    public func parse(bytes: [UInt8], transportCharset: String? = nil) throws(HTMLParseError) -> HTMLDocument {
        if bytes.count > limits.maxInputBytes {
            throw HTMLParseError(limit: .inputSize, maximum: limits.maxInputBytes, offset: bytes.count)
        }
        let (name, _) = HTMLEncodingSniffer.sniff(bytes, transport: transportCharset)
        let encoding = HTMLEncoding(decoding: name)
        var invalid = 0
        var doc = try parseDecoded(HTMLDecoder.decode(bytes, as: encoding, invalid: &invalid))
        doc.encoding = encoding
        doc.invalidByteSequences = invalid
        return doc
    }

    /// Parses text that is already Unicode (a leading U+FEFF is kept: it is text, not a byte order mark).
    public func parse(_ text: String) throws(HTMLParseError) -> HTMLDocument {
        let bytes = Array(text.utf8)
        if bytes.count > limits.maxInputBytes {
            throw HTMLParseError(limit: .inputSize, maximum: limits.maxInputBytes, offset: bytes.count)
        }
        return try parseDecoded(HTMLDecoder.utf8(bytes, stripBOM: false))
    }

    func parseDecoded(_ input: [UInt8]) throws(HTMLParseError) -> HTMLDocument {
        let builder = HTMLTreeBuilder(input: input, scripting: scripting, limits: limits)
        builder.run()
        if let failure = builder.failure { throw failure }
        return builder.doc
    }

    /// The HTML fragment parsing algorithm: `text` parsed as the contents of a `context` element
    /// (`namespace` html, svg or math). The result's node 1 is the root whose children are the fragment.
    public func parseFragment(_ text: String, context: String, namespace: HTMLDocument.Namespace = .html) throws(HTMLParseError)
        -> HTMLDocument
    {
        let input = HTMLDecoder.utf8(Array(text.utf8), stripBOM: false)
        if input.count > limits.maxInputBytes {
            throw HTMLParseError(limit: .inputSize, maximum: limits.maxInputBytes, offset: input.count)
        }
        let b = HTMLTreeBuilder(input: input, scripting: scripting, limits: limits)
        let tag = b.intern(Array(context.lowercased().utf8))
        let root = b.createElement(.html, .html, withTokenAttributes: false)
        b.appendChild(0, root)
        b.push(root)
        b.context = b.newNode(.element, namespace, tag)
        if namespace == .html {
            switch tag {
            case .title, .textarea: b.tokenizer.state = .rcdata
            case .style, .xmp, .iframe, .noembed, .noframes: b.tokenizer.state = .rawtext
            case .script: b.tokenizer.state = .scriptData
            case .noscript where scripting: b.tokenizer.state = .rawtext
            case .plaintext: b.tokenizer.state = .plaintext
            default: break
            }
            if tag == .template { b.templateModes.append(.inTemplate) }
        }
        b.resetInsertionMode()
        b.run()
        if let failure = b.failure { throw failure }
        return b.doc
    }
}
