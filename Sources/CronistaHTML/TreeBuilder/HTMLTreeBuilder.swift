/// The WHATWG tree construction stage (§13.2.6): insertion modes, the stack of open elements, the list
/// of active formatting elements, foster parenting, templates and foreign content, building an
/// `HTMLDocument` arena. Nothing here recurses over the tree's depth.
final class HTMLTreeBuilder {
    enum Mode: UInt8 {
        case initial, beforeHtml, beforeHead, inHead, inHeadNoscript, afterHead, inBody, text, inTable, inTableText
        case inCaption, inColumnGroup, inTableBody, inRow, inCell, inTemplate, afterBody
        case inFrameset, afterFrameset, afterAfterBody, afterAfterFrameset
    }

    typealias Kind = HTMLTokenizer.TokenKind
    typealias NS = HTMLDocument.Namespace

    @exclusivity(unchecked) var doc = HTMLDocument()
    let tokenizer: HTMLTokenizer
    let limits: HTMLParseLimits
    @exclusivity(unchecked) var mode: Mode = .initial
    @exclusivity(unchecked) var originalMode: Mode = .initial
    @exclusivity(unchecked) var templateModes: [Mode] = []
    @exclusivity(unchecked) var stack: [Int32] = []
    @exclusivity(unchecked) var onStack: [Bool] = []
    /// Open HTML elements per known tag, so that "in scope" for a tag not open at all is O(1)
    /// (without it, 100 k nested `<div>`s cost a walk of the stack each).
    @exclusivity(unchecked) var openCounts = [Int32](repeating: 0, count: Int(HTMLTag.knownCount))
    /// Active formatting elements; -1 is a marker.
    @exclusivity(unchecked) var formatting: [Int32] = []
    @exclusivity(unchecked) var headElement: Int32 = -1
    @exclusivity(unchecked) var formElement: Int32 = -1
    @exclusivity(unchecked) var scripting: Bool
    @exclusivity(unchecked) var framesetOK = true
    @exclusivity(unchecked) var fosterParenting = false
    @exclusivity(unchecked) var skipNextNewline = false
    @exclusivity(unchecked) var pendingTableText: [UInt8] = []
    @exclusivity(unchecked) var pendingTableTextHasContent = false
    /// Fragment parsing: the context element (not in the tree), else -1.
    @exclusivity(unchecked) var context: Int32 = -1
    @exclusivity(unchecked) var stopped = false
    @exclusivity(unchecked) var failure: HTMLParseError? = nil
    @exclusivity(unchecked) var extraTagTable: [PackedName: Int32] = [:]
    @exclusivity(unchecked) var longTagTable: [[UInt8]: Int32] = [:]

    /// The current tag token's interned name.
    @exclusivity(unchecked) var tag: HTMLTag = .unknown

    init(input: [UInt8], scripting: Bool, limits: HTMLParseLimits) {
        tokenizer = HTMLTokenizer(input)
        self.scripting = scripting
        self.limits = limits
        doc.bytes.reserveCapacity(input.count / 2)
        doc.nodes.reserveCapacity(input.count / 40 + 16)
        _ = newNode(.document, .html, .unknown)
    }

    // MARK: running

    func run() {
        while !stopped {
            tokenizer.allowCDATA = !stack.isEmpty && doc.nodes[Int(adjustedCurrentNode)].namespace != .html
            let kind = tokenizer.next()
            if kind == .startTag || kind == .endTag { tag = intern(tokenizer.tagName) }
            if kind == .characters {
                tokenizer.text.withUnsafeBufferPointer { buf in
                    var from = 0
                    if skipNextNewline, buf.first == 0x0A { from = 1 }
                    skipNextNewline = false
                    if from < buf.count { characters(buf, from, buf.count) }
                }
            } else {
                skipNextNewline = false
                dispatch(kind)
            }
            if kind == .eof { stopped = true }
            if failure != nil { stopped = true }
        }
        if failure == nil { mirrorSelectedContent() }
        doc.parseErrors += tokenizer.errors
    }

    func intern(_ name: [UInt8]) -> HTMLTag {
        name.withUnsafeBufferPointer { buf in
            if let packed = PackedName.pack(buf, 0, buf.count) {
                if let id = HTMLTag.knownTable[packed] { return HTMLTag(rawValue: id) }
                if let id = extraTagTable[packed] { return HTMLTag(rawValue: id) }
                let id = HTMLTag.knownCount + Int32(doc.extraTagNames.count)
                doc.extraTagNames.append(name)
                extraTagTable[packed] = id
                return HTMLTag(rawValue: id)
            }
            if let id = longTagTable[name] { return HTMLTag(rawValue: id) }
            let id = HTMLTag.knownCount + Int32(doc.extraTagNames.count)
            doc.extraTagNames.append(name)
            longTagTable[name] = id
            return HTMLTag(rawValue: id)
        }
    }

