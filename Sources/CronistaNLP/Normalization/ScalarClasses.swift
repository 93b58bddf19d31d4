/// Character classes shared by the tokenizer and the language identifier: which scalars are
/// spaces, invisible, quotation marks, apostrophes, letters. ASCII is answered from a table; the rest
/// from ranges first and the Unicode properties last.
enum ScalarClass {
    /// Horizontal and vertical white space other than ASCII (NBSP, the U+2000 block, ideographic...).
    @inline(__always)
    static func isUnicodeSpace(_ s: UInt32) -> Bool {
        switch s {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inline(__always)
    static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM: invisible inside words.
    @inline(__always)
    static func isIgnorable(_ s: UInt32) -> Bool {
        switch s {
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// Apostrophe look-alikes: ' ’ ʼ ´ ` and the modifier letter prime.
    @inline(__always)
    static func isApostrophe(_ s: UInt32) -> Bool {
        s == 0x27 || s == 0x2019 || s == 0x2BC || s == 0xB4 || s == 0x60 || s == 0x2018
    }

    /// Double quotation marks of every style.
    @inline(__always)
    static func isDoubleQuote(_ s: UInt32) -> Bool {
        switch s {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033, 0x301D, 0x301E, 0xFF02: return true
        default: return false
        }
    }

    /// Any quotation mark, single or double (‹ › ‚ included).
    @inline(__always)
    static func isQuoteMark(_ s: UInt32) -> Bool {
        isDoubleQuote(s) || s == 0x27 || s == 0x2018 || s == 0x2019 || s == 0x201A || s == 0x2039 || s == 0x203A || s == 0x60
    }

    @inline(__always)
    static func isCombiningMark(_ s: UInt32) -> Bool {
        if s < 0x300 { return false }
        if s <= 0x36F { return true }
        if s < 0x483 { return false }
        switch Unicode.Scalar(s)?.properties.generalCategory {
        case .nonspacingMark?, .spacingMark?, .enclosingMark?: return true
        default: return false
        }
    }

    /// Letters of any script (combining marks are not letters; see ``isCombiningMark``).
    @inline(__always)
    static func isLetter(_ s: UInt32) -> Bool {
        if s < 0x80 { return (s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A }
        if s >= 0xC0 && s <= 0x24F { return s != 0xD7 && s != 0xF7 }
        if s == 0xAA || s == 0xBA || s == 0xB5 { return true }
        if s < 0x250 { return false }
        guard let u = Unicode.Scalar(s) else { return false }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    @inline(__always)
    static func isDigit(_ s: UInt32) -> Bool {
        if s < 0x80 { return s >= 0x30 && s <= 0x39 }
        if s < 0x660 { return false }
        return Unicode.Scalar(s)?.properties.generalCategory == .decimalNumber
    }

    @inline(__always)
    static func isUppercase(_ s: UInt32) -> Bool {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A }
        if s >= 0xC0 && s <= 0xDE { return s != 0xD7 }
        if s < 0x100 { return false }
        guard let u = Unicode.Scalar(s) else { return false }
        let c = u.properties.generalCategory
        return c == .uppercaseLetter || c == .titlecaseLetter
    }

    /// The start of an emoji: a pictograph (with emoji presentation or in the symbol blocks) or a
    /// regional indicator. Digits, `#` and `*` are not emoji starts.
    @inline(__always)
    static func isEmojiStart(_ s: UInt32) -> Bool {
        if s < 0xA9 { return false }
        if s >= 0x1F1E6 && s <= 0x1F1FF { return true }
        if s >= 0x1F300 && s <= 0x1FAFF { return true }
        guard s >= 0x2000, let u = Unicode.Scalar(s) else { return s == 0xA9 || s == 0xAE }
        return u.properties.isEmoji && (u.properties.isEmojiPresentation || s >= 0x2100)
    }

    /// Scalars that extend an emoji: variation selectors, skin tones, keycap, tags.
    @inline(__always)
    static func isEmojiExtender(_ s: UInt32) -> Bool {
        s == 0xFE0F || s == 0xFE0E || (s >= 0x1F3FB && s <= 0x1F3FF) || s == 0x20E3 || (s >= 0xE0020 && s <= 0xE007F)
    }

    @inline(__always)
    static func isRegionalIndicator(_ s: UInt32) -> Bool { s >= 0x1F1E6 && s <= 0x1F1FF }
}

/// Decoding of one scalar from valid UTF-8 (a Swift string's bytes are always valid).
enum UTF8Decoding {
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (c0, 1) }
        if c0 < 0xE0 { return (((c0 & 0x1F) << 6) | (UInt32(b[i + 1]) & 0x3F), 2) }
        if c0 < 0xF0 {
            return (((c0 & 0x0F) << 12) | ((UInt32(b[i + 1]) & 0x3F) << 6) | (UInt32(b[i + 2]) & 0x3F), 3)
        }
        return (((c0 & 0x07) << 18) | ((UInt32(b[i + 1]) & 0x3F) << 12) | ((UInt32(b[i + 2]) & 0x3F) << 6) | (UInt32(b[i + 3]) & 0x3F), 4)
    }

    /// The scalar ending just before `end` (which lies on a boundary) and its start offset.
    @inline(__always)
    static func decodeLast(_ b: UnsafeBufferPointer<UInt8>, before end: Int) -> (scalar: UInt32, start: Int) {
        var s = end - 1
        while s > 0 && b[s] & 0xC0 == 0x80 { s -= 1 }
        return (decode(b, s).scalar, s)
    }

    @inline(__always)
    static func append(_ s: UInt32, to out: inout [UInt8]) {
        if s < 0x80 {
            out.append(UInt8(s))
        } else if s < 0x800 {
            out.append(UInt8(0xC0 | (s >> 6))); out.append(UInt8(0x80 | (s & 0x3F)))
        } else if s < 0x10000 {
            out.append(UInt8(0xE0 | (s >> 12))); out.append(UInt8(0x80 | ((s >> 6) & 0x3F))); out.append(UInt8(0x80 | (s & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (s >> 18))); out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F))); out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    @inline(__always)
    static func length(_ s: UInt32) -> Int { s < 0x80 ? 1 : s < 0x800 ? 2 : s < 0x10000 ? 3 : 4 }
}
