/// Character tokens: a run of text is split by the insertion modes that treat whitespace, NUL and
/// other characters differently, and each part is handled where the spec handles one character.
extension HTMLTreeBuilder {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0C || b == 0x0D }

    /// End of the whitespace prefix of buf[from..<to].
    @inline(__always) func spaceEnd(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var i = from
        while i < to, HTMLTreeBuilder.isSpace(buf[i]) { i += 1 }
        return i
    }

    /// Whether the characters go to foreign content rather than the insertion mode.
    var charactersAreForeign: Bool {
        if stack.isEmpty { return false }
        let n = doc.nodes[Int(adjustedCurrentNode)]
        if n.namespace == .html { return false }
        if n.namespace == .math {
            let t = n.tag
            if t == .mi || t == .mo || t == .mn || t == .ms || t == .mtext { return false }
        }
        return !isHTMLIntegrationPoint(adjustedCurrentNode)
    }

    func characters(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ to: Int) {
        var i = start
        while i < to && !stopped {
            if charactersAreForeign {
                // Foreign content: NUL becomes U+FFFD, anything not whitespace clears frameset-ok.
                var j = i
                while j < to, buf[j] != 0 {
                    if !HTMLTreeBuilder.isSpace(buf[j]) { framesetOK = false }
                    j += 1
                }
                insertText(buf, i, j)
                if j < to {
                    error()
                    let fffd: [UInt8] = [0xEF, 0xBF, 0xBD]
                    fffd.withUnsafeBufferPointer { insertText($0, 0, 3) }
                    j += 1
                }
                i = j
                continue
            }
            switch mode {
            case .initial:
                i = spaceEnd(buf, i, to)
                if i < to {
                    error()
                    doc.quirksMode = .quirks
                    mode = .beforeHtml
                }
            case .beforeHtml:
                i = spaceEnd(buf, i, to)
                if i < to {
                    let html = createElement(.html, .html, withTokenAttributes: false)
                    appendChild(0, html)
                    push(html)
                    mode = .beforeHead
                }
            case .beforeHead:
                i = spaceEnd(buf, i, to)
                if i < to {
                    headElement = insertImplied(.head)
                    mode = .inHead
                }
            case .inHead, .afterHead:
                let e = spaceEnd(buf, i, to)
                insertText(buf, i, e)
                i = e
                if i < to {
                    if mode == .inHead {
                        pop()
                        mode = .afterHead
                    } else {
                        insertImplied(.body)
                        mode = .inBody
                    }
                }
            case .inHeadNoscript:
                let e = spaceEnd(buf, i, to)
                insertText(buf, i, e)
                i = e
                if i < to {
                    error()
                    pop()
                    mode = .inHead
                }
            case .inBody, .inCaption, .inCell, .inTemplate:
                i = bodyCharacters(buf, i, to)
            case .text:
                insertText(buf, i, to)
                i = to
            case .inTable, .inTableBody, .inRow:
                if let t = htmlTag(currentNode), t == .table || t == .tbody || t == .template || t == .tfoot || t == .thead || t == .tr {
                    pendingTableText.removeAll(keepingCapacity: true)
                    pendingTableTextHasContent = false
                    originalMode = mode
                    mode = .inTableText
                } else {
                    error()
                    fosterParenting = true
                    i = bodyCharacters(buf, i, to)
                    fosterParenting = false
                }
            case .inTableText:
                for j in i..<to {
                    let b = buf[j]
                    if b == 0 {
                        error()
                        continue
                    }
                    if !HTMLTreeBuilder.isSpace(b) { pendingTableTextHasContent = true }
                    pendingTableText.append(b)
                }
                i = to
            case .inColumnGroup:
                let e = spaceEnd(buf, i, to)
                insertText(buf, i, e)
                i = e
                if i < to {
                    if !isHTML(currentNode, .colgroup) {
                        error()
                        while i < to, !HTMLTreeBuilder.isSpace(buf[i]) { i += 1 }
                    } else {
                        pop()
                        mode = .inTable
                    }
                }
            case .afterBody, .afterAfterBody:
                let e = spaceEnd(buf, i, to)
                if e > i {
                    reconstructFormatting()
                    insertText(buf, i, e)
                }
                i = e
                if i < to {
                    error()
                    mode = .inBody
                }
            case .inFrameset, .afterFrameset, .afterAfterFrameset:
                // Whitespace is inserted (or processed as in body), anything else ignored.
                while i < to {
                    let e = spaceEnd(buf, i, to)
                    if e > i {
                        if mode == .afterAfterFrameset { reconstructFormatting() }
                        insertText(buf, i, e)
                    }
                    i = e
                    while i < to, !HTMLTreeBuilder.isSpace(buf[i]) {
                        error()
                        i += 1
                    }
                }
            }
        }
    }

    /// "in body" characters: NUL dropped, the rest inserted after reconstructing the formatting elements.
    func bodyCharacters(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ to: Int) -> Int {
        var i = start
        while i < to {
            if buf[i] == 0 {
                error()
                i += 1
                continue
            }
            var j = i
            while j < to, buf[j] != 0 {
                if framesetOK, !HTMLTreeBuilder.isSpace(buf[j]) { framesetOK = false }
                j += 1
            }
            reconstructFormatting()
            insertText(buf, i, j)
            i = j
        }
        return to
    }

    /// Leaves "in table text": the pending characters are inserted (foster-parented when not all
    /// whitespace) and the mode goes back.
    func flushTableText() {
        let text = pendingTableText
        text.withUnsafeBufferPointer { buf in
            if pendingTableTextHasContent {
                error()
                fosterParenting = true
                _ = bodyCharacters(buf, 0, buf.count)
                fosterParenting = false
            } else {
                insertText(buf, 0, buf.count)
            }
        }
        pendingTableText.removeAll(keepingCapacity: true)
        pendingTableTextHasContent = false
        mode = originalMode
    }
}
