/// The WHATWG encoding sniffing order and the `<meta>` prescan (HTML §13.2.3).
public enum HTMLEncodingSniffer {
    /// WHATWG labels → encoding names (the Encoding Standard's table for the encodings pages use).
    static let labels: [String: String] = {
        var m: [String: String] = [:]
        let groups: [(String, String)] = [
            ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
            (
                "windows-1252",
                "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 "
                    + "iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"
            ),
            ("iso-8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
            ("iso-8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
            ("iso-8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
            ("iso-8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"),
            (
                "iso-8859-7",
                "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 sun_eu_greek"
            ),
            ("iso-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
            ("windows-1250", "cp1250 windows-1250 x-cp1250"),
            ("windows-1251", "cp1251 windows-1251 x-cp1251"),
            ("windows-1253", "cp1253 windows-1253 x-cp1253"),
            (
                "windows-1254",
                "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"
            ),
            ("koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
            ("gbk", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"),
            ("gb18030", "gb18030"),
            ("big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
            ("euc-jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
            ("iso-2022-jp", "csiso2022jp iso-2022-jp"),
            ("shift_jis", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
            ("euc-kr", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949"),
            ("utf-16be", "unicodefffe utf-16be"),
            ("utf-16le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
            ("x-user-defined", "x-user-defined")
        ]
        for (name, list) in groups {
            for label in list.split(separator: " ") { m[String(label)] = name }
        }
        return m
    }()

    /// The WHATWG encoding name for a label (trimmed, case-insensitive), or nil.
    public static func canonicalName(_ label: String) -> String? {
        let trimmed = label.trimmingASCIIWhitespace().lowercased()
        return labels[trimmed]
    }

    /// The encoding of a page: BOM, then the transport label (HTTP `charset`), then the `<meta>`
    /// prescan of the first `prescanLength` bytes (1024, as browsers use), then UTF-8 when the bytes
    /// are valid UTF-8 beyond ASCII, then windows-1252.
    public static func sniff(_ bytes: [UInt8], transport: String? = nil, prescanLength: Int = 1024) -> (
        name: String, source: HTMLEncodingSource
    ) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return ("utf-8", .byteOrderMark) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("utf-16be", .byteOrderMark) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("utf-16le", .byteOrderMark) }
        if let t = transport, let name = canonicalName(t) { return (name, .transport) }
        if let name = prescan(bytes[0..<min(bytes.count, prescanLength)]) { return (name, .meta) }
        if HTMLDecoder.isNonASCIIUTF8(bytes) { return ("utf-8", .autodetected) }
        return ("windows-1252", .defaultEncoding)
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    static func startsWith(_ b: ArraySlice<UInt8>, _ at: Int, _ word: String, fold: Bool = true) -> Bool {
        var i = at
        for w in word.utf8 {
            if i >= b.endIndex { return false }
            if (fold ? lower(b[i]) : b[i]) != w { return false }
            i += 1
        }
        return true
    }

    /// The "prescan a byte stream to determine its encoding" algorithm.
    static func prescan(_ b: ArraySlice<UInt8>) -> String? {
        var pos = b.startIndex
        let end = b.endIndex
        while pos < end {
            if startsWith(b, pos, "<!--") {
                var p = pos + 2
                while p + 2 < end, !(b[p] == 0x2D && b[p + 1] == 0x2D && b[p + 2] == 0x3E) { p += 1 }
                if p + 2 >= end { return nil }
                pos = p + 3
                continue
            }
            if startsWith(b, pos, "<meta"), pos + 5 < end, isSpace(b[pos + 5]) || b[pos + 5] == 0x2F {
                pos += 5
                var names = Set<[UInt8]>()
                var gotPragma = false
                var needPragma: Bool? = nil
                var charset: String? = nil
                while let (name, value) = attribute(b, &pos) {
                    if names.contains(name) { continue }
                    names.insert(name)
                    let n = String(decoding: name, as: UTF8.self)
                    if n == "http-equiv" {
                        if String(decoding: value, as: UTF8.self) == "content-type" { gotPragma = true }
                    } else if n == "content" {
                        if charset == nil, let label = extractCharset(value), let name = canonicalName(label) {
                            charset = name
                            needPragma = true
                        }
                    } else if n == "charset" {
                        if charset == nil {
                            charset = canonicalName(String(decoding: value, as: UTF8.self))
                            needPragma = false
                        }
                    }
                }
                if let need = needPragma, !(need && !gotPragma), var c = charset {
                    if c == "utf-16be" || c == "utf-16le" { c = "utf-8" }
                    if c == "x-user-defined" { c = "windows-1252" }
                    return c
                }
                pos += 1
                continue
            }
            if pos + 1 < end, b[pos] == 0x3C,
                (lower(b[pos + 1]) >= 0x61 && lower(b[pos + 1]) <= 0x7A)
                    || (b[pos + 1] == 0x2F && pos + 2 < end && lower(b[pos + 2]) >= 0x61 && lower(b[pos + 2]) <= 0x7A)
            {
                while pos < end, !isSpace(b[pos]), b[pos] != 0x3E { pos += 1 }
                while attribute(b, &pos) != nil {}
                pos += 1
                continue
            }
            if startsWith(b, pos, "<!") || startsWith(b, pos, "</") || startsWith(b, pos, "<?") {
                while pos < end, b[pos] != 0x3E { pos += 1 }
                pos += 1
                continue
            }
            pos += 1
        }
        return nil
    }

    /// "Get an attribute": name and value lowercased, or nil at `>` or the end.
    static func attribute(_ b: ArraySlice<UInt8>, _ pos: inout Int) -> ([UInt8], [UInt8])? {
        let end = b.endIndex
        while pos < end, isSpace(b[pos]) || b[pos] == 0x2F { pos += 1 }
        if pos >= end || b[pos] == 0x3E { return nil }
        var name: [UInt8] = []
        var value: [UInt8] = []
        while true {
            if pos >= end { return nil }
            let c = b[pos]
            if c == 0x3D && !name.isEmpty {
                pos += 1
                break
            }
            if isSpace(c) {
                while pos < end, isSpace(b[pos]) { pos += 1 }
                if pos >= end { return nil }
                if b[pos] != 0x3D { return (name, value) }
                pos += 1
                break
            }
            if c == 0x2F || c == 0x3E { return (name, value) }
            name.append(lower(c))
            pos += 1
        }
        while pos < end, isSpace(b[pos]) { pos += 1 }
        if pos >= end { return nil }
        let c = b[pos]
        if c == 0x22 || c == 0x27 {
            pos += 1
            while pos < end {
                if b[pos] == c {
                    pos += 1
                    return (name, value)
                }
                value.append(lower(b[pos]))
                pos += 1
            }
            return nil
        }
        if c == 0x3E { return (name, value) }
        while pos < end {
            let d = b[pos]
            if isSpace(d) || d == 0x3E { return (name, value) }
            value.append(lower(d))
            pos += 1
        }
        return nil
    }

    /// "Extracting a character encoding from a meta element" (`content="text/html; charset=…"`).
    static func extractCharset(_ v: [UInt8]) -> String? {
        let s = ArraySlice(v)
        var pos = 0
        while pos < v.count {
            guard let found = (pos..<v.count).first(where: { startsWith(s, $0, "charset") }) else { return nil }
            var p = found + 7
            while p < v.count, isSpace(v[p]) { p += 1 }
            if p >= v.count || v[p] != 0x3D {
                pos = found + 7
                continue
            }
            p += 1
            while p < v.count, isSpace(v[p]) { p += 1 }
            if p >= v.count { return nil }
            if v[p] == 0x22 || v[p] == 0x27 {
                let q = v[p]
                guard let close = v[(p + 1)...].firstIndex(of: q) else { return nil }
                return String(decoding: v[(p + 1)..<close], as: UTF8.self)
            }
            var e = p
            while e < v.count, !isSpace(v[e]), v[e] != 0x3B { e += 1 }
            return String(decoding: v[p..<e], as: UTF8.self)
        }
        return nil
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\u{0C}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\u{0C}" { s.removeLast() }
        return String(s)
    }
}
