/// Converts UTF-8 offsets of one text into Unicode scalar (code point) offsets, the unit of the
/// JSON contract, Python's `str`, spaCy and PostgreSQL `substr`.
///
/// Built once per document in O(n). ASCII texts take a fast path where both units coincide.
public struct OffsetIndex: Sendable {
    /// `nil` for pure-ASCII texts, where UTF-8 and scalar offsets are equal.
    /// Otherwise: scalar offset of every 64th UTF-8 byte boundary checkpoint.
    @usableFromInline let checkpoints: [UInt32]?
    @usableFromInline let utf8: [UInt8]
    public let scalarCount: Int

    @usableFromInline static let stride = 64

    public init(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(0)
        self.utf8 = bytes
        let n = bytes.count - 1
        var isASCII = true
        for b in bytes[0..<n] where b >= 0x80 { isASCII = false; break }
        if isASCII {
            checkpoints = nil
            scalarCount = n
            return
        }
        var cps: [UInt32] = []
        cps.reserveCapacity(n / Self.stride + 2)
        var scalars: UInt32 = 0
        for i in 0..<n {
            if i % Self.stride == 0 { cps.append(scalars) }
            if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
        }
        cps.append(scalars)
        checkpoints = cps
        scalarCount = Int(scalars)
    }

    /// The scalar offset of a UTF-8 offset. The offset must lie on a scalar boundary (or at the end).
    @inlinable
    public func scalarOffset(utf8 offset: UInt32) -> Int {
        guard let cps = checkpoints else { return Int(offset) }
        let o = Int(offset)
        let block = o / Self.stride
        var s = Int(cps[block])
        var i = block * Self.stride
        while i < o {
            if utf8[i] & 0xC0 != 0x80 { s += 1 }
            i += 1
        }
        return s
    }

    /// The UTF-8 offset of a scalar offset (binary search over the checkpoints).
    public func utf8Offset(scalar offset: Int) -> UInt32 {
        guard let cps = checkpoints else { return UInt32(offset) }
        precondition(offset >= 0 && offset <= scalarCount, "scalar offset \(offset) outside 0...\(scalarCount)")
        var lo = 0, hi = cps.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(cps[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        var i = lo * Self.stride
        var s = Int(cps[lo])
        let n = utf8.count - 1
        // Walk to the start of scalar number `offset`.
        while i < n {
            if utf8[i] & 0xC0 != 0x80 {
                if s == offset { return UInt32(i) }
                s += 1
            }
            i += 1
        }
        return UInt32(n)
    }

    /// A range in scalar offsets.
    @inlinable
    public func scalarRange(_ r: TextRange) -> (start: Int, end: Int) {
        (scalarOffset(utf8: r.startUTF8), scalarOffset(utf8: r.endUTF8))
    }
}