    @inline(__always) func error() { doc.parseErrors += 1 }

    // MARK: nodes

    func newNode(_ kind: HTMLDocument.NodeKind, _ ns: NS, _ tag: HTMLTag) -> Int32 {
        let id = Int32(doc.nodes.count)
        if doc.nodes.count >= limits.maxNodes, failure == nil {
            failure = HTMLParseError(limit: .nodeCount, maximum: limits.maxNodes, offset: tokenizer.pos)
        }
        doc.nodes.append(HTMLDocument.Node(kind: kind, namespace: ns, tag: tag))
        onStack.append(false)
        return id
    }

    /// An element for the current tag token (its attributes copied into the document).
    func createElement(_ tag: HTMLTag, _ ns: NS, withTokenAttributes: Bool = true) -> Int32 {
        let n = newNode(.element, ns, tag)
        let start = Int32(doc.attributes.count)
        if withTokenAttributes, !tokenizer.attributes.isEmpty {
            let base = Int32(doc.bytes.count)
            doc.bytes.append(contentsOf: tokenizer.attributeBytes)
            for a in tokenizer.attributes {
                doc.attributes.append(
                    HTMLDocument.Attribute(
                        nameStart: base + a.nameStart, nameEnd: base + a.nameEnd, valueStart: base + a.valueStart,
                        valueEnd: base + a.valueEnd))
            }
        }
        doc.nodes[Int(n)].attributeStart = start
        doc.nodes[Int(n)].attributeEnd = Int32(doc.attributes.count)
        if ns == .html && tag == .template {
            let contents = newNode(.templateContents, .html, .unknown)
            appendChild(n, contents)
        }
        return n
    }

    /// A copy of an element (same name and attributes), for the formatting elements.
    func cloneElement(_ source: Int32) -> Int32 {
        let s = doc.nodes[Int(source)]
        let n = newNode(.element, s.namespace, s.tag)
        let start = Int32(doc.attributes.count)
        for i in Int(s.attributeStart)..<Int(s.attributeEnd) { doc.attributes.append(doc.attributes[i]) }
        doc.nodes[Int(n)].attributeStart = start
        doc.nodes[Int(n)].attributeEnd = Int32(doc.attributes.count)
        return n
    }

    func templateContents(_ template: Int32) -> Int32 { doc.nodes[Int(template)].firstChild }

    func appendChild(_ parent: Int32, _ child: Int32) {
        let last = doc.nodes[Int(parent)].lastChild
        doc.nodes[Int(child)].parent = parent
        doc.nodes[Int(child)].previousSibling = last
        doc.nodes[Int(child)].nextSibling = -1
        if last >= 0 { doc.nodes[Int(last)].nextSibling = child } else { doc.nodes[Int(parent)].firstChild = child }
        doc.nodes[Int(parent)].lastChild = child
    }

    func insertBefore(_ parent: Int32, _ child: Int32, _ reference: Int32) {
        if reference < 0 { return appendChild(parent, child) }
        let prev = doc.nodes[Int(reference)].previousSibling
        doc.nodes[Int(child)].parent = parent
        doc.nodes[Int(child)].previousSibling = prev
        doc.nodes[Int(child)].nextSibling = reference
        doc.nodes[Int(reference)].previousSibling = child
        if prev >= 0 { doc.nodes[Int(prev)].nextSibling = child } else { doc.nodes[Int(parent)].firstChild = child }
    }

    func detach(_ child: Int32) {
        let c = doc.nodes[Int(child)]
        guard c.parent >= 0 else { return }
        if c.previousSibling >= 0 {
            doc.nodes[Int(c.previousSibling)].nextSibling = c.nextSibling
        } else {
            doc.nodes[Int(c.parent)].firstChild = c.nextSibling
        }
        if c.nextSibling >= 0 {
            doc.nodes[Int(c.nextSibling)].previousSibling = c.previousSibling
        } else {
            doc.nodes[Int(c.parent)].lastChild = c.previousSibling
        }
        doc.nodes[Int(child)].parent = -1
        doc.nodes[Int(child)].previousSibling = -1
        doc.nodes[Int(child)].nextSibling = -1
    }

