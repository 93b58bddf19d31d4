/// Lowercase words, kept as bytes, to look for in attribute values (class, id, itemprop…) without
/// making a String per element.
public struct HTMLWordList: Sendable {
    let words: [[UInt8]]

    public init(_ words: [String]) { self.words = words.map { Array($0.lowercased().utf8) } }

    /// Whether bytes[range], ASCII-lowercased, is one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for w in words where w.count == range.count {
            var k = 0
            for i in range {
                let c = bytes[i]
                if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != w[k] { break }
                k += 1
            }
            if k == w.count { return true }
        }
        return false
    }
}

extension HTMLDocument {
    /// Whether the value of one of the attributes `names` (lowercase ASCII) of element `node` has a word
    /// of `list`. Words are runs of letters (ASCII letters and any non-ASCII byte), compared
    /// ASCII-case-insensitively: `comment-list` and `commentList` both have `comment` only in the first
    /// (camelCase is one word, as a lowercased split on non-letters sees it).
    public func attributeHasWord(_ node: Int32, _ names: [[UInt8]], _ list: HTMLWordList) -> Bool {
        let n = nodes[Int(node)]
        if n.attributeStart == n.attributeEnd { return false }
        return bytes.withUnsafeBufferPointer { b in
            for a in attributes[Int(n.attributeStart)..<Int(n.attributeEnd)] {
                let nameLength = Int(a.nameEnd - a.nameStart)
                var named = false
                for name in names where name.count == nameLength {
                    var same = true
                    for k in 0..<nameLength where b[Int(a.nameStart) + k] != name[k] {
                        same = false
                        break
                    }
                    if same {
                        named = true
                        break
                    }
                }
                if !named { continue }
                var i = Int(a.valueStart)
                let end = Int(a.valueEnd)
                while i < end {
                    while i < end, !Self.isWordByte(b[i]) { i += 1 }
                    let start = i
                    while i < end, Self.isWordByte(b[i]) { i += 1 }
                    if i > start, list.contains(b, start..<i) { return true }
                }
            }
            return false
        }
    }

    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool { c >= 0x80 || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
}
