/// UTF-8 checks for input bytes.
public enum UTF8Validation {
    /// The byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or `nil`.
    ///
    /// Rejects overlong forms, surrogates and code points above U+10FFFF, as `String(validating:)` does.
    public static func firstInvalidOffset<C: Collection>(in bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i - bytes.startIndex
            }
            if i + need >= end { return i - bytes.startIndex }  // truncated sequence
            let b1 = bytes[i + 1]
            if b1 < lo || b1 > hi { return i - bytes.startIndex }
            var k = 2
            while k <= need {
                let b = bytes[i + k]
                if b < 0x80 || b > 0xBF { return i - bytes.startIndex }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// Whether the bytes look like a binary file (an image, an archive, UTF-16 text): among the
    /// first `window` bytes, NUL bytes that are more than a stray one or two, or a NUL in bytes
    /// that are not UTF-8. A single NUL in UTF-8 text is not enough: it makes one document bad
    /// (see ``firstNUL(in:)``), not the whole file.
    public static func looksBinary<C: Collection>(_ bytes: C, window: Int = 8192) -> Bool where C.Element == UInt8 {
        let head = Array(bytes.prefix(window))
        var nuls = 0
        for b in head where b == 0 { nuls += 1 }
        if nuls == 0 { return false }
        if nuls > 2 { return true }
        // A multi-byte sequence cut by the window's end is not a sign of binary data.
        if let bad = firstInvalidOffset(in: head), bad < head.count - 3 { return true }
        return false
    }

    /// The byte offset of the first NUL byte, or nil. Document texts may not contain U+0000: the
    /// store and many readers of its output treat it as the end of the text.
    public static func firstNUL<C: Collection>(in bytes: C) -> Int? where C.Element == UInt8 {
        var k = 0
        for b in bytes {
            if b == 0 { return k }
            k += 1
        }
        return nil
    }
}
