/// The insertion modes for tags, comments, doctypes and end of file (§13.2.6.4), and the dispatcher
/// between them and foreign content.
extension HTMLTreeBuilder {
    func dispatch(_ kind: Kind) {
        if mode == .inTableText { flushTableText() }
        if stack.isEmpty || kind == .eof || !tokenIsForeign(kind) {
            process(kind)
        } else {
            foreignContent(kind)
        }
    }

    /// Whether a non-character token goes to the rules for foreign content.
    func tokenIsForeign(_ kind: Kind) -> Bool {
        let acn = adjustedCurrentNode
        let n = doc.nodes[Int(acn)]
        if n.namespace == .html { return false }
        if n.namespace == .math {
            let t = n.tag
            if (t == .mi || t == .mo || t == .mn || t == .ms || t == .mtext) && kind == .startTag && tag != .mglyph && tag != .malignmark {
                return false
            }
            if t == .annotationXML && kind == .startTag && tag == .svg { return false }
        }
        if isHTMLIntegrationPoint(acn) && kind == .startTag { return false }
        return true
    }

    func isHTMLIntegrationPoint(_ n: Int32) -> Bool {
        let node = doc.nodes[Int(n)]
        switch node.namespace {
        case .html: return false
        case .svg: return node.tag == .foreignObject || node.tag == .desc || node.tag == .title
        case .math:
            guard node.tag == .annotationXML else { return false }
            for i in Int(node.attributeStart)..<Int(node.attributeEnd) {
                let a = doc.attributes[i]
                if doc.bytes[Int(a.nameStart)..<Int(a.nameEnd)].elementsEqual("encoding".utf8) {
                    let v = String(decoding: doc.bytes[Int(a.valueStart)..<Int(a.valueEnd)], as: UTF8.self).lowercased()
                    return v == "text/html" || v == "application/xhtml+xml"
                }
            }
            return false
        }
    }

    func process(_ kind: Kind) {
        switch mode {
        case .initial: initial(kind)
        case .beforeHtml: beforeHtml(kind)
        case .beforeHead: beforeHead(kind)
        case .inHead: inHead(kind)
        case .inHeadNoscript: inHeadNoscript(kind)
        case .afterHead: afterHead(kind)
        case .inBody: inBody(kind)
        case .text: textMode(kind)
        case .inTable: inTable(kind)
        case .inTableText:
            flushTableText()
            process(kind)
        case .inCaption: inCaption(kind)
        case .inColumnGroup: inColumnGroup(kind)
        case .inTableBody: inTableBody(kind)
        case .inRow: inRow(kind)
        case .inCell: inCell(kind)
        case .inTemplate: inTemplate(kind)
        case .afterBody: afterBody(kind)
        case .inFrameset: inFrameset(kind)
        case .afterFrameset: afterFrameset(kind)
        case .afterAfterBody: afterAfterBody(kind)
        case .afterAfterFrameset: afterAfterFrameset(kind)
        }
    }

    func reprocess(_ newMode: Mode, _ kind: Kind) {
        mode = newMode
        process(kind)
    }

    // MARK: before the body

    func initial(_ kind: Kind) {
        switch kind {
        case .comment: insertComment(into: 0)
        case .doctype:
            let t = tokenizer
            let name = t.doctypeName
            if name != Array("html".utf8) || t.publicID != nil || (t.systemID != nil && t.systemID! != Array("about:legacy-compat".utf8)) {
                error()
            }
            let n = newNode(.doctype, .html, .unknown)
            var record = HTMLDocument.Doctype(name: 0..<0, publicID: nil, systemID: nil)
            func store(_ bytes: [UInt8]) -> Range<Int32> {
                let s = Int32(doc.bytes.count)
                doc.bytes.append(contentsOf: bytes)
                return s..<Int32(doc.bytes.count)
            }
            record.name = store(name)
            if let p = t.publicID { record.publicID = store(p) }
            if let s = t.systemID { record.systemID = store(s) }
            doc.nodes[Int(n)].start = Int32(doc.doctypes.count)
            doc.doctypes.append(record)
            appendChild(0, n)
            doc.quirksMode = HTMLQuirks.mode(
                forceQuirks: t.forceQuirks, name: name, publicID: t.publicID, systemID: t.systemID)
            mode = .beforeHtml
        default:
            error()
            doc.quirksMode = .quirks
            reprocess(.beforeHtml, kind)
        }
    }

