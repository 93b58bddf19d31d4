/// The WHATWG HTML tokenizer (§13.2.5) over UTF-8 bytes that are already valid and have no CR
/// (`HTMLInput` normalises them). A pull tokenizer: `next()` returns one token kind and leaves its data
/// in the fields below until the following call, so the tree builder can switch the state (RCDATA,
/// RAWTEXT, script data, PLAINTEXT) right after a start tag. Character references are resolved by
/// looking ahead in the input, which is all in memory.
final class HTMLTokenizer {
    enum State: UInt8 {
        case data, rcdata, rawtext, scriptData, plaintext
        case tagOpen, endTagOpen, tagName
        case scriptDataEscapeStart, scriptDataEscapeStartDash, scriptDataEscaped, scriptDataEscapedDash
        case scriptDataEscapedDashDash, scriptDataDoubleEscaped, scriptDataDoubleEscapedDash, scriptDataDoubleEscapedDashDash
        case beforeAttributeName, attributeName, afterAttributeName, beforeAttributeValue
        case attributeValueDoubleQuoted, attributeValueSingleQuoted, attributeValueUnquoted, afterAttributeValueQuoted
        case selfClosingStartTag, bogusComment, markupDeclarationOpen
        case commentStart, commentStartDash, comment, commentLessThan, commentLessThanBang, commentLessThanBangDash
        case commentLessThanBangDashDash, commentEndDash, commentEnd, commentEndBang
        case doctype, beforeDoctypeName, doctypeName, afterDoctypeName, afterDoctypePublicKeyword
        case beforeDoctypePublicIdentifier, doctypePublicIdentifierDoubleQuoted, doctypePublicIdentifierSingleQuoted
        case afterDoctypePublicIdentifier, betweenDoctypePublicAndSystemIdentifiers, afterDoctypeSystemKeyword
        case beforeDoctypeSystemIdentifier, doctypeSystemIdentifierDoubleQuoted, doctypeSystemIdentifierSingleQuoted
        case afterDoctypeSystemIdentifier, bogusDoctype, cdataSection
    }

    enum TokenKind: UInt8 { case characters, startTag, endTag, comment, doctype, eof }

    struct AttributeRange {
        var nameStart: Int32
        var nameEnd: Int32
        var valueStart: Int32
        var valueEnd: Int32
    }

    private let input: UnsafeMutablePointer<UInt8>
    private let end: Int
    @exclusivity(unchecked) private(set) var pos = 0
    @exclusivity(unchecked) var state: State = .data

    // The current token's data.
    @exclusivity(unchecked) var text: [UInt8] = []
    @exclusivity(unchecked) var tagName: [UInt8] = []
    @exclusivity(unchecked) var isEndTag = false
    @exclusivity(unchecked) var selfClosing = false
    /// Attribute names and values back to back; ranges in `attributes`.
    @exclusivity(unchecked) var attributeBytes: [UInt8] = []
    @exclusivity(unchecked) var attributes: [AttributeRange] = []
    @exclusivity(unchecked) private var dropAttribute = false
    @exclusivity(unchecked) var commentData: [UInt8] = []
    @exclusivity(unchecked) var doctypeName: [UInt8] = []
    @exclusivity(unchecked) var doctypeNameMissing = true
    @exclusivity(unchecked) var publicID: [UInt8]? = nil
    @exclusivity(unchecked) var systemID: [UInt8]? = nil
    @exclusivity(unchecked) var forceQuirks = false

    /// The name of the last start tag emitted, for "appropriate end tag".
    @exclusivity(unchecked) var lastStartTag: [UInt8] = []
    /// Set by the tree builder: the adjusted current node is not in the HTML namespace.
    @exclusivity(unchecked) var allowCDATA = false
    @exclusivity(unchecked) var errors = 0
    @exclusivity(unchecked) private var pending: TokenKind? = nil
    @exclusivity(unchecked) private var returnedCharacters = false
    @exclusivity(unchecked) private var entities = HTMLEntities.shared

    init(_ bytes: [UInt8]) {
        end = bytes.count
        input = .allocate(capacity: max(end, 1))
        bytes.withUnsafeBufferPointer { if end > 0 { input.initialize(from: $0.baseAddress!, count: end) } }
        text.reserveCapacity(256)
    }

    deinit { input.deallocate() }

