/// Decodes a page to the parser's input: valid UTF-8 (invalid sequences become U+FFFD, maximal
/// subparts as the Encoding Standard says), no byte order mark, and CR / CRLF turned into LF.
enum HTMLDecoder {
    /// `invalid` counts the byte sequences that were not valid in the encoding (each became U+FFFD).
    static func decode(_ bytes: [UInt8], as encoding: HTMLEncoding, invalid: inout Int) -> [UInt8] {
        switch encoding {
        case .utf8: return utf8(bytes, invalid: &invalid)
        case .windows1252: return singleByte(bytes, iso885915: false)
        case .iso885915: return singleByte(bytes, iso885915: true)
        case .utf16le: return utf16(bytes, littleEndian: true, invalid: &invalid)
        case .utf16be: return utf16(bytes, littleEndian: false, invalid: &invalid)
        }
    }

    static func utf8(_ bytes: [UInt8], stripBOM: Bool = true) -> [UInt8] {
        var invalid = 0
        return utf8(bytes, stripBOM: stripBOM, invalid: &invalid)
    }

    @inline(__always) static func append(_ cp: UInt32, _ out: inout [UInt8]) {
        if cp < 0x80 {
            out.append(UInt8(cp))
        } else if cp < 0x800 {
            out.append(UInt8(0xC0 | (cp >> 6)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        } else if cp < 0x10000 {
            out.append(UInt8(0xE0 | (cp >> 12)))
            out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (cp >> 18)))
            out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (cp & 0x3F)))
        }
    }

    /// The length of a valid UTF-8 sequence at i, or the length of the maximal invalid subpart negated.
    @inline(__always) static func sequence(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = p.count
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        var need = 0
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0:
            need = 2
            lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED:
            need = 2
            hi = 0x9F
        case 0xF0:
            need = 3
            lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4:
            need = 3
            hi = 0x8F
        default: return -1
        }
        var k = 1
        while k <= need {
            if i + k >= n { return -k }
            let b = p[i + k]
            if k == 1 {
                if b < lo || b > hi { return -1 }
            } else if b < 0x80 || b > 0xBF {
                return -k
            }
            k += 1
        }
        return need + 1
    }

    /// Whether the bytes are valid UTF-8 with at least one multi-byte sequence.
    static func isNonASCIIUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            var multibyte = false
            var i = 0
            while i < p.count {
                if p[i] < 0x80 {
                    i += 1
                    continue
                }
                let len = sequence(p, i)
                // A sequence cut by the end of a truncated page still counts as UTF-8.
                if len < 0 { return multibyte && i + 4 > p.count }
                multibyte = true
                i += len
            }
            return multibyte
        }
    }

    static func utf8(_ bytes: [UInt8], stripBOM: Bool = true, invalid: inout Int) -> [UInt8] {
        if bytes.isEmpty { return bytes }
        return bytes.withUnsafeBufferPointer { p in
            var start = 0
            if stripBOM, p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { start = 3 }
            // First pass: is a copy needed at all?
            var clean = true
            var i = start
            let base = UnsafeRawPointer(p.baseAddress!)
            while i < p.count {
                // Eight ASCII bytes without CR at a time.
                while i + 8 <= p.count {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let x = w ^ 0x0D0D_0D0D_0D0D_0D0D
                    let hasCR = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                    if w & 0x8080_8080_8080_8080 != 0 || hasCR != 0 { break }
                    i += 8
                }
                if i >= p.count { break }
                let b = p[i]
                if b < 0x80 {
                    if b == 0x0D {
                        clean = false
                        break
                    }
                    i += 1
                    continue
                }
                let len = sequence(p, i)
                if len < 0 {
                    clean = false
                    break
                }
                i += len
            }
            if clean { return start == 0 ? bytes : Array(p[start...]) }
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            out.append(contentsOf: p[start..<i])
            while i < p.count {
                let b = p[i]
                if b < 0x80 {
                    if b == 0x0D {
                        out.append(0x0A)
                        if i + 1 < p.count, p[i + 1] == 0x0A { i += 1 }
                    } else {
                        out.append(b)
                    }
                    i += 1
                    continue
                }
                let len = sequence(p, i)
                if len < 0 {
                    invalid += 1
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    i += -len
                } else {
                    out.append(contentsOf: p[i..<(i + len)])
                    i += len
                }
            }
            return out
        }
    }

    static let windows1252High: [UInt16] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
    ]

    static func singleByte(_ bytes: [UInt8], iso885915: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            i += 1
            if b < 0x80 {
                if b == 0x0D {
                    out.append(0x0A)
                    if i < n, bytes[i] == 0x0A { i += 1 }
                } else {
                    out.append(b)
                }
                continue
            }
            var cp = UInt32(b)
            if iso885915 {
                switch b {
                case 0xA4: cp = 0x20AC
                case 0xA6: cp = 0x160
                case 0xA8: cp = 0x161
                case 0xB4: cp = 0x17D
                case 0xB8: cp = 0x17E
                case 0xBC: cp = 0x152
                case 0xBD: cp = 0x153
                case 0xBE: cp = 0x178
                default: break
                }
            } else if b < 0xA0 {
                cp = UInt32(windows1252High[Int(b - 0x80)])
            }
            append(cp, &out)
        }
        return out
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool, invalid: inout Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        if bytes.count >= 2,
            (littleEndian && bytes[0] == 0xFF && bytes[1] == 0xFE) || (!littleEndian && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            i = 2
        }
        func unit(_ at: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        }
        var lastWasCR = false
        while i + 1 < bytes.count {
            var cp = unit(i)
            i += 2
            if cp >= 0xD800 && cp <= 0xDBFF {
                if i + 1 < bytes.count {
                    let low = unit(i)
                    if low >= 0xDC00 && low <= 0xDFFF {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                        i += 2
                    } else {
                        cp = 0xFFFD
                        invalid += 1
                    }
                } else {
                    cp = 0xFFFD
                    invalid += 1
                }
            } else if cp >= 0xDC00 && cp <= 0xDFFF {
                cp = 0xFFFD
                invalid += 1
            }
            if cp == 0x0A && lastWasCR {
                lastWasCR = false
                continue
            }
            lastWasCR = cp == 0x0D
            append(cp == 0x0D ? 0x0A : cp, &out)
        }
        if i < bytes.count {
            append(0xFFFD, &out)
            invalid += 1
        }
        return out
    }
}