    // MARK: the stack of open elements

    @inline(__always) var currentNode: Int32 { stack[stack.count - 1] }

    var adjustedCurrentNode: Int32 {
        if context >= 0 && stack.count == 1 { return context }
        return stack[stack.count - 1]
    }

    @inline(__always) func isHTML(_ n: Int32, _ t: HTMLTag) -> Bool {
        let node = doc.nodes[Int(n)]
        return node.tag == t && node.namespace == .html
    }

    @inline(__always) func htmlTag(_ n: Int32) -> HTMLTag? {
        let node = doc.nodes[Int(n)]
        return node.namespace == .html ? node.tag : nil
    }

    @inline(__always) func track(_ n: Int32, _ delta: Int32) {
        let node = doc.nodes[Int(n)]
        if node.namespace == .html, node.tag.rawValue < HTMLTag.knownCount { openCounts[Int(node.tag.rawValue)] += delta }
    }

    func push(_ n: Int32) {
        stack.append(n)
        track(n, 1)
        onStack[Int(n)] = true
        if stack.count > limits.maxDepth, failure == nil {
            failure = HTMLParseError(limit: .nestingDepth, maximum: limits.maxDepth, offset: tokenizer.pos)
        }
    }

    @discardableResult func pop() -> Int32 {
        let n = stack.removeLast()
        onStack[Int(n)] = false
        track(n, -1)
        return n
    }

    func popUntil(_ t: HTMLTag) {
        while !stack.isEmpty {
            let n = pop()
            if isHTML(n, t) { return }
        }
    }

    func popUntil(where match: (HTMLDocument.Node) -> Bool) {
        while !stack.isEmpty {
            let n = pop()
            let node = doc.nodes[Int(n)]
            if node.namespace == .html && match(node) { return }
        }
    }

    func popUntilNode(_ target: Int32) {
        while !stack.isEmpty {
            if pop() == target { return }
        }
    }

    func removeFromStack(_ n: Int32) {
        if let i = stack.lastIndex(of: n) {
            stack.remove(at: i)
            onStack[Int(n)] = false
            track(n, -1)
        }
    }

    var fragmentContextIsSelect: Bool { context >= 0 && isHTML(context, .select) }

    var templateOnStack: Bool { openCounts[Int(HTMLTag.template.rawValue)] > 0 }

    enum Scope { case normal, listItem, button, table, select }

    /// Whether a node of the default scope's boundary set (in any namespace).
    @inline(__always) func isScopeBoundary(_ node: HTMLDocument.Node, _ scope: Scope) -> Bool {
        switch node.namespace {
        case .html:
            let f = node.tag.flags
            switch scope {
            case .normal: return f.contains(.scope)
            case .listItem: return f.contains(.scope) || f.contains(.listScope)
            case .button: return f.contains(.scope) || f.contains(.buttonScope)
            case .table: return f.contains(.tableScope)
            case .select: return node.tag != .optgroup && node.tag != .option
            }
        case .math:
            if scope == .table { return false }
            if scope == .select { return true }
            let t = node.tag
            return t == .mi || t == .mo || t == .mn || t == .ms || t == .mtext || t == .annotationXML
        case .svg:
            if scope == .table { return false }
            if scope == .select { return true }
            let t = node.tag
            return t == .foreignObject || t == .desc || t == .title
        }
    }

    func inScope(_ t: HTMLTag, _ scope: Scope = .normal) -> Bool {
        if t.rawValue < HTMLTag.knownCount && openCounts[Int(t.rawValue)] == 0 { return false }
        var i = stack.count - 1
        while i >= 0 {
            let node = doc.nodes[Int(stack[i])]
            if node.tag == t && node.namespace == .html { return true }
            if isScopeBoundary(node, scope) { return false }
            i -= 1
        }
        return false
    }

    func inScope(where match: (HTMLTag) -> Bool, _ scope: Scope = .normal) -> Bool {
        var i = stack.count - 1
        while i >= 0 {
            let node = doc.nodes[Int(stack[i])]
            if node.namespace == .html && match(node.tag) { return true }
            if isScopeBoundary(node, scope) { return false }
            i -= 1
        }
        return false
    }

    func nodeInScope(_ target: Int32) -> Bool {
        var i = stack.count - 1
        while i >= 0 {
            if stack[i] == target { return true }
            if isScopeBoundary(doc.nodes[Int(stack[i])], .normal) { return false }
            i -= 1
        }
        return false
    }

