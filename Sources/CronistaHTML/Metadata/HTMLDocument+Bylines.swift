extension HTMLDocument {
    /// Whether a short text node reads as a byline: its first word is one of `starts` (`By`, `Von`,
    /// `Autor:`) and more follows, or its last word is one of `ends` (`Ein Artikel von`, `Posted by`).
    /// Compared on the bytes, ASCII-case-insensitively.
    func readsAsByline(_ node: Int32, starts: HTMLWordList, ends: HTMLWordList) -> Bool {
        let n = nodes[Int(node)]
        return bytes.withUnsafeBufferPointer { b in
            var i = Int(n.start)
            var end = Int(n.end)
            func space(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }
            while i < end, space(b[i]) { i += 1 }
            while end > i, space(b[end - 1]) || b[end - 1] == 0x3A { end -= 1 }
            if i == end { return false }
            var j = i
            while j < end, Self.isWordByte(b[j]) { j += 1 }
            if j > i, j < end, space(b[j]) || b[j] == 0x3A, starts.contains(b, i..<j) { return true }
            var k = end
            while k > i, Self.isWordByte(b[k - 1]) { k -= 1 }
            return k < end && (k == i || space(b[k - 1])) && ends.contains(b, k..<end)
        }
    }

    /// The text of a subtree with a space between text nodes (`von<a>Anna</a>` → `von Anna`), skipping
    /// scripts and styles.
    func spacedText(_ node: Int32) -> String {
        var out: [UInt8] = []
        var n = node
        while n >= 0 {
            let x = nodes[Int(n)]
            let skip = x.kind == .element && (x.tag == .script || x.tag == .style)
            if x.kind == .text {
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: bytes[Int(x.start)..<Int(x.end)])
            }
            n = next(n, within: node, skipChildren: skip)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
