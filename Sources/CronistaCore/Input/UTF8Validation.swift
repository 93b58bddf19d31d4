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

    /// Whether the bytes look like a binary file: a NUL byte among the first `window` bytes.
    public static func looksBinary<C: Collection>(_ bytes: C, window: Int = 8192) -> Bool where C.Element == UInt8 {
        for b in bytes.prefix(window) where b == 0 { return true }
        return false
    }
}
