/// The parsed page as a compact arena: every node is a row of `nodes` (no object per node), text,
/// comments and attribute strings are byte ranges into one UTF-8 buffer, tags are interned ids.
/// Node 0 is the document (or, for a fragment parse, the fragment's root `html` stand-in).
public struct HTMLDocument: Sendable {
    public enum NodeKind: UInt8, Sendable {
        case document, doctype, element, text, comment
        /// The contents of a `<template>` (its only child of this kind).
        case templateContents
    }

    public enum Namespace: UInt8, Sendable { case html, svg, math }

    /// One node. Links are node indices, -1 for none.
    public struct Node: Sendable {
        public var kind: NodeKind
        public var namespace: Namespace
        public var tag: HTMLTag
        public var parent: Int32 = -1
        public var firstChild: Int32 = -1
        public var lastChild: Int32 = -1
        public var previousSibling: Int32 = -1
        public var nextSibling: Int32 = -1
        /// Text and comments: the byte range of the data; doctypes: the index into `doctypes`.
        public var start: Int32 = 0
        public var end: Int32 = 0
        /// Elements: the range of their attributes in `attributes`.
        public var attributeStart: Int32 = 0
        public var attributeEnd: Int32 = 0
    }

    /// One attribute: name and value as byte ranges (the name as the tokenizer lowercased it).
    public struct Attribute: Sendable {
        public var nameStart: Int32
        public var nameEnd: Int32
        public var valueStart: Int32
        public var valueEnd: Int32
    }

    public struct Doctype: Sendable {
        public var name: Range<Int32>
        public var publicID: Range<Int32>?
        public var systemID: Range<Int32>?
    }

    public enum QuirksMode: UInt8, Sendable { case noQuirks, limitedQuirks, quirks }

    public internal(set) var nodes: [Node] = []
    public internal(set) var attributes: [Attribute] = []
    public internal(set) var bytes: [UInt8] = []
    public internal(set) var doctypes: [Doctype] = []
    /// Names of the tags outside the known table, id `knownCount + i`.
    public internal(set) var extraTagNames: [[UInt8]] = []
    public internal(set) var quirksMode: QuirksMode = .noQuirks
    /// Parse errors met (counted, not itemised).
    public internal(set) var parseErrors = 0
    /// The encoding the bytes were decoded from.
    public internal(set) var encoding: HTMLEncoding = .utf8
    /// Byte sequences that were not valid in `encoding` and were read as U+FFFD.
    public internal(set) var invalidByteSequences = 0

    init() {}

    // MARK: reading

    /// The root node (the document).
    public var root: Int32 { 0 }

    @inlinable public subscript(_ node: Int32) -> Node { nodes[Int(node)] }

    /// The tag's name (lowercase, as the tokenizer gave it).
    public func tagName(_ tag: HTMLTag) -> String {
        if tag.rawValue < HTMLTag.knownCount { return HTMLTag.knownNames[Int(tag.rawValue)] }
        return String(decoding: extraTagNames[Int(tag.rawValue - HTMLTag.knownCount)], as: UTF8.self)
    }

    public func string(_ start: Int32, _ end: Int32) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]), as: UTF8.self) }
    }

    /// A text or comment node's data.
    public func text(_ node: Int32) -> String {
        let n = nodes[Int(node)]
        return string(n.start, n.end)
    }

    /// The value of the attribute `name` (lowercase ASCII) of an element, or nil.
    public func attribute(_ node: Int32, _ name: String) -> String? {
        let n = nodes[Int(node)]
        var name = name
        return name.withUTF8 { key in
            bytes.withUnsafeBufferPointer { buf in
                for a in attributes[Int(n.attributeStart)..<Int(n.attributeEnd)] where Int(a.nameEnd - a.nameStart) == key.count {
                    if memcmp(buf.baseAddress! + Int(a.nameStart), key.baseAddress!, key.count) == 0 {
                        return String(decoding: UnsafeBufferPointer(rebasing: buf[Int(a.valueStart)..<Int(a.valueEnd)]), as: UTF8.self)
                    }
                }
                return nil
            }
        }
    }

    /// The children of a node, in order.
    public func children(_ node: Int32) -> [Int32] {
        var out: [Int32] = []
        var c = nodes[Int(node)].firstChild
        while c >= 0 {
            out.append(c)
            c = nodes[Int(c)].nextSibling
        }
        return out
    }

    /// The first element child of the document with this tag, searching in document order (no recursion).
    public func firstElement(_ tag: HTMLTag, from start: Int32 = 0) -> Int32? {
        var n = nodes[Int(start)].firstChild
        while n >= 0 {
            let node = nodes[Int(n)]
            if node.kind == .element, node.tag == tag, node.namespace == .html { return n }
            n = next(n, within: start)
        }
        return nil
    }

    /// The next node after `n` in document order that stays inside `root`'s subtree (pre-order, iterative).
    public func next(_ n: Int32, within root: Int32, skipChildren: Bool = false) -> Int32 {
        let node = nodes[Int(n)]
        if !skipChildren, node.firstChild >= 0 { return node.firstChild }
        var cur = n
        while cur != root, cur >= 0 {
            let c = nodes[Int(cur)]
            if c.nextSibling >= 0 { return c.nextSibling }
            cur = c.parent
        }
        return -1
    }

    /// The text content of a subtree (iterative; template contents included).
    public func textContent(_ node: Int32) -> String {
        var out: [UInt8] = []
        var n = node
        while n >= 0 {
            let x = nodes[Int(n)]
            if x.kind == .text { out.append(contentsOf: bytes[Int(x.start)..<Int(x.end)]) }
            n = next(n, within: node)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