    func isSpecial(_ n: Int32) -> Bool {
        let node = doc.nodes[Int(n)]
        switch node.namespace {
        case .html: return node.tag.flags.contains(.special)
        case .math:
            let t = node.tag
            return t == .mi || t == .mo || t == .mn || t == .ms || t == .mtext || t == .annotationXML
        case .svg: return node.tag == .foreignObject || node.tag == .desc || node.tag == .title
        }
    }

    func generateImpliedEndTags(except: HTMLTag? = nil) {
        while let n = stack.last, let t = htmlTag(n), t.flags.contains(.impliedEnd), t != except { pop() }
    }

    func generateImpliedEndTagsThoroughly() {
        while let n = stack.last, let t = htmlTag(n), t.flags.contains(.impliedEndThorough) { pop() }
    }

    func closePElement() {
        generateImpliedEndTags(except: .p)
        if !isHTML(currentNode, .p) { error() }
        popUntil(.p)
    }

    func closePIfInButtonScope() {
        if inScope(.p, .button) { closePElement() }
    }

    // MARK: inserting

    /// The appropriate place for inserting a node: (parent, node to insert before or -1).
    func appropriatePlace(_ overrideTarget: Int32 = -1) -> (Int32, Int32) {
        let target = overrideTarget >= 0 ? overrideTarget : currentNode
        var parent = target
        var before: Int32 = -1
        if fosterParenting, let t = htmlTag(target), t == .table || t == .tbody || t == .tfoot || t == .thead || t == .tr {
            var lastTemplate = -1
            var lastTable = -1
            for i in stride(from: stack.count - 1, through: 0, by: -1) {
                if lastTemplate < 0, isHTML(stack[i], .template) { lastTemplate = i }
                if lastTable < 0, isHTML(stack[i], .table) { lastTable = i }
                if lastTemplate >= 0 && lastTable >= 0 { break }
            }
            if lastTemplate >= 0 && (lastTable < 0 || lastTemplate > lastTable) {
                parent = stack[lastTemplate]
            } else if lastTable < 0 {
                parent = stack[0]
            } else if doc.nodes[Int(stack[lastTable])].parent >= 0 {
                parent = doc.nodes[Int(stack[lastTable])].parent
                before = stack[lastTable]
            } else {
                parent = stack[lastTable - 1]
            }
        }
        if isHTML(parent, .template), doc.nodes[Int(parent)].kind == .element {
            parent = templateContents(parent)
            if before >= 0 && doc.nodes[Int(before)].parent != parent { before = -1 }
        }
        return (parent, before)
    }

    @discardableResult func insertElement(_ tag: HTMLTag, _ ns: NS = .html, withTokenAttributes: Bool = true) -> Int32 {
        let (parent, before) = appropriatePlace()
        let n = createElement(tag, ns, withTokenAttributes: withTokenAttributes)
        insertBefore(parent, n, before)
        push(n)
        return n
    }

    /// Inserts an HTML element for the current start tag.
    @discardableResult func insertHTML() -> Int32 { insertElement(tag) }

    /// Inserts an element with no attributes (the ones the algorithm implies).
    @discardableResult func insertImplied(_ t: HTMLTag) -> Int32 { insertElement(t, .html, withTokenAttributes: false) }

    func insertText(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        if from >= to { return }
        let (parent, before) = appropriatePlace()
        if doc.nodes[Int(parent)].kind == .document { return }
        let prev = before >= 0 ? doc.nodes[Int(before)].previousSibling : doc.nodes[Int(parent)].lastChild
        let slice = UnsafeBufferPointer(rebasing: buf[from..<to])
        if prev >= 0, doc.nodes[Int(prev)].kind == .text {
            let p = doc.nodes[Int(prev)]
            if Int(p.end) != doc.bytes.count {
                // Move the text to the end of the buffer so it can grow there.
                let start = Int32(doc.bytes.count)
                doc.bytes.append(contentsOf: doc.bytes[Int(p.start)..<Int(p.end)])
                doc.nodes[Int(prev)].start = start
            }
            doc.bytes.append(contentsOf: slice)
            doc.nodes[Int(prev)].end = Int32(doc.bytes.count)
            return
        }
        let n = newNode(.text, .html, .unknown)
        doc.nodes[Int(n)].start = Int32(doc.bytes.count)
        doc.bytes.append(contentsOf: slice)
        doc.nodes[Int(n)].end = Int32(doc.bytes.count)
        insertBefore(parent, n, before)
    }

