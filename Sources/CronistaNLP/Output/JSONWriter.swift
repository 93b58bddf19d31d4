/// A small, allocation-light JSON writer that appends UTF-8 to a byte buffer.
///
/// Faster than `JSONEncoder` for the analysis output and gives a stable key order, so that the
/// CLI, the HTTP API and the store print byte-identical JSON for the same document.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]
    @usableFromInline var needsComma: [Bool] = [false]

    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable mutating func comma() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() { comma(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { comma(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes `"key":` and leaves the next value to follow without a comma.
    public mutating func key(_ k: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    public mutating func key(_ k: String) {
        comma()
        appendEscaped(k)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ s: some StringProtocol) { comma(); appendEscaped(s) }

    public mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    public mutating func null() { comma(); bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    public mutating func bool(_ b: Bool) {
        comma()
        bytes.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
    }

    public mutating func int(_ v: Int) {
        comma()
        if v == 0 { bytes.append(UInt8(ascii: "0")); return }
        var x = v
        if x < 0 { bytes.append(UInt8(ascii: "-")); x = -x }
        var tmp:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { buf in
            while x > 0 { buf[n] = UInt8(48 + x % 10); x /= 10; n += 1 }
            while n > 0 { n -= 1; bytes.append(buf[n]) }
        }
    }

    public mutating func double(_ v: Double, decimals: Int = 4) {
        comma()
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        let r = (v * p).rounded() / p
        bytes.append(contentsOf: Array("\(r)".utf8))
    }

    /// Writes a raw, already-valid JSON fragment as one value.
    public mutating func raw(_ json: [UInt8]) { comma(); bytes.append(contentsOf: json) }

    @usableFromInline static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string. Runs of bytes that need no escape (nearly all of a text) are
    /// copied in one go from the string's own UTF-8 storage.
    @inlinable
    mutating func appendEscaped(_ s: some StringProtocol) {
        bytes.append(UInt8(ascii: "\""))
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { appendEscaped(utf8: $0) }
        if copied == nil {
            for b in s.utf8 { appendEscaped(byte: b) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    @inlinable
    mutating func appendEscaped(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        var run = 0
        for i in 0..<buffer.count {
            let b = buffer[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
            if i > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<i])) }
            appendEscaped(byte: b)
            run = i + 1
        }
        if buffer.count > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run...])) }
    }

    @inlinable
    mutating func appendEscaped(byte b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
        case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
        case 0..<0x20:
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30])
            bytes.append(Self.hex[Int(b >> 4)])
            bytes.append(Self.hex[Int(b & 0xF)])
        default: bytes.append(b)
        }
    }
}
