/// A half-open range of UTF-8 code-unit offsets into a document's original text.
///
/// Cronista keeps every span in UTF-8 offsets internally (Swift strings are UTF-8); the JSON
/// contract speaks Unicode code points, converted at the edge by ``OffsetIndex``.
public struct TextRange: Hashable, Comparable, Sendable {
    public var startUTF8: UInt32
    public var endUTF8: UInt32

    @inlinable
    public init(startUTF8: UInt32, endUTF8: UInt32) {
        precondition(startUTF8 <= endUTF8, "TextRange start \(startUTF8) after end \(endUTF8)")
        self.startUTF8 = startUTF8
        self.endUTF8 = endUTF8
    }

    @inlinable
    public init(_ start: Int, _ end: Int) {
        self.init(startUTF8: UInt32(start), endUTF8: UInt32(end))
    }

    @inlinable public var isEmpty: Bool { startUTF8 == endUTF8 }
    @inlinable public var count: Int { Int(endUTF8 - startUTF8) }
    @inlinable public var lowerBound: Int { Int(startUTF8) }
    @inlinable public var upperBound: Int { Int(endUTF8) }

    @inlinable
    public func overlaps(_ other: TextRange) -> Bool {
        startUTF8 < other.endUTF8 && other.startUTF8 < endUTF8
    }

    @inlinable
    public func contains(_ other: TextRange) -> Bool {
        startUTF8 <= other.startUTF8 && other.endUTF8 <= endUTF8
    }

    @inlinable
    public func shifted(by delta: Int) -> TextRange {
        TextRange(startUTF8: UInt32(Int(startUTF8) + delta), endUTF8: UInt32(Int(endUTF8) + delta))
    }

    @inlinable
    public static func < (a: TextRange, b: TextRange) -> Bool {
        (a.startUTF8, a.endUTF8) < (b.startUTF8, b.endUTF8)
    }
}

extension TextRange: CustomStringConvertible {
    public var description: String { "[\(startUTF8),\(endUTF8))" }
}
