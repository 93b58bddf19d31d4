import CronistaStorage
import HTTPTypes

/// A URL query string (`a=1&b=x+y`) decoded as browsers encode forms: `+` is a space and `%XX`
/// escapes are UTF-8 bytes. Empty values count as absent.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]
    /// Names given more than once (`limit=1&limit=2`), in order of their second appearance.
    private(set) var repeated: [String] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[key] == nil { values[key] = value } else if !repeated.contains(key) { repeated.append(key) }
        }
    }

    /// 400 when one of `names` is given more than once: which value was meant is not ours to guess.
    func rejectRepeated(_ names: [String]) throws {
        if let name = repeated.first(where: names.contains) {
            throw APIError(.badRequest, .invalidParameter, "\(name): given more than once; give it once")
        }
    }

    /// The value exactly as given (decoded, not trimmed), or nil when absent: for a parameter whose
    /// values are a closed list, where `replace=%0B` is no blank but a value outside it.
    func exact(_ key: String) -> String? { values[key] }

    /// The trimmed value, or nil when absent or blank.
    subscript(_ key: String) -> String? {
        guard let v = values[key] else { return nil }
        let t = v.trimmingPrefixAndSuffixSpaces()
        return t.isEmpty ? nil : t
    }

    /// `+` → space, `%XX` → byte; malformed escapes are kept as they are; invalid UTF-8 is repaired.
    static func decode(_ s: Substring) -> String { decodePercent(s, plusIsSpace: true) }

    static func decodePercent(_ s: some StringProtocol, plusIsSpace: Bool) -> String {
        guard s.contains("%") || (plusIsSpace && s.contains("+")) else { return String(s) }
        var out: [UInt8] = []
        let bytes = Array(s.utf8)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x41...0x46: b - 0x41 + 10
            case 0x61...0x66: b - 0x61 + 10
            default: nil
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else if plusIsSpace && b == UInt8(ascii: "+") {
                out.append(0x20)
                i += 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `%`-escapes for a path segment or a query value (RFC 3986 unreserved characters stay).
func percentEncoded(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"),
            UInt8(ascii: ":"):
            out.unicodeScalars.append(Unicode.Scalar(b))
        default:
            let digits = Array("0123456789ABCDEF".unicodeScalars)
            out += "%"
            out.unicodeScalars.append(digits[Int(b >> 4)])
            out.unicodeScalars.append(digits[Int(b & 0x0F)])
        }
    }
    return out
}
