/// Rows of comma-separated values as RFC 4180 writes them: CRLF line ends, and a field that holds a
/// comma, a double quote, CR or LF between double quotes with its quotes doubled. Text is UTF-8 as it
/// is (accents and all), so LibreOffice and Python's `csv` read it back field for field.
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends one record.
    public mutating func row(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            field(f)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    mutating func field(_ f: String) {
        let needsQuotes = f.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            bytes.append(contentsOf: f.utf8)
            return
        }
        bytes.append(0x22)
        for b in f.utf8 {
            bytes.append(b)
            if b == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    /// Hands over the bytes written so far and starts empty (keeping the capacity).
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