    func makeComment() -> Int32 {
        let n = newNode(.comment, .html, .unknown)
        doc.nodes[Int(n)].start = Int32(doc.bytes.count)
        doc.bytes.append(contentsOf: tokenizer.commentData)
        doc.nodes[Int(n)].end = Int32(doc.bytes.count)
        return n
    }

    func insertComment(into parent: Int32 = -1) {
        let n = makeComment()
        if parent >= 0 {
            appendChild(parent, n)
        } else {
            let (p, before) = appropriatePlace()
            insertBefore(p, n, before)
        }
    }

    /// Adds the token's attributes that the element lacks (`<html>`, `<body>` met again).
    func addMissingAttributes(_ element: Int32) {
        let e = doc.nodes[Int(element)]
        var existing = Array(doc.attributes[Int(e.attributeStart)..<Int(e.attributeEnd)])
        var added = false
        for a in tokenizer.attributes {
            let name = tokenizer.attributeBytes[Int(a.nameStart)..<Int(a.nameEnd)]
            let found = existing.contains { doc.bytes[Int($0.nameStart)..<Int($0.nameEnd)].elementsEqual(name) }
            if found { continue }
            let base = Int32(doc.bytes.count)
            doc.bytes.append(contentsOf: tokenizer.attributeBytes[Int(a.nameStart)..<Int(a.valueEnd)])
            existing.append(
                HTMLDocument.Attribute(
                    nameStart: base, nameEnd: base + a.nameEnd - a.nameStart, valueStart: base + a.valueStart - a.nameStart,
                    valueEnd: base + a.valueEnd - a.nameStart))
            added = true
        }
        guard added else { return }
        doc.nodes[Int(element)].attributeStart = Int32(doc.attributes.count)
        doc.attributes.append(contentsOf: existing)
        doc.nodes[Int(element)].attributeEnd = Int32(doc.attributes.count)
    }

    /// The current token's attribute `name`, or nil.
    func tokenAttribute(_ name: StaticString) -> ArraySlice<UInt8>? {
        let key = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for a in tokenizer.attributes where Int(a.nameEnd - a.nameStart) == key.count {
            if tokenizer.attributeBytes[Int(a.nameStart)..<Int(a.nameEnd)].elementsEqual(key) {
                return tokenizer.attributeBytes[Int(a.valueStart)..<Int(a.valueEnd)]
            }
        }
        return nil
    }

    // MARK: active formatting elements

    func pushFormatting(_ n: Int32) {
        // Noah's Ark: at most three equal entries after the last marker.
        var count = 0
        var earliest = -1
        var i = formatting.count - 1
        while i >= 0, formatting[i] >= 0 {
            if sameElement(formatting[i], n) {
                count += 1
                earliest = i
            }
            i -= 1
        }
        if count >= 3 { formatting.remove(at: earliest) }
        formatting.append(n)
    }

    func sameElement(_ a: Int32, _ b: Int32) -> Bool {
        let x = doc.nodes[Int(a)]
        let y = doc.nodes[Int(b)]
        if x.tag != y.tag || x.namespace != y.namespace { return false }
        if x.attributeEnd - x.attributeStart != y.attributeEnd - y.attributeStart { return false }
        for i in Int(x.attributeStart)..<Int(x.attributeEnd) {
            let ax = doc.attributes[i]
            var matched = false
            for j in Int(y.attributeStart)..<Int(y.attributeEnd) {
                let ay = doc.attributes[j]
                if doc.bytes[Int(ax.nameStart)..<Int(ax.nameEnd)].elementsEqual(doc.bytes[Int(ay.nameStart)..<Int(ay.nameEnd)]) {
                    matched = doc.bytes[Int(ax.valueStart)..<Int(ax.valueEnd)].elementsEqual(
                        doc.bytes[Int(ay.valueStart)..<Int(ay.valueEnd)])
                    break
                }
            }
            if !matched { return false }
        }
        return true
    }

    func reconstructFormatting() {
        guard let last = formatting.last, last >= 0, !onStack[Int(last)] else { return }
        var i = formatting.count - 1
        while i > 0 {
            let e = formatting[i - 1]
            if e < 0 || onStack[Int(e)] { break }
            i -= 1
        }
        while i < formatting.count {
            let clone = cloneElement(formatting[i])
            let (parent, before) = appropriatePlace()
            insertBefore(parent, clone, before)
            push(clone)
            formatting[i] = clone
            i += 1
        }
    }

    func clearFormattingToMarker() {
        while let e = formatting.popLast(), e >= 0 {}
    }

    func removeFormatting(_ n: Int32) {
        if let i = formatting.lastIndex(of: n) { formatting.remove(at: i) }
    }

