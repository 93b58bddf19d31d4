/// URLs, e-mail addresses and bare domain names, recognised on UTF-8 bytes.
enum WebPatterns {
    /// Top-level domains accepted for bare domains (`corriere.it`, `bbc.co.uk`); scheme and `www.`
    /// URLs need none.
    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev", "news", "tv", "me",
        "it", "eu", "uk", "de", "fr", "es", "pt", "nl", "be", "ch", "at", "ru", "ua", "by", "pl", "ro", "gr", "se", "no",
        "dk", "fi", "ie", "us", "ca", "au", "jp", "cn", "in", "br", "ar", "mx", "va", "sm"
    ]

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard end - i >= n else { return false }
        let pp = p.utf8Start
        for k in 0..<n where lower(b[i + k]) != pp[k] { return false }
        return true
    }

    /// Whether a URL starts at `i`: a scheme (`http://`, `https://`, `ftp://`) or `www.`.
    static func urlStarts(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard b[i] | 0x20 == 0x68 || b[i] | 0x20 == 0x77 || b[i] | 0x20 == 0x66 else { return false }
        return
            (hasPrefix(b, i, end, "http://") || hasPrefix(b, i, end, "https://") || hasPrefix(b, i, end, "ftp://")
            || hasPrefix(b, i, end, "www.")) && end - i > 7
    }

    /// The end of a URL that starts at `i` and runs at most to `end`: trailing punctuation that
    /// usually closes the sentence (`.,;:!?'"`, closing quotes) is left out, and `)` unless the URL
    /// opened one.
    static func urlEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var e = end
        var opened = 0, closed = 0
        for k in i..<end { if b[k] == 0x28 { opened += 1 } else if b[k] == 0x29 { closed += 1 } }
        while e > i {
            let (s, start) = UTF8Decoding.decodeLast(b, before: e)
            switch s {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0xBB, 0x201D, 0x2019, 0x2026, 0x5D, 0x7D:
                e = start
            case 0x29 where closed > opened:
                closed -= 1
                e = start
            default:
                return e
            }
        }
        return e
    }

    @inline(__always)
    static func isLocalChar(_ c: UInt8) -> Bool {
        (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }

    @inline(__always)
    static func isLabelChar(_ c: UInt8) -> Bool {
        (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D
    }

    /// Whether `b[start..<end]` is exactly an e-mail address (ASCII).
    static func isEmail(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var at = -1
        for k in start..<end where b[k] == 0x40 { if at >= 0 { return false }; at = k }
        guard at > start, at < end - 3 else { return false }
        for k in start..<at where !isLocalChar(b[k]) { return false }
        return isDomain(b, at + 1, end, requireKnownTLD: false)
    }

    /// Whether `b[start..<end]` is a host name: labels separated by single dots, a final label of
    /// letters (one of ``topLevelDomains`` when `requireKnownTLD`).
    static func isDomain(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, requireKnownTLD: Bool) -> Bool {
        var dots = 0
        var labelStart = start
        for k in start..<end {
            let c = b[k]
            if c == 0x2E {
                if k == labelStart { return false }
                dots += 1
                labelStart = k + 1
            } else if !isLabelChar(c) {
                return false
            }
        }
        guard dots >= 1, end - labelStart >= 2 else { return false }
        var tld = ""
        for k in labelStart..<end {
            let c = lower(b[k])
            guard c >= 0x61 && c <= 0x7A else { return false }
            tld.unicodeScalars.append(Unicode.Scalar(c))
        }
        return !requireKnownTLD || topLevelDomains.contains(tld)
    }

    /// Whether `b[start..<end]` is a bare web address: a domain with a known TLD, then optionally `/path`.
    static func isBareURL(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var hostEnd = end
        for k in start..<end where b[k] == 0x2F { hostEnd = k; break }
        guard hostEnd - start >= 4 else { return false }
        // Lower-case letters in the first label: `Roma.Il` is a missing space, not a domain.
        for k in start..<hostEnd where b[k] >= 0x41 && b[k] <= 0x5A { return false }
        return isDomain(b, start, hostEnd, requireKnownTLD: true)
    }
}
