/// The html5lib-tests tree format (`| <html>` lines, two spaces a level), for the conformance tests
/// and for debugging. Iterative: no recursion over the tree's depth.
extension HTMLDocument {
    /// Dumps the children of `root` (the document, or node 1 for a fragment parse).
    public func treeDump(from root: Int32 = 0) -> String {
        var out = ""
        var stack: [(node: Int32, depth: Int)] = []
        for c in children(root).reversed() { stack.append((c, 0)) }
        while let (n, depth) = stack.popLast() {
            let node = nodes[Int(n)]
            let indent = String(repeating: "  ", count: depth)
            out += "| " + indent
            switch node.kind {
            case .document: out += "#document"
            case .doctype:
                let d = doctypes[Int(node.start)]
                out += "<!DOCTYPE " + string(d.name.lowerBound, d.name.upperBound)
                let pub = d.publicID.map { string($0.lowerBound, $0.upperBound) } ?? ""
                let sys = d.systemID.map { string($0.lowerBound, $0.upperBound) } ?? ""
                if d.publicID != nil || d.systemID != nil { out += " \"\(pub)\" \"\(sys)\"" }
                out += ">"
            case .text: out += "\"" + text(n) + "\""
            case .comment: out += "<!-- " + text(n) + " -->"
            case .templateContents: out += "content"
            case .element:
                let prefix = node.namespace == .svg ? "svg " : node.namespace == .math ? "math " : ""
                out += "<" + prefix + elementName(n) + ">"
                let attrs = attributeList(n).map { ($0.namespace.isEmpty ? $0.name : $0.namespace + " " + $0.name, $0.value) }
                for (name, value) in attrs.sorted(by: { Array($0.0.utf16).lexicographicallyPrecedes(Array($1.0.utf16)) }) {
                    out += "\n| " + indent + "  " + name + "=\"" + value + "\""
                }
            }
            out += "\n"
            var c = node.lastChild
            while c >= 0 {
                stack.append((c, depth + 1))
                c = nodes[Int(c)].previousSibling
            }
        }
        return out
    }
}
