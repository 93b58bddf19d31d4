/// Customizable `<select>` (2025): a `<selectedcontent>` inside a select mirrors the selected option
/// (the last option with `selected`, else the first), so its children are a copy of that option's.
/// Done once after parsing, iteratively; pages without `<selectedcontent>` pay one name lookup.
extension HTMLTreeBuilder {
    func mirrorSelectedContent() {
        guard let index = doc.extraTagNames.firstIndex(of: Array("selectedcontent".utf8)) else { return }
        let selectedContent = HTMLTag(rawValue: HTMLTag.knownCount + Int32(index))
        for select in 0..<Int32(doc.nodes.count) where isHTML(select, .select) && doc.nodes[Int(select)].kind == .element {
            var target: Int32 = -1
            var firstOption: Int32 = -1
            var selectedOption: Int32 = -1
            var n = doc.nodes[Int(select)].firstChild
            while n >= 0 {
                var skip = false
                if doc.nodes[Int(n)].kind == .element && doc.nodes[Int(n)].namespace == .html {
                    let t = doc.nodes[Int(n)].tag
                    if t == .select {
                        skip = true
                    } else if t == selectedContent, target < 0 {
                        target = n
                    } else if t == .option {
                        if firstOption < 0 { firstOption = n }
                        if doc.attribute(n, "selected") != nil { selectedOption = n }
                    }
                }
                n = doc.next(n, within: select, skipChildren: skip)
            }
            let option = selectedOption >= 0 ? selectedOption : firstOption
            guard target >= 0, option >= 0 else { continue }
            while doc.nodes[Int(target)].firstChild >= 0 { detach(doc.nodes[Int(target)].firstChild) }
            cloneChildren(of: option, into: target)
        }
    }

    /// Deep copy of `source`'s children appended to `target`, without recursion.
    func cloneChildren(of source: Int32, into target: Int32) {
        var work: [(Int32, Int32)] = []
        var c = doc.nodes[Int(source)].lastChild
        while c >= 0 {
            work.append((c, target))
            c = doc.nodes[Int(c)].previousSibling
        }
        while let (node, parent) = work.popLast() {
            let original = doc.nodes[Int(node)]
            let copy: Int32
            switch original.kind {
            case .element:
                copy = cloneElement(node)
            case .text, .comment:
                copy = newNode(original.kind, .html, .unknown)
                doc.nodes[Int(copy)].start = original.start
                doc.nodes[Int(copy)].end = original.end
            default: continue
            }
            appendChild(parent, copy)
            var k = original.lastChild
            while k >= 0 {
                work.append((k, copy))
                k = doc.nodes[Int(k)].previousSibling
            }
        }
    }
}
