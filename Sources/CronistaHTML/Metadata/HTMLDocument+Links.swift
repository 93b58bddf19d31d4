extension HTMLDocument {
    /// Whether an ancestor of `node` (not `node` itself) is a link: a date inside `<a>` is a teaser's.
    func isInsideLink(_ node: Int32) -> Bool {
        var p = self[node].parent
        var depth = 0
        while p > 0, depth < 8 {
            if self[p].kind == .element, self[p].tag == .a { return true }
            p = self[p].parent
            depth += 1
        }
        return false
    }
}