    @inline(__always) private func peek(_ offset: Int = 0) -> Int {
        pos + offset < end ? Int(input[pos + offset]) : -1
    }

    @inline(__always) private func error() { errors += 1 }

    /// The first index in `from..<end` holding `a`, `b` or `c` (or `end`): eight bytes a step.
    @inline(__always) private func scan(from: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        var p = from
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let ma = UInt64(a) &* ones
        let mb = UInt64(b) &* ones
        let mc = UInt64(c) &* ones
        let raw = UnsafeRawPointer(input)
        while p + 8 <= end {
            let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let xa = w ^ ma
            let xb = w ^ mb
            let xc = w ^ mc
            let hit = ((xa &- ones) & ~xa | (xb &- ones) & ~xb | (xc &- ones) & ~xc) & highs
            if hit != 0 { break }
            p += 8
        }
        while p < end {
            let x = input[p]
            if x == a || x == b || x == c { return p }
            p += 1
        }
        return p
    }

    @inline(__always) private static func isWhitespace(_ c: Int) -> Bool {
        c == 0x09 || c == 0x0A || c == 0x0C || c == 0x20
    }

    @inline(__always) private static func isAlpha(_ c: Int) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) private static func isUpper(_ c: Int) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) private static func isAlnum(_ c: Int) -> Bool { isAlpha(c) || (c >= 0x30 && c <= 0x39) }

    @inline(__always) private func appendReplacement(_ buf: inout [UInt8]) {
        buf.append(0xEF)
        buf.append(0xBF)
        buf.append(0xBD)
    }

    private func startTag(end isEnd: Bool) {
        tagName.removeAll(keepingCapacity: true)
        attributeBytes.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        isEndTag = isEnd
        selfClosing = false
        dropAttribute = false
    }

    private func startAttribute() {
        finishAttribute()
        let at = Int32(attributeBytes.count)
        attributes.append(AttributeRange(nameStart: at, nameEnd: at, valueStart: at, valueEnd: at))
        dropAttribute = false
    }

    /// Ends the current attribute's name: a name already on this tag drops the attribute (parse error).
    private func endAttributeName() {
        guard let last = attributes.last else { return }
        let n = Int(last.nameEnd - last.nameStart)
        attributeBytes.withUnsafeBufferPointer { b in
            for a in attributes.dropLast() where Int(a.nameEnd - a.nameStart) == n {
                if memcmp(b.baseAddress! + Int(a.nameStart), b.baseAddress! + Int(last.nameStart), n) == 0 {
                    dropAttribute = true
                    break
                }
            }
        }
        if dropAttribute { error() }
        let at = Int32(attributeBytes.count)
        attributes[attributes.count - 1].valueStart = at
        attributes[attributes.count - 1].valueEnd = at
    }

    private func finishAttribute() {
        guard !attributes.isEmpty else { return }
        if dropAttribute {
            let a = attributes.removeLast()
            attributeBytes.removeSubrange(Int(a.nameStart)...)
            dropAttribute = false
        } else {
            attributes[attributes.count - 1].valueEnd = Int32(attributeBytes.count)
        }
    }

    @inline(__always) private func appendAttributeName(_ c: UInt8) {
        attributeBytes.append(c)
        attributes[attributes.count - 1].nameEnd = Int32(attributeBytes.count)
    }

    /// Emits the current tag: the pending characters first if any.
    private func emitTag() -> TokenKind {
        finishAttribute()
        let kind: TokenKind = isEndTag ? .endTag : .startTag
        if isEndTag {
            if !attributes.isEmpty { error() }
            if selfClosing { error() }
        } else {
            lastStartTag = tagName
        }
        state = .data
        return emit(kind)
    }

    @inline(__always) private func emit(_ kind: TokenKind) -> TokenKind {
        if text.isEmpty { return kind }
        pending = kind
        returnedCharacters = true
        return .characters
    }

    private func newComment() { commentData.removeAll(keepingCapacity: true) }

    private func newDoctype() {
        doctypeName.removeAll(keepingCapacity: true)
        doctypeNameMissing = true
        publicID = nil
        systemID = nil
        forceQuirks = false
    }

    /// True when `input[pos...]` starts with `word` (ASCII case-insensitive when `fold`).
    private func lookingAt(_ word: StaticString, fold: Bool) -> Bool {
        let n = word.utf8CodeUnitCount
        if pos + n > end { return false }
        let w = word.utf8Start
        for i in 0..<n {
            var c = input[pos + i]
            if fold, c >= 0x41, c <= 0x5A { c |= 0x20 }
            if c != w[i] { return false }
        }
        return true
    }

    /// At `<` in RCDATA, RAWTEXT or script data: when `</lastStartTag` follows with a tag-ending
    /// character after it, starts that end tag and returns true.
    private func appropriateEndTagAhead() -> Bool {
        let n = lastStartTag.count
        if n == 0 || pos + 2 + n >= end || input[pos + 1] != UInt8(ascii: "/") { return false }
        for i in 0..<n {
            var c = input[pos + 2 + i]
            if c >= 0x41, c <= 0x5A { c |= 0x20 }
            if c != lastStartTag[i] { return false }
        }
        let after = Int(input[pos + 2 + n])
        guard HTMLTokenizer.isWhitespace(after) || after == 0x2F || after == 0x3E else { return false }
        startTag(end: true)
        tagName.append(contentsOf: lastStartTag)
        pos += 2 + n
        state = .tagName
        return true
    }

    /// The next token. Its data stay in the fields until the next call.
    func next() -> TokenKind {
        if returnedCharacters {
            text.removeAll(keepingCapacity: true)
            returnedCharacters = false
        }
        if let p = pending {
            pending = nil
            return p
        }
        let result = run()
        if result == .characters { returnedCharacters = true }
        return result
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func run() -> TokenKind {
        while true {
            switch state {
            case .data:
                // Fast path: a run of ordinary bytes.
                let p = scan(from: pos, 0x3C, 0x26, 0)
                if p > pos {
                    text.append(contentsOf: UnsafeBufferPointer(start: input + pos, count: p - pos))
                    pos = p
                }
                let c = peek()
                if c == -1 { return emit(.eof) }
                pos += 1
                if c == 0x26 {
                    characterReference(inAttribute: false)
                } else if c == 0x3C {
                    state = .tagOpen
                } else {
                    error()
                    text.append(0)
                }
            case .rcdata, .rawtext, .scriptData, .plaintext:
                let allowRefs = state == .rcdata
                let allowTags = state != .plaintext
                let p = scan(from: pos, 0, allowTags ? 0x3C : 0, allowRefs ? 0x26 : 0)
                if p > pos {
                    text.append(contentsOf: UnsafeBufferPointer(start: input + pos, count: p - pos))
                    pos = p
                }
                let c = peek()
                if c == -1 { return emit(.eof) }
                if c == 0 {
                    error()
                    appendReplacement(&text)
                    pos += 1
                } else if c == 0x26 {
                    pos += 1
                    characterReference(inAttribute: false)
                } else {
                    // '<'
                    if appropriateEndTagAhead() { continue }
                    if state == .scriptData, peek(1) == 0x21, peek(2) == 0x2D, peek(3) == 0x2D {
                        text.append(contentsOf: [0x3C, 0x21, 0x2D, 0x2D])
                        pos += 4
                        state = .scriptDataEscapedDashDash
                        continue
                    }
                    text.append(0x3C)
                    pos += 1
                }
            case .tagOpen:
                let c = peek()
                if c == 0x21 {
                    pos += 1
                    state = .markupDeclarationOpen
                } else if c == 0x2F {
                    pos += 1
                    state = .endTagOpen
                } else if HTMLTokenizer.isAlpha(c) {
                    startTag(end: false)
                    state = .tagName
                } else if c == 0x3F {
                    error()
                    newComment()
                    state = .bogusComment
                } else {
                    error()
                    text.append(0x3C)
                    state = .data
                }
            case .endTagOpen:
                let c = peek()
                if HTMLTokenizer.isAlpha(c) {
                    startTag(end: true)
                    state = .tagName
                } else if c == 0x3E {
                    error()
                    pos += 1
                    state = .data
                } else if c == -1 {
                    error()
                    text.append(0x3C)
                    text.append(0x2F)
                    state = .data
                } else {
                    error()
                    newComment()
                    state = .bogusComment
                }
            case .tagName:
                var p = pos
                while p < end {
                    let b = input[p]
                    if b == 0x09 || b == 0x0A || b == 0x0C || b == 0x20 || b == 0x2F || b == 0x3E || b == 0 { break }
                    tagName.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    p += 1
                }
                pos = p
                let c = peek()
                if c == -1 {
                    error()
                    return emit(.eof)
                }
                pos += 1
                if HTMLTokenizer.isWhitespace(c) {
                    state = .beforeAttributeName
                } else if c == 0x2F {
                    state = .selfClosingStartTag
                } else if c == 0x3E {
                    return emitTag()
                } else {
                    error()
                    appendReplacement(&tagName)
                }
            case .beforeAttributeName:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                } else if c == 0x2F || c == 0x3E || c == -1 {
                    state = .afterAttributeName
                } else if c == 0x3D {
                    error()
                    startAttribute()
                    appendAttributeName(0x3D)
                    pos += 1
                    state = .attributeName
                } else {
                    startAttribute()
                    state = .attributeName
                }
            case .attributeName:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) || c == 0x2F || c == 0x3E || c == -1 {
                    endAttributeName()
                    state = .afterAttributeName
                } else if c == 0x3D {
                    endAttributeName()
                    pos += 1
                    state = .beforeAttributeValue
                } else {
                    pos += 1
                    if c == 0 {
                        error()
                        attributeBytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        attributes[attributes.count - 1].nameEnd = Int32(attributeBytes.count)
                    } else {
                        if c == 0x22 || c == 0x27 || c == 0x3C { error() }
                        appendAttributeName(HTMLTokenizer.isUpper(c) ? UInt8(c | 0x20) : UInt8(c))
                    }
                }
            case .afterAttributeName:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                } else if c == 0x2F {
                    pos += 1
                    state = .selfClosingStartTag
                } else if c == 0x3D {
                    pos += 1
                    state = .beforeAttributeValue
                } else if c == 0x3E {
                    pos += 1
                    return emitTag()
                } else if c == -1 {
                    error()
                    return emit(.eof)
                } else {
                    startAttribute()
                    state = .attributeName
                }
            case .beforeAttributeValue:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                } else if c == 0x22 {
                    pos += 1
                    state = .attributeValueDoubleQuoted
                } else if c == 0x27 {
                    pos += 1
                    state = .attributeValueSingleQuoted
                } else if c == 0x3E {
                    error()
                    pos += 1
                    return emitTag()
                } else {
                    state = .attributeValueUnquoted
                }
            case .attributeValueDoubleQuoted, .attributeValueSingleQuoted:
                let quote: UInt8 = state == .attributeValueDoubleQuoted ? 0x22 : 0x27
                let p = scan(from: pos, quote, 0x26, 0)
                if p > pos {
                    attributeBytes.append(contentsOf: UnsafeBufferPointer(start: input + pos, count: p - pos))
                    pos = p
                }
                let c = peek()
                if c == -1 {
                    error()
                    return emit(.eof)
                }
                pos += 1
                if c == Int(quote) {
                    state = .afterAttributeValueQuoted
                } else if c == 0x26 {
                    characterReference(inAttribute: true)
                } else {
                    error()
                    appendReplacement(&attributeBytes)
                }
            case .attributeValueUnquoted:
                let c = peek()
                if c == -1 {
                    error()
                    return emit(.eof)
                }
                pos += 1
                if HTMLTokenizer.isWhitespace(c) {
                    state = .beforeAttributeName
                } else if c == 0x26 {
                    characterReference(inAttribute: true)
                } else if c == 0x3E {
                    return emitTag()
                } else if c == 0 {
                    error()
                    appendReplacement(&attributeBytes)
                } else {
                    if c == 0x22 || c == 0x27 || c == 0x3C || c == 0x3D || c == 0x60 { error() }
                    attributeBytes.append(UInt8(c))
                }
            case .afterAttributeValueQuoted:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                    state = .beforeAttributeName
                } else if c == 0x2F {
                    pos += 1
                    state = .selfClosingStartTag
                } else if c == 0x3E {
                    pos += 1
                    return emitTag()
                } else if c == -1 {
                    error()
                    return emit(.eof)
                } else {
                    error()
                    state = .beforeAttributeName
                }
            case .selfClosingStartTag:
                let c = peek()
                if c == 0x3E {
                    pos += 1
                    selfClosing = true
                    return emitTag()
                } else if c == -1 {
                    error()
                    return emit(.eof)
                } else {
                    error()
                    state = .beforeAttributeName
                }
            case .bogusComment:
                var p = pos
                while p < end, input[p] != 0x3E {
                    if input[p] == 0 {
                        error()
                        appendReplacement(&commentData)
                    } else {
                        commentData.append(input[p])
                    }
                    p += 1
                }
                pos = p < end ? p + 1 : p
                state = .data
                return emit(.comment)
            case .markupDeclarationOpen:
                if lookingAt("--", fold: false) {
                    pos += 2
                    newComment()
                    state = .commentStart
                } else if lookingAt("doctype", fold: true) {
                    pos += 7
                    state = .doctype
                } else if lookingAt("[CDATA[", fold: false) {
                    pos += 7
                    if allowCDATA {
                        state = .cdataSection
                    } else {
                        error()
                        newComment()
                        commentData.append(contentsOf: Array("[CDATA[".utf8))
                        state = .bogusComment
                    }
                } else {
                    error()
                    newComment()
                    state = .bogusComment
                }
            case .commentStart:
                let c = peek()
                if c == 0x2D {
                    pos += 1
                    state = .commentStartDash
                } else if c == 0x3E {
                    error()
                    pos += 1
                    state = .data
                    return emit(.comment)
                } else {
                    state = .comment
                }
            case .commentStartDash:
                let c = peek()
                if c == 0x2D {
                    pos += 1
                    state = .commentEnd
                } else if c == 0x3E {
                    error()
                    pos += 1
                    state = .data
                    return emit(.comment)
                } else if c == -1 {
                    error()
                    state = .data
                    return emit(.comment)
                } else {
                    commentData.append(0x2D)
                    state = .comment
                }
            case .comment:
                let p = scan(from: pos, 0x3C, 0x2D, 0)
                if p > pos {
                    commentData.append(contentsOf: UnsafeBufferPointer(start: input + pos, count: p - pos))
                    pos = p
                }
                let c = peek()
                if c == -1 {
                    error()
                    state = .data
                    return emit(.comment)
                }
                pos += 1
                if c == 0x3C {
                    commentData.append(0x3C)
                    state = .commentLessThan
                } else if c == 0x2D {
                    state = .commentEndDash
                } else {
                    error()
                    appendReplacement(&commentData)
                }
            case .commentLessThan:
                let c = peek()
                if c == 0x21 {
                    pos += 1
                    commentData.append(0x21)
                    state = .commentLessThanBang
                } else if c == 0x3C {
                    pos += 1
                    commentData.append(0x3C)
                } else {
                    state = .comment
                }
            case .commentLessThanBang:
                if peek() == 0x2D {
                    pos += 1
                    state = .commentLessThanBangDash
                } else {
                    state = .comment
                }
            case .commentLessThanBangDash:
                if peek() == 0x2D {
                    pos += 1
                    state = .commentLessThanBangDashDash
                } else {
                    state = .commentEndDash
                }
            case .commentLessThanBangDashDash:
                let c = peek()
                if c != 0x3E && c != -1 { error() }
                state = .commentEnd
            case .commentEndDash:
                let c = peek()
                if c == 0x2D {
                    pos += 1
                    state = .commentEnd
                } else if c == -1 {
                    error()
                    state = .data
                    return emit(.comment)
                } else {
                    commentData.append(0x2D)
                    state = .comment
                }
            case .commentEnd:
                let c = peek()
                if c == 0x3E {
                    pos += 1
                    state = .data
                    return emit(.comment)
                } else if c == 0x21 {
                    pos += 1
                    state = .commentEndBang
                } else if c == 0x2D {
                    pos += 1
                    commentData.append(0x2D)
                } else if c == -1 {
                    error()
                    state = .data
                    return emit(.comment)
                } else {
                    commentData.append(0x2D)
                    commentData.append(0x2D)
                    state = .comment
                }
            case .commentEndBang:
                let c = peek()
                if c == 0x2D {
                    pos += 1
                    commentData.append(contentsOf: [0x2D, 0x2D, 0x21])
                    state = .commentEndDash
                } else if c == 0x3E {
                    error()
                    pos += 1
                    state = .data
                    return emit(.comment)
                } else if c == -1 {
                    error()
                    state = .data
                    return emit(.comment)
                } else {
                    commentData.append(contentsOf: [0x2D, 0x2D, 0x21])
                    state = .comment
                }
            case .doctype:
                let c = peek()
                newDoctype()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                    state = .beforeDoctypeName
                } else if c == 0x3E {
                    state = .beforeDoctypeName
                } else if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else {
                    error()
                    state = .beforeDoctypeName
                }
            case .beforeDoctypeName:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                } else if c == 0x3E {
                    error()
                    pos += 1
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else {
                    doctypeNameMissing = false
                    state = .doctypeName
                }
            case .doctypeName:
                let c = peek()
                if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                }
                pos += 1
                if HTMLTokenizer.isWhitespace(c) {
                    state = .afterDoctypeName
                } else if c == 0x3E {
                    state = .data
                    return emit(.doctype)
                } else if c == 0 {
                    error()
                    appendReplacement(&doctypeName)
                } else {
                    doctypeName.append(HTMLTokenizer.isUpper(c) ? UInt8(c | 0x20) : UInt8(c))
                }
            case .afterDoctypeName:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                } else if c == 0x3E {
                    pos += 1
                    state = .data
                    return emit(.doctype)
                } else if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else if lookingAt("public", fold: true) {
                    pos += 6
                    state = .afterDoctypePublicKeyword
                } else if lookingAt("system", fold: true) {
                    pos += 6
                    state = .afterDoctypeSystemKeyword
                } else {
                    error()
                    forceQuirks = true
                    state = .bogusDoctype
                }
            case .afterDoctypePublicKeyword, .afterDoctypeSystemKeyword:
                let isPublic = state == .afterDoctypePublicKeyword
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                    state = isPublic ? .beforeDoctypePublicIdentifier : .beforeDoctypeSystemIdentifier
                } else if c == 0x22 || c == 0x27 {
                    error()
                    pos += 1
                    startIdentifier(isPublic: isPublic, doubleQuoted: c == 0x22)
                } else if c == 0x3E {
                    error()
                    pos += 1
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else {
                    error()
                    forceQuirks = true
                    state = .bogusDoctype
                }
            case .beforeDoctypePublicIdentifier, .beforeDoctypeSystemIdentifier:
                let isPublic = state == .beforeDoctypePublicIdentifier
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                } else if c == 0x22 || c == 0x27 {
                    pos += 1
                    startIdentifier(isPublic: isPublic, doubleQuoted: c == 0x22)
                } else if c == 0x3E {
                    error()
                    pos += 1
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else {
                    error()
                    forceQuirks = true
                    state = .bogusDoctype
                }
            case .doctypePublicIdentifierDoubleQuoted, .doctypePublicIdentifierSingleQuoted,
                .doctypeSystemIdentifierDoubleQuoted, .doctypeSystemIdentifierSingleQuoted:
                let isPublic = state == .doctypePublicIdentifierDoubleQuoted || state == .doctypePublicIdentifierSingleQuoted
                let quote = state == .doctypePublicIdentifierDoubleQuoted || state == .doctypeSystemIdentifierDoubleQuoted ? 0x22 : 0x27
                let c = peek()
                if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                }
                pos += 1
                if c == quote {
                    state = isPublic ? .afterDoctypePublicIdentifier : .afterDoctypeSystemIdentifier
                } else if c == 0x3E {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else {
                    var bytes: [UInt8] = []
                    if c == 0 {
                        error()
                        appendReplacement(&bytes)
                    } else {
                        bytes.append(UInt8(c))
                    }
                    if isPublic { publicID!.append(contentsOf: bytes) } else { systemID!.append(contentsOf: bytes) }
                }
            case .afterDoctypePublicIdentifier, .betweenDoctypePublicAndSystemIdentifiers:
                let between = state == .betweenDoctypePublicAndSystemIdentifiers
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                    state = .betweenDoctypePublicAndSystemIdentifiers
                } else if c == 0x3E {
                    pos += 1
                    state = .data
                    return emit(.doctype)
                } else if c == 0x22 || c == 0x27 {
                    if !between { error() }
                    pos += 1
                    startIdentifier(isPublic: false, doubleQuoted: c == 0x22)
                } else if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else {
                    error()
                    forceQuirks = true
                    state = .bogusDoctype
                }
            case .afterDoctypeSystemIdentifier:
                let c = peek()
                if HTMLTokenizer.isWhitespace(c) {
                    pos += 1
                } else if c == 0x3E {
                    pos += 1
                    state = .data
                    return emit(.doctype)
                } else if c == -1 {
                    error()
                    forceQuirks = true
                    state = .data
                    return emit(.doctype)
                } else {
                    error()
                    state = .bogusDoctype
                }
            case .bogusDoctype:
                let c = peek()
                if c == -1 {
                    state = .data
                    return emit(.doctype)
                }
                pos += 1
                if c == 0x3E {
                    state = .data
                    return emit(.doctype)
                }
                if c == 0 { error() }
            case .cdataSection:
                var p = pos
                while p < end {
                    if input[p] == 0x5D, p + 2 < end, input[p + 1] == 0x5D, input[p + 2] == 0x3E { break }
                    p += 1
                }
                text.append(contentsOf: UnsafeBufferPointer(start: input + pos, count: p - pos))
                if p >= end {
                    error()
                    pos = end
                } else {
                    pos = p + 3
                }
                state = .data
            case .scriptDataEscapeStart, .scriptDataEscapeStartDash:
                // Entered through the lookahead in script data; not reached.
                state = .scriptData
            case .scriptDataEscaped, .scriptDataEscapedDash, .scriptDataEscapedDashDash:
                let c = peek()
                if c == -1 {
                    error()
                    return emit(.eof)
                }
                if c == 0x2D {
                    pos += 1
                    text.append(0x2D)
                    state = state == .scriptDataEscaped ? .scriptDataEscapedDash : .scriptDataEscapedDashDash
                } else if c == 0x3C {
                    if appropriateEndTagAhead() { continue }
                    pos += 1
                    text.append(0x3C)
                    state = .scriptDataEscaped
                    if HTMLTokenizer.isAlpha(peek()) && scriptWordAhead() {
                        state = .scriptDataDoubleEscaped
                    }
                } else if c == 0x3E && state == .scriptDataEscapedDashDash {
                    pos += 1
                    text.append(0x3E)
                    state = .scriptData
                } else {
                    pos += 1
                    if c == 0 {
                        error()
                        appendReplacement(&text)
                    } else {
                        text.append(UInt8(c))
                    }
                    state = .scriptDataEscaped
                }
            case .scriptDataDoubleEscaped, .scriptDataDoubleEscapedDash, .scriptDataDoubleEscapedDashDash:
                let c = peek()
                if c == -1 {
                    error()
                    return emit(.eof)
                }
                pos += 1
                if c == 0x2D {
                    text.append(0x2D)
                    state = state == .scriptDataDoubleEscaped ? .scriptDataDoubleEscapedDash : .scriptDataDoubleEscapedDashDash
                } else if c == 0x3C {
                    text.append(0x3C)
                    state = .scriptDataDoubleEscaped
                    if peek() == 0x2F {
                        pos += 1
                        text.append(0x2F)
                        if scriptWordAhead() { state = .scriptDataEscaped }
                    }
                } else if c == 0x3E && state == .scriptDataDoubleEscapedDashDash {
                    text.append(0x3E)
                    state = .scriptData
                } else {
                    if c == 0 {
                        error()
                        appendReplacement(&text)
                    } else {
                        text.append(UInt8(c))
                    }
                    state = .scriptDataDoubleEscaped
                }
            }
        }
    }

    /// Script data (double) escape start/end: emits the ASCII letters ahead and returns whether they
    /// spell "script" followed by whitespace, `/` or `>`.
    private func scriptWordAhead() -> Bool {
        var p = pos
        var matches = true
        let word: [UInt8] = [0x73, 0x63, 0x72, 0x69, 0x70, 0x74]
        var n = 0
        while p < end, HTMLTokenizer.isAlpha(Int(input[p])) {
            let c = input[p] | 0x20
            if n >= 6 || c != word[n] { matches = false }
            n += 1
            text.append(input[p])
            p += 1
        }
        pos = p
        if n != 6 || !matches || p >= end { return false }
        let after = Int(input[p])
        return HTMLTokenizer.isWhitespace(after) || after == 0x2F || after == 0x3E
    }

    private func startIdentifier(isPublic: Bool, doubleQuoted: Bool) {
        if isPublic {
            publicID = []
            state = doubleQuoted ? .doctypePublicIdentifierDoubleQuoted : .doctypePublicIdentifierSingleQuoted
        } else {
            systemID = []
            state = doubleQuoted ? .doctypeSystemIdentifierDoubleQuoted : .doctypeSystemIdentifierSingleQuoted
        }
    }

    // MARK: character references

    /// After a `&`: appends the reference's characters (or the literal text) to the text or to the
    /// current attribute value, and moves past what it consumed.
    private func characterReference(inAttribute: Bool) {
        let c = peek()
        if HTMLTokenizer.isAlnum(c) {
            if let (index, length) = entities.longestMatch(input, pos, end) {
                let lastIsSemicolon = input[pos + length - 1] == 0x3B
                if inAttribute && !lastIsSemicolon {
                    let next = peek(length)
                    if next == 0x3D || HTMLTokenizer.isAlnum(next) {
                        // Historical: kept as written.
                        attributeBytes.append(0x26)
                        return
                    }
                }
                if !lastIsSemicolon { error() }
                pos += length
                appendCodePoint(entities.first[index], inAttribute)
                if entities.second[index] != 0 { appendCodePoint(entities.second[index], inAttribute) }
                return
            }
            // Ambiguous ampersand: the alphanumerics are re-read as text.
            var p = pos
            while p < end, HTMLTokenizer.isAlnum(Int(input[p])) { p += 1 }
            if p < end, input[p] == 0x3B { error() }
        } else if c == 0x23 {
            var p = pos + 1
            var hex = false
            if p < end, input[p] | 0x20 == 0x78 {
                hex = true
                p += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while p < end {
                let d = Int(input[p])
                var v: Int
                if d >= 0x30 && d <= 0x39 {
                    v = d - 0x30
                } else if hex && (d | 0x20) >= 0x61 && (d | 0x20) <= 0x66 {
                    v = (d | 0x20) - 0x61 + 10
                } else {
                    break
                }
                value = min(value &* (hex ? 16 : 10) &+ UInt32(v), 0x11_0000)
                digits += 1
                p += 1
            }
            if digits == 0 {
                error()
                appendByte(0x26, inAttribute)
                return
            }
            if p < end, input[p] == 0x3B { p += 1 } else { error() }
            pos = p
            var cp = value
            if cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) {
                error()
                cp = 0xFFFD
            } else if cp >= 0x80 && cp <= 0x9F {
                error()
                let r = HTMLTokenizer.c1Replacements[Int(cp - 0x80)]
                if r != 0 { cp = UInt32(r) }
            } else if (cp >= 0xFDD0 && cp <= 0xFDEF) || cp & 0xFFFE == 0xFFFE || (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0C)
                || cp == 0x7F
            {
                error()
            }
            appendCodePoint(cp, inAttribute)
            return
        }
        appendByte(0x26, inAttribute)
    }

    @inline(__always) private func appendByte(_ b: UInt8, _ inAttribute: Bool) {
        if inAttribute { attributeBytes.append(b) } else { text.append(b) }
    }

    private func appendCodePoint(_ cp: UInt32, _ inAttribute: Bool) {
        if cp < 0x80 {
            appendByte(UInt8(cp), inAttribute)
        } else if cp < 0x800 {
            appendByte(UInt8(0xC0 | (cp >> 6)), inAttribute)
            appendByte(UInt8(0x80 | (cp & 0x3F)), inAttribute)
        } else if cp < 0x10000 {
            appendByte(UInt8(0xE0 | (cp >> 12)), inAttribute)
            appendByte(UInt8(0x80 | ((cp >> 6) & 0x3F)), inAttribute)
            appendByte(UInt8(0x80 | (cp & 0x3F)), inAttribute)
        } else {
            appendByte(UInt8(0xF0 | (cp >> 18)), inAttribute)
            appendByte(UInt8(0x80 | ((cp >> 12) & 0x3F)), inAttribute)
            appendByte(UInt8(0x80 | ((cp >> 6) & 0x3F)), inAttribute)
            appendByte(UInt8(0x80 | (cp & 0x3F)), inAttribute)
        }
    }

    /// Numeric references 0x80–0x9F: the windows-1252 characters (0 = kept as is).
    static let c1Replacements: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
    ]
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