    func beforeHtml(_ kind: Kind) {
        switch kind {
        case .doctype: error()
        case .comment: insertComment(into: 0)
        case .startTag where tag == .html:
            let html = createElement(.html, .html)
            appendChild(0, html)
            push(html)
            mode = .beforeHead
        case .endTag where !(tag == .head || tag == .body || tag == .html || tag == .br): error()
        default:
            let html = createElement(.html, .html, withTokenAttributes: false)
            appendChild(0, html)
            push(html)
            reprocess(.beforeHead, kind)
        }
    }

    func beforeHead(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag where tag == .html: inBody(kind)
        case .startTag where tag == .head:
            headElement = insertHTML()
            mode = .inHead
        case .endTag where !(tag == .head || tag == .body || tag == .html || tag == .br): error()
        default:
            headElement = insertImplied(.head)
            reprocess(.inHead, kind)
        }
    }

    func inHead(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag:
            switch tag {
            case .html: inBody(kind)
            case .base, .basefont, .bgsound, .link, .meta:
                insertHTML()
                pop()
            case .title: rawText(.rcdata)
            case .noscript where scripting: rawText(.rawtext)
            case .noframes, .style: rawText(.rawtext)
            case .noscript:
                insertHTML()
                mode = .inHeadNoscript
            case .script:
                insertHTML()
                tokenizer.state = .scriptData
                originalMode = mode
                mode = .text
            case .template:
                insertHTML()
                formatting.append(-1)
                framesetOK = false
                mode = .inTemplate
                templateModes.append(.inTemplate)
            case .head: error()
            default:
                pop()
                reprocess(.afterHead, kind)
            }
        case .endTag:
            switch tag {
            case .head:
                pop()
                mode = .afterHead
            case .body, .html, .br:
                pop()
                reprocess(.afterHead, kind)
            case .template:
                if !templateOnStack {
                    error()
                    return
                }
                generateImpliedEndTagsThoroughly()
                if !isHTML(currentNode, .template) { error() }
                popUntil(.template)
                clearFormattingToMarker()
                templateModes.removeLast()
                resetInsertionMode()
            default: error()
            }
        default:
            pop()
            reprocess(.afterHead, kind)
        }
    }

    func inHeadNoscript(_ kind: Kind) {
        switch kind {
        case .doctype: error()
        case .startTag where tag == .html: inBody(kind)
        case .endTag where tag == .noscript:
            pop()
            mode = .inHead
        case .comment: inHead(kind)
        case .startTag where tag == .basefont || tag == .bgsound || tag == .link || tag == .meta || tag == .noframes || tag == .style:
            inHead(kind)
        case .startTag where tag == .head || tag == .noscript: error()
        case .endTag where tag != .br: error()
        default:
            error()
            pop()
            reprocess(.inHead, kind)
        }
    }

    func afterHead(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag:
            switch tag {
            case .html: inBody(kind)
            case .body:
                insertHTML()
                framesetOK = false
                mode = .inBody
            case .frameset:
                insertHTML()
                mode = .inFrameset
            case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
                error()
                push(headElement)
                inHead(kind)
                removeFromStack(headElement)
            case .head: error()
            default:
                insertImplied(.body)
                reprocess(.inBody, kind)
            }
        case .endTag:
            switch tag {
            case .template: inHead(kind)
            case .body, .html, .br:
                insertImplied(.body)
                reprocess(.inBody, kind)
            default: error()
            }
        default:
            insertImplied(.body)
            reprocess(.inBody, kind)
        }
    }

    // MARK: in body

    func inBody(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .eof:
            if !templateModes.isEmpty { inTemplate(kind) }
        case .startTag: bodyStartTag(kind)
        case .endTag: bodyEndTag(kind)
        case .characters: break
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func bodyStartTag(_ kind: Kind) {
        switch tag {
        case .html:
            error()
            if !templateOnStack { addMissingAttributes(stack[0]) }
        case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
            inHead(kind)
        case .body:
            error()
            if stack.count == 1 || !isHTML(stack[1], .body) || templateOnStack { return }
            framesetOK = false
            addMissingAttributes(stack[1])
        case .frameset:
            error()
            if stack.count == 1 || !isHTML(stack[1], .body) || !framesetOK { return }
            detach(stack[1])
            while stack.count > 1 { pop() }
            insertHTML()
            mode = .inFrameset
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset, .figcaption, .figure,
            .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .search, .section, .summary, .ul:
            closePIfInButtonScope()
            insertHTML()
        case .h1, .h2, .h3, .h4, .h5, .h6:
            closePIfInButtonScope()
            if let t = htmlTag(currentNode), t.flags.contains(.heading) {
                error()
                pop()
            }
            insertHTML()
        case .pre, .listing:
            closePIfInButtonScope()
            insertHTML()
            skipNextNewline = true
            framesetOK = false
        case .form:
            let hasTemplate = templateOnStack
            if formElement >= 0 && !hasTemplate {
                error()
                return
            }
            closePIfInButtonScope()
            let f = insertHTML()
            if !hasTemplate { formElement = f }
        case .li, .dd, .dt:
            framesetOK = false
            var i = stack.count - 1
            while i >= 0 {
                let node = stack[i]
                if let t = htmlTag(node) {
                    let matches = tag == .li ? t == .li : (t == .dd || t == .dt)
                    if matches {
                        generateImpliedEndTags(except: t)
                        if !isHTML(currentNode, t) { error() }
                        popUntil(t)
                        break
                    }
                }
                if isSpecial(node), !(isHTML(node, .address) || isHTML(node, .div) || isHTML(node, .p)) { break }
                i -= 1
            }
            closePIfInButtonScope()
            insertHTML()
        case .plaintext:
            closePIfInButtonScope()
            insertHTML()
            tokenizer.state = .plaintext
        case .button:
            if inScope(.button) {
                error()
                generateImpliedEndTags()
                popUntil(.button)
            }
            reconstructFormatting()
            insertHTML()
            framesetOK = false
        case .a:
            var i = formatting.count - 1
            while i >= 0, formatting[i] >= 0 {
                let e = formatting[i]
                if isHTML(e, .a) {
                    error()
                    if !adoptionAgency(.a) { anyOtherEndTag() }
                    removeFormatting(e)
                    removeFromStack(e)
                    break
                }
                i -= 1
            }
            reconstructFormatting()
            pushFormatting(insertHTML())
        case .b, .big, .code, .em, .font, .i, .s, .small, .strike, .strong, .tt, .u:
            reconstructFormatting()
            pushFormatting(insertHTML())
        case .nobr:
            reconstructFormatting()
            if inScope(.nobr) {
                error()
                if !adoptionAgency(.nobr) { anyOtherEndTag() }
                reconstructFormatting()
            }
            pushFormatting(insertHTML())
        case .applet, .marquee, .object:
            reconstructFormatting()
            insertHTML()
            formatting.append(-1)
            framesetOK = false
        case .table:
            if doc.quirksMode != .quirks { closePIfInButtonScope() }
            insertHTML()
            framesetOK = false
            mode = .inTable
        case .area, .br, .embed, .img, .keygen, .wbr:
            reconstructFormatting()
            insertHTML()
            pop()
            framesetOK = false
        case .input:
            if fragmentContextIsSelect {
                error()
                return
            }
            if inScope(.select) {
                error()
                popUntil(.select)
            }
            reconstructFormatting()
            insertHTML()
            pop()
            if let type = tokenAttribute("type"), asciiLowercaseEquals(type, "hidden") {} else { framesetOK = false }
        case .param, .source, .track:
            insertHTML()
            pop()
        case .hr:
            closePIfInButtonScope()
            if inScope(.select) {
                generateImpliedEndTags()
                if inScope(.option) || inScope(.optgroup) { error() }
            }
            insertHTML()
            pop()
            framesetOK = false
        case .image:
            error()
            tag = .img
            bodyStartTag(kind)
        case .textarea:
            insertHTML()
            skipNextNewline = true
            tokenizer.state = .rcdata
            originalMode = mode
            framesetOK = false
            mode = .text
        case .xmp:
            closePIfInButtonScope()
            reconstructFormatting()
            framesetOK = false
            rawText(.rawtext)
        case .iframe:
            framesetOK = false
            rawText(.rawtext)
        case .noembed:
            rawText(.rawtext)
        case .noscript where scripting:
            rawText(.rawtext)
        case .select:
            // The select parsing of 2025 (customizable select): a select is an ordinary element
            // whose content may be any markup; a nested select closes it.
            if fragmentContextIsSelect {
                error()
                return
            }
            if inScope(.select) {
                error()
                popUntil(.select)
                return
            }
            reconstructFormatting()
            insertHTML()
            framesetOK = false
        case .option:
            if inScope(.select) {
                generateImpliedEndTags(except: .optgroup)
                if inScope(.option) { error() }
            } else if isHTML(currentNode, .option) {
                pop()
            }
            reconstructFormatting()
            insertHTML()
        case .optgroup:
            if inScope(.select) {
                generateImpliedEndTags()
                if inScope(.option) || inScope(.optgroup) { error() }
            } else if isHTML(currentNode, .option) {
                pop()
            }
            reconstructFormatting()
            insertHTML()
        case .rb, .rtc:
            if inScope(.ruby) {
                generateImpliedEndTags()
                if !isHTML(currentNode, .ruby) { error() }
            }
            insertHTML()
        case .rp, .rt:
            if inScope(.ruby) {
                generateImpliedEndTags(except: .rtc)
                if !isHTML(currentNode, .ruby) && !isHTML(currentNode, .rtc) { error() }
            }
            insertHTML()
        case .math:
            reconstructFormatting()
            insertElement(.math, .math)
            if tokenizer.selfClosing { pop() }
        case .svg:
            reconstructFormatting()
            insertElement(.svg, .svg)
            if tokenizer.selfClosing { pop() }
        case .caption, .col, .colgroup, .frame, .head, .tbody, .td, .tfoot, .th, .thead, .tr:
            error()
        default:
            reconstructFormatting()
            insertHTML()
        }
    }

    func asciiLowercaseEquals(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        if bytes.count != word.utf8CodeUnitCount { return false }
        var i = 0
        for b in bytes {
            let c = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if c != word.utf8Start[i] { return false }
            i += 1
        }
        return true
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func bodyEndTag(_ kind: Kind) {
        switch tag {
        case .template: inHead(kind)
        case .body, .html:
            if !inScope(.body) {
                error()
                return
            }
            mode = .afterBody
            if tag == .html { process(kind) }
        case .address, .article, .aside, .blockquote, .button, .center, .details, .dialog, .dir, .div, .dl, .fieldset, .figcaption,
            .figure, .footer, .header, .hgroup, .listing, .main, .menu, .nav, .ol, .pre, .search, .section, .select, .summary, .ul:
            if !inScope(tag) {
                error()
                return
            }
            generateImpliedEndTags()
            if !isHTML(currentNode, tag) { error() }
            popUntil(tag)
        case .form:
            if !templateOnStack {
                let node = formElement
                formElement = -1
                if node < 0 || !nodeInScope(node) {
                    error()
                    return
                }
                generateImpliedEndTags()
                if currentNode != node { error() }
                removeFromStack(node)
            } else {
                if !inScope(.form) {
                    error()
                    return
                }
                generateImpliedEndTags()
                if !isHTML(currentNode, .form) { error() }
                popUntil(.form)
            }
        case .p:
            if !inScope(.p, .button) {
                error()
                insertImplied(.p)
            }
            closePElement()
        case .li:
            if !inScope(.li, .listItem) {
                error()
                return
            }
            generateImpliedEndTags(except: .li)
            if !isHTML(currentNode, .li) { error() }
            popUntil(.li)
        case .dd, .dt:
            if !inScope(tag) {
                error()
                return
            }
            generateImpliedEndTags(except: tag)
            if !isHTML(currentNode, tag) { error() }
            popUntil(tag)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if !inScope(where: { $0.flags.contains(.heading) }) {
                error()
                return
            }
            generateImpliedEndTags()
            if !isHTML(currentNode, tag) { error() }
            popUntil(where: { $0.tag.flags.contains(.heading) })
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u:
            if !adoptionAgency(tag) { anyOtherEndTag() }
        case .applet, .marquee, .object:
            if !inScope(tag) {
                error()
                return
            }
            generateImpliedEndTags()
            if !isHTML(currentNode, tag) { error() }
            popUntil(tag)
            clearFormattingToMarker()
        case .br:
            error()
            tokenizer.attributes.removeAll()
            tokenizer.attributeBytes.removeAll()
            reconstructFormatting()
            insertHTML()
            pop()
            framesetOK = false
        default:
            anyOtherEndTag()
        }
    }

    func anyOtherEndTag() {
        var i = stack.count - 1
        while i >= 0 {
            let node = stack[i]
            if isHTML(node, tag) {
                generateImpliedEndTags(except: tag)
                if currentNode != node { error() }
                popUntilNode(node)
                return
            }
            if isSpecial(node) {
                error()
                return
            }
            i -= 1
        }
    }

    func textMode(_ kind: Kind) {
        switch kind {
        case .eof:
            error()
            pop()
            reprocess(originalMode, kind)
        case .endTag:
            pop()
            mode = originalMode
        default: break
        }
    }

    // MARK: tables

    func clearToTableContext() {
        while let t = htmlTag(currentNode), !(t == .table || t == .template || t == .html) { pop() }
        while htmlTag(currentNode) == nil { pop() }
    }

    func clearToTableBodyContext() {
        while true {
            if let t = htmlTag(currentNode), t == .tbody || t == .tfoot || t == .thead || t == .template || t == .html { return }
            pop()
        }
    }

    func clearToRowContext() {
        while true {
            if let t = htmlTag(currentNode), t == .tr || t == .template || t == .html { return }
            pop()
        }
    }

    func inTable(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag:
            switch tag {
            case .caption:
                clearToTableContext()
                formatting.append(-1)
                insertHTML()
                mode = .inCaption
            case .colgroup:
                clearToTableContext()
                insertHTML()
                mode = .inColumnGroup
            case .col:
                clearToTableContext()
                insertImplied(.colgroup)
                reprocess(.inColumnGroup, kind)
            case .tbody, .tfoot, .thead:
                clearToTableContext()
                insertHTML()
                mode = .inTableBody
            case .td, .th, .tr:
                clearToTableContext()
                insertImplied(.tbody)
                reprocess(.inTableBody, kind)
            case .table:
                error()
                if !inScope(.table, .table) { return }
                popUntil(.table)
                resetInsertionMode()
                process(kind)
            case .style, .script, .template: inHead(kind)
            case .input:
                if let type = tokenAttribute("type"), asciiLowercaseEquals(type, "hidden") {
                    error()
                    insertHTML()
                    pop()
                } else {
                    tableAnythingElse(kind)
                }
            case .form:
                error()
                if templateOnStack || formElement >= 0 { return }
                formElement = insertHTML()
                pop()
            default: tableAnythingElse(kind)
            }
        case .endTag:
            switch tag {
            case .table:
                if !inScope(.table, .table) {
                    error()
                    return
                }
                popUntil(.table)
                resetInsertionMode()
            case .body, .caption, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr: error()
            case .template: inHead(kind)
            default: tableAnythingElse(kind)
            }
        case .eof: inBody(kind)
        case .characters: break
        }
    }

    func tableAnythingElse(_ kind: Kind) {
        error()
        fosterParenting = true
        inBody(kind)
        fosterParenting = false
    }

    func inCaption(_ kind: Kind) {
        let closesCaption: Bool
        switch kind {
        case .endTag where tag == .caption:
            closesCaption = true
        case .startTag where [.caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr].contains(tag),
            .endTag where tag == .table:
            closesCaption = true
        case .endTag where [.body, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr].contains(tag):
            error()
            return
        default:
            inBody(kind)
            return
        }
        guard closesCaption else { return }
        if !inScope(.caption, .table) {
            error()
            return
        }
        generateImpliedEndTags()
        if !isHTML(currentNode, .caption) { error() }
        popUntil(.caption)
        clearFormattingToMarker()
        mode = .inTable
        if !(kind == .endTag && tag == .caption) { process(kind) }
    }

    func inColumnGroup(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag where tag == .html: inBody(kind)
        case .startTag where tag == .col:
            insertHTML()
            pop()
        case .endTag where tag == .colgroup:
            if !isHTML(currentNode, .colgroup) {
                error()
                return
            }
            pop()
            mode = .inTable
        case .endTag where tag == .col: error()
        case .startTag where tag == .template, .endTag where tag == .template: inHead(kind)
        case .eof: inBody(kind)
        default:
            if !isHTML(currentNode, .colgroup) {
                error()
                return
            }
            pop()
            reprocess(.inTable, kind)
        }
    }

    func inTableBody(_ kind: Kind) {
        switch kind {
        case .startTag where tag == .tr:
            clearToTableBodyContext()
            insertHTML()
            mode = .inRow
        case .startTag where tag == .th || tag == .td:
            error()
            clearToTableBodyContext()
            insertImplied(.tr)
            reprocess(.inRow, kind)
        case .endTag where tag == .tbody || tag == .tfoot || tag == .thead:
            if !inScope(tag, .table) {
                error()
                return
            }
            clearToTableBodyContext()
            pop()
            mode = .inTable
        case .startTag where [.caption, .col, .colgroup, .tbody, .tfoot, .thead].contains(tag), .endTag where tag == .table:
            if !inScope(where: { $0 == .tbody || $0 == .thead || $0 == .tfoot }, .table) {
                error()
                return
            }
            clearToTableBodyContext()
            pop()
            reprocess(.inTable, kind)
        case .endTag where [.body, .caption, .col, .colgroup, .html, .td, .th, .tr].contains(tag):
            error()
        default: inTable(kind)
        }
    }

    func inRow(_ kind: Kind) {
        switch kind {
        case .startTag where tag == .th || tag == .td:
            clearToRowContext()
            insertHTML()
            mode = .inCell
            formatting.append(-1)
        case .endTag where tag == .tr:
            if !inScope(.tr, .table) {
                error()
                return
            }
            clearToRowContext()
            pop()
            mode = .inTableBody
        case .startTag where [.caption, .col, .colgroup, .tbody, .tfoot, .thead, .tr].contains(tag), .endTag where tag == .table:
            if !inScope(.tr, .table) {
                error()
                return
            }
            clearToRowContext()
            pop()
            reprocess(.inTableBody, kind)
        case .endTag where tag == .tbody || tag == .tfoot || tag == .thead:
            if !inScope(tag, .table) {
                error()
                return
            }
            if !inScope(.tr, .table) { return }
            clearToRowContext()
            pop()
            reprocess(.inTableBody, kind)
        case .endTag where [.body, .caption, .col, .colgroup, .html, .td, .th].contains(tag):
            error()
        default: inTable(kind)
        }
    }

    func closeCell() {
        generateImpliedEndTags()
        if let t = htmlTag(currentNode), t == .td || t == .th {} else { error() }
        popUntil(where: { $0.tag == .td || $0.tag == .th })
        clearFormattingToMarker()
        mode = .inRow
    }

    func inCell(_ kind: Kind) {
        switch kind {
        case .endTag where tag == .td || tag == .th:
            if !inScope(tag, .table) {
                error()
                return
            }
            generateImpliedEndTags()
            if !isHTML(currentNode, tag) { error() }
            popUntil(tag)
            clearFormattingToMarker()
            mode = .inRow
        case .startTag where [.caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr].contains(tag):
            if !inScope(where: { $0 == .td || $0 == .th }, .table) {
                error()
                return
            }
            closeCell()
            process(kind)
        case .endTag where [.body, .caption, .col, .colgroup, .html].contains(tag):
            error()
        case .endTag where [.table, .tbody, .tfoot, .thead, .tr].contains(tag):
            if !inScope(tag, .table) {
                error()
                return
            }
            closeCell()
            process(kind)
        default: inBody(kind)
        }
    }

    // MARK: template

    func inTemplate(_ kind: Kind) {
        switch kind {
        case .comment, .doctype: inBody(kind)
        case .startTag:
            let next: Mode
            switch tag {
            case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
                inHead(kind)
                return
            case .caption, .colgroup, .tbody, .tfoot, .thead: next = .inTable
            case .col: next = .inColumnGroup
            case .tr: next = .inTableBody
            case .td, .th: next = .inRow
            default: next = .inBody
            }
            templateModes.removeLast()
            templateModes.append(next)
            reprocess(next, kind)
        case .endTag:
            if tag == .template { inHead(kind) } else { error() }
        case .eof:
            if !templateOnStack { return }
            error()
            popUntil(.template)
            clearFormattingToMarker()
            templateModes.removeLast()
            resetInsertionMode()
            process(kind)
        case .characters: break
        }
    }

    // MARK: after the body

    func afterBody(_ kind: Kind) {
        switch kind {
        case .comment: insertComment(into: stack[0])
        case .doctype: error()
        case .startTag where tag == .html: inBody(kind)
        case .endTag where tag == .html:
            if context >= 0 {
                error()
                return
            }
            mode = .afterAfterBody
        case .eof: break
        default:
            error()
            reprocess(.inBody, kind)
        }
    }

    func inFrameset(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag:
            switch tag {
            case .html: inBody(kind)
            case .frameset: insertHTML()
            case .frame:
                insertHTML()
                pop()
            case .noframes: inHead(kind)
            default: error()
            }
        case .endTag where tag == .frameset:
            if stack.count == 1 {
                error()
                return
            }
            pop()
            if context < 0 && !isHTML(currentNode, .frameset) { mode = .afterFrameset }
        case .eof:
            if stack.count > 1 { error() }
        default: error()
        }
    }

    func afterFrameset(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag where tag == .html: inBody(kind)
        case .endTag where tag == .html: mode = .afterAfterFrameset
        case .startTag where tag == .noframes: inHead(kind)
        case .eof: break
        default: error()
        }
    }

    func afterAfterBody(_ kind: Kind) {
        switch kind {
        case .comment: insertComment(into: 0)
        case .doctype: inBody(kind)
        case .startTag where tag == .html: inBody(kind)
        case .eof: break
        default:
            error()
            reprocess(.inBody, kind)
        }
    }

    func afterAfterFrameset(_ kind: Kind) {
        switch kind {
        case .comment: insertComment(into: 0)
        case .doctype: inBody(kind)
        case .startTag where tag == .html: inBody(kind)
        case .startTag where tag == .noframes: inHead(kind)
        case .eof: break
        default: error()
        }
    }

    // MARK: foreign content

    func foreignContent(_ kind: Kind) {
        switch kind {
        case .comment: insertComment()
        case .doctype: error()
        case .startTag:
            var breakout = tag.flags.contains(.foreignBreakout)
            if tag == .font, tokenAttribute("color") != nil || tokenAttribute("face") != nil || tokenAttribute("size") != nil {
                breakout = true
            }
            if breakout {
                error()
                popToHTMLOrIntegrationPoint()
                process(kind)
                return
            }
            let ns = doc.nodes[Int(adjustedCurrentNode)].namespace
            insertElement(tag, ns)
            if tokenizer.selfClosing { pop() }
        case .endTag:
            if tag == .br || tag == .p {
                error()
                popToHTMLOrIntegrationPoint()
                process(kind)
                return
            }
            var i = stack.count - 1
            if doc.nodes[Int(stack[i])].tag != tag { error() }
            while i > 0 {
                let node = stack[i]
                if doc.nodes[Int(node)].tag == tag {
                    popUntilNode(node)
                    return
                }
                i -= 1
                if doc.nodes[Int(stack[i])].namespace == .html {
                    process(kind)
                    return
                }
            }
        default: break
        }
    }

    func popToHTMLOrIntegrationPoint() {
        while stack.count > 1 {
            let n = currentNode
            let node = doc.nodes[Int(n)]
            if node.namespace == .html { return }
            if node.namespace == .math, node.tag == .mi || node.tag == .mo || node.tag == .mn || node.tag == .ms || node.tag == .mtext {
                return
            }
            if isHTMLIntegrationPoint(n) { return }
            pop()
        }
    }
}
