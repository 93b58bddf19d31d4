/// Repair of UTF-8 that was decoded as Windows-1252 (or Latin-1) and encoded again: `Ã¨` → `è`,
/// `â€™` → `’`, `Ã©` → `é`. Each mis-decoded scalar maps back to the byte it came from; a run of such
/// bytes that forms one valid multi-byte UTF-8 sequence is replaced by the scalar it encodes.
extension Normalizer {
    /// Windows-1252 bytes 0x80...0x9F: the scalar each one decodes to (0 where undefined).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static let cp1252Reverse: [UInt32: UInt8] = {
        var d: [UInt32: UInt8] = [:]
        for (k, s) in cp1252High.enumerated() where s != 0 { d[s] = UInt8(0x80 + k) }
        return d
    }()

    /// The byte a scalar stands for when UTF-8 was read as Windows-1252/Latin-1, if any.
    @inline(__always)
    static func misreadByte(_ s: UInt32) -> UInt8? {
        if s >= 0x80 && s <= 0xFF { return UInt8(s) }
        if s >= 0x152 { return cp1252Reverse[s] }
        return nil
    }

    /// At `i` (a scalar U+00C2...U+00F4): the repaired scalar and the original length it replaces.
    static func repairMojibake(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let (lead, leadLen) = UTF8Decoding.decode(b, i)
        let need: Int
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF: need = 2
        case 0xF0...0xF4: need = 3
        default: return nil
        }
        var value = lead & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
        var k = i + leadLen
        for _ in 0..<need {
            guard k < b.count else { return nil }
            let (s, l) = UTF8Decoding.decode(b, k)
            guard let byte = misreadByte(s), byte >= 0x80 && byte <= 0xBF else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
            k += l
        }
        // Reject overlong forms, surrogates and out-of-range values.
        switch need {
        case 1: guard value >= 0x80 else { return nil }
        case 2: guard value >= 0x800 && !(0xD800...0xDFFF).contains(value) else { return nil }
        default: guard value >= 0x10000 && value <= 0x10FFFF else { return nil }
        }
        return (value, k - i)
    }
}
