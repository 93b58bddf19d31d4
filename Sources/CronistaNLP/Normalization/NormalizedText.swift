public import CronistaCore

/// A normalised copy of a text with, for every UTF-8 byte of the copy, the original range it came
/// from: normalisation never loses the way back to the untouched original.
public struct NormalizedText: Sendable {
    /// The normalised text.
    public let text: String
    /// For normalised byte `i`: the original UTF-8 offset where its source starts.
    public let originStarts: [UInt32]
    /// For normalised byte `i`: the original UTF-8 offset where its source ends.
    public let originEnds: [UInt32]
    /// Length of the original text in UTF-8 bytes.
    public let originalCount: UInt32

    init(bytes: [UInt8], originStarts: [UInt32], originEnds: [UInt32], originalCount: UInt32) {
        precondition(bytes.count == originStarts.count && bytes.count == originEnds.count)
        self.text = String(decoding: bytes, as: UTF8.self)
        self.originStarts = originStarts
        self.originEnds = originEnds
        self.originalCount = originalCount
    }

    /// Length of the normalised text in UTF-8 bytes.
    public var utf8Count: Int { originStarts.count }

    /// The original UTF-8 offset of a normalised offset (`utf8Count` maps to the original end).
    public func originalOffset(normalizedUTF8 offset: Int) -> UInt32 {
        precondition(offset >= 0 && offset <= originStarts.count, "normalised offset \(offset) outside 0...\(originStarts.count)")
        return offset == originStarts.count ? originalCount : originStarts[offset]
    }

    /// The original range covered by a normalised range: from the source of its first byte to the end
    /// of the source of its last byte. An empty range maps to an empty range at its position.
    public func originalRange(normalizedUTF8 r: Range<Int>) -> TextRange {
        precondition(r.lowerBound >= 0 && r.upperBound <= originStarts.count, "normalised range \(r) outside 0..<\(originStarts.count)")
        if r.isEmpty {
            let o = originalOffset(normalizedUTF8: r.lowerBound)
            return TextRange(startUTF8: o, endUTF8: o)
        }
        return TextRange(startUTF8: originStarts[r.lowerBound], endUTF8: originEnds[r.upperBound - 1])
    }

    /// The original range of a range of the normalised string.
    public func originalRange(_ r: Range<String.Index>) -> TextRange {
        let u = text.utf8
        return originalRange(normalizedUTF8: u.distance(from: u.startIndex, to: r.lowerBound)..<u.distance(from: u.startIndex, to: r.upperBound))
    }
}