    /// The adoption agency algorithm for an end tag (or `<a>`/`<nobr>` met again). Returns false when
    /// the caller must act as for "any other end tag".
    func adoptionAgency(_ subject: HTMLTag) -> Bool {
        if isHTML(currentNode, subject), !formatting.contains(currentNode) {
            pop()
            return true
        }
        for _ in 0..<8 {
            var fi = -1
            var i = formatting.count - 1
            while i >= 0, formatting[i] >= 0 {
                if isHTML(formatting[i], subject) {
                    fi = i
                    break
                }
                i -= 1
            }
            if fi < 0 { return false }
            let fe = formatting[fi]
            guard onStack[Int(fe)] else {
                error()
                formatting.remove(at: fi)
                return true
            }
            if !nodeInScope(fe) {
                error()
                return true
            }
            if fe != currentNode { error() }
            let feIndex = stack.lastIndex(of: fe)!
            var furthest = -1
            for j in (feIndex + 1)..<stack.count where isSpecial(stack[j]) {
                furthest = j
                break
            }
            if furthest < 0 {
                popUntilNode(fe)
                removeFormatting(fe)
                return true
            }
            let furthestBlock = stack[furthest]
            let commonAncestor = stack[feIndex - 1]
            var bookmark = fi
            var nodeIndex = furthest
            var lastNode = furthestBlock
            var inner = 0
            while true {
                inner += 1
                nodeIndex -= 1
                var node = stack[nodeIndex]
                if node == fe { break }
                var ai = formatting.lastIndex(of: node)
                if inner > 3, let k = ai {
                    formatting.remove(at: k)
                    if k < bookmark { bookmark -= 1 }
                    ai = nil
                }
                guard let k = ai else {
                    stack.remove(at: nodeIndex)
                    onStack[Int(node)] = false
                    track(node, -1)
                    continue
                }
                let clone = cloneElement(node)
                formatting[k] = clone
                onStack[Int(node)] = false
                stack[nodeIndex] = clone
                onStack[Int(clone)] = true
                node = clone
                if lastNode == furthestBlock { bookmark = k + 1 }
                detach(lastNode)
                appendChild(node, lastNode)
                lastNode = node
            }
            detach(lastNode)
            let (parent, before) = appropriatePlace(commonAncestor)
            insertBefore(parent, lastNode, before)
            let newElement = cloneElement(fe)
            // Move the furthest block's children.
            var c = doc.nodes[Int(furthestBlock)].firstChild
            while c >= 0 {
                let next = doc.nodes[Int(c)].nextSibling
                detach(c)
                appendChild(newElement, c)
                c = next
            }
            appendChild(furthestBlock, newElement)
            if let k = formatting.lastIndex(of: fe) {
                formatting.remove(at: k)
                if k < bookmark { bookmark -= 1 }
            }
            formatting.insert(newElement, at: min(bookmark, formatting.count))
            removeFromStack(fe)
            let fb = stack.lastIndex(of: furthestBlock)!
            stack.insert(newElement, at: fb + 1)
            onStack[Int(newElement)] = true
            track(newElement, 1)
        }
        return true
    }

    // MARK: insertion mode

    func resetInsertionMode() {
        var i = stack.count - 1
        while i >= 0 {
            var node = stack[i]
            let last = i == 0
            if last && context >= 0 { node = context }
            if let t = htmlTag(node) {
                switch t {
                case .td, .th:
                    if !last {
                        mode = .inCell
                        return
                    }
                case .tr:
                    mode = .inRow
                    return
                case .tbody, .thead, .tfoot:
                    mode = .inTableBody
                    return
                case .caption:
                    mode = .inCaption
                    return
                case .colgroup:
                    mode = .inColumnGroup
                    return
                case .table:
                    mode = .inTable
                    return
                case .template:
                    mode = templateModes.last ?? .inBody
                    return
                case .head:
                    if !last {
                        mode = .inHead
                        return
                    }
                case .body:
                    mode = .inBody
                    return
                case .frameset:
                    mode = .inFrameset
                    return
                case .html:
                    mode = headElement < 0 ? .beforeHead : .afterHead
                    return
                default: break
                }
            }
            if last {
                mode = .inBody
                return
            }
            i -= 1
        }
    }

    /// Generic raw text / RCDATA element parsing.
    func rawText(_ state: HTMLTokenizer.State) {
        insertHTML()
        tokenizer.state = state
        originalMode = mode
        mode = .text
    }
}
