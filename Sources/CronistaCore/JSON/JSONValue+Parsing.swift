extension JSONValue {
    /// The nesting depth past which a text is refused (arrays and objects), so that a hostile
    /// input cannot exhaust the stack.
    public static let defaultMaxDepth = 512

    /// Reads one JSON text (RFC 8259): exactly one value, optionally surrounded by whitespace
    /// (space, tab, LF, CR). A UTF-8 byte order mark before the value is skipped (RFC 8259 §8.1
    /// allows it); inside strings every character is kept.
    ///
    /// Refused, with the byte offset of the first offending byte: invalid UTF-8, trailing commas,
    /// leading zeros, control characters in strings, unknown escapes, lone UTF-16 surrogates
    /// (`\uD83D` not followed by a low surrogate, or a low one alone), duplicate object keys,
    /// nesting deeper than `maxDepth`, and anything after the value.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>
        if let r = bytes.withContiguousStorageIfAvailable({ buffer in Self.parseBuffer(buffer, maxDepth: maxDepth) }) {
            result = r
        } else {
            let copy = Array(bytes)
            result = copy.withUnsafeBufferPointer { Self.parseBuffer($0, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> Result<JSONValue, JSONParseError> {
        var reader = JSONByteReader(bytes: buffer, maxDepth: maxDepth)
        do throws(JSONParseError) {
            return .success(try reader.readDocument())
        } catch {
            return .failure(error)
        }
    }
}

/// The recursive-descent reader behind ``JSONValue/parse(_:maxDepth:)``, over the bytes in place.
struct JSONByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var i = 0
    var depth = 0
    /// Scratch for strings with escapes (reused, so an escaped string costs one allocation).
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func readDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
        guard i < bytes.count else { throw JSONParseError("empty input: expected a JSON value", at: i) }
        let value = try readValue()
        skipWhitespace()
        if i < bytes.count { throw JSONParseError("unexpected \(describeByte(at: i)) after the JSON value", at: i) }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 } else { return }
        }
    }

    mutating func readValue() throws(JSONParseError) -> JSONValue {
        guard i < bytes.count else { throw JSONParseError("unexpected end of input: expected a value", at: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw JSONParseError("unexpected \(describeByte(at: i)): expected a value", at: i)
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth { throw JSONParseError("nesting deeper than \(maxDepth) levels", at: i) }
    }

    mutating func readObject() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
                    throw JSONParseError("trailing comma before '}'", at: i)
                }
                throw JSONParseError("expected a string key, found \(describeByte(at: i))", at: i)
            }
            let keyOffset = i
            let key = try readString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw JSONParseError("expected ':' after key \"\(key)\", found \(describeByte(at: i))", at: i)
            }
            i += 1
            skipWhitespace()
            let value = try readValue()
            if members.updateValue(value, forKey: key) != nil {
                throw JSONParseError("duplicate key \"\(key)\"", at: keyOffset)
            }
            skipWhitespace()
            guard i < bytes.count else { throw JSONParseError("unexpected end of input: expected ',' or '}'", at: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
            throw JSONParseError("expected ',' or '}', found \(describeByte(at: i))", at: i)
        }
    }

    mutating func readArray() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { throw JSONParseError("trailing comma before ']'", at: i) }
            elements.append(try readValue())
            skipWhitespace()
            guard i < bytes.count else { throw JSONParseError("unexpected end of input: expected ',' or ']'", at: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(elements) }
            throw JSONParseError("expected ',' or ']', found \(describeByte(at: i))", at: i)
        }
    }

    mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = i
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        guard bytes.count - i >= n else { throw JSONParseError("invalid literal: expected '\(word)'", at: start) }
        for k in 0..<n where bytes[i + k] != w[k] {
            throw JSONParseError("invalid literal: expected '\(word)'", at: start)
        }
        i += n
    }

    mutating func readNumber() throws(JSONParseError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw JSONParseError("invalid number: expected a digit", at: i) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count && isDigit(bytes[i]) { throw JSONParseError("invalid number: leading zero", at: start) }
        } else {
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw JSONParseError("invalid number: expected a digit after '.'", at: i) }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw JSONParseError("invalid number: expected a digit in the exponent", at: i)
            }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Reads a string starting at its opening quote. Runs without escapes are copied in one step;
    /// the UTF-8 of the run is validated as it is copied.
    mutating func readString() throws(JSONParseError) -> String {
        i += 1  // opening quote
        let start = i
        // Fast path: no escape before the closing quote.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
                try validateUTF8(run, base: start)
                i += 1
                return String(decoding: run, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw JSONParseError("unescaped control character U+\(hex4(UInt32(b))) in a string", at: i) }
            i += 1
        }
        guard i < bytes.count else { throw JSONParseError("unterminated string", at: start - 1) }
        // Slow path: copy what was scanned, then resolve escapes into the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        let head = UnsafeBufferPointer(rebasing: bytes[start..<i])
        try validateUTF8(head, base: start)
        scratch.append(contentsOf: head)
        var runStart = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<i])
                try validateUTF8(run, base: runStart)
                scratch.append(contentsOf: run)
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b < 0x20 { throw JSONParseError("unescaped control character U+\(hex4(UInt32(b))) in a string", at: i) }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<i])
            try validateUTF8(run, base: runStart)
            scratch.append(contentsOf: run)
            try readEscape()
            runStart = i
        }
        throw JSONParseError("unterminated string", at: start - 1)
    }

    /// Reads one escape at `i` (the backslash) into ``scratch``.
    mutating func readEscape() throws(JSONParseError) {
        let at = i
        guard i + 1 < bytes.count else { throw JSONParseError("unterminated escape", at: at) }
        let c = bytes[i + 1]
        i += 2
        switch c {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHex4(escapeAt: at)
            var scalarValue = UInt32(unit)
            if unit >= 0xD800 && unit <= 0xDBFF {
                // A high surrogate must be followed by an escaped low one.
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw JSONParseError("lone surrogate \\u\(hex4(UInt32(unit))) (a high surrogate not followed by a low one)", at: at)
                }
                let lowAt = i
                i += 2
                let low = try readHex4(escapeAt: lowAt)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw JSONParseError(
                        "lone surrogate \\u\(hex4(UInt32(unit))) (followed by \\u\(hex4(UInt32(low))), not a low surrogate)", at: at)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                throw JSONParseError("lone surrogate \\u\(hex4(UInt32(unit))) (a low surrogate without a high one)", at: at)
            }
            let scalar = Unicode.Scalar(scalarValue)!  // surrogates excluded above
            for b in UTF8.encode(scalar)! { scratch.append(b) }
        default:
            throw JSONParseError("invalid escape '\\\(describeASCII(c))'", at: at)
        }
    }

    mutating func readHex4(escapeAt: Int) throws(JSONParseError) -> UInt16 {
        guard bytes.count - i >= 4 else { throw JSONParseError("incomplete \\u escape", at: escapeAt) }
        var v: UInt16 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw JSONParseError("invalid hex digit in \\u escape", at: i)
            }
            v = v << 4 | UInt16(d)
            i += 1
        }
        return v
    }

    /// Checks that `run` (at byte `base` of the input) is well-formed UTF-8; ASCII runs cost one
    /// comparison a byte.
    func validateUTF8(_ run: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONParseError) {
        if let bad = UTF8Validation.firstInvalidOffset(in: run) { throw JSONParseError("invalid UTF-8", at: base + bad) }
    }

    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        return "'\(describeASCII(bytes[offset]))'"
    }

    func describeASCII(_ b: UInt8) -> String {
        if b >= 0x20 && b < 0x7F { return String(UnicodeScalar(b)) }
        return "\\x" + String(b, radix: 16, uppercase: true)
    }

    func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
