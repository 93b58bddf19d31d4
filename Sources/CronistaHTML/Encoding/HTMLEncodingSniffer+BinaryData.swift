extension HTMLEncodingSniffer {
    /// Why the bytes are not a web page but binary data (an image, an archive, a PDF, or a large share
    /// of control bytes in the first 8 KB), or nil. A UTF-16 page (with its byte order mark) is text.
    public static func binaryData(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
        for (magic, kind) in magicNumbers where bytes.count >= magic.count && bytes[..<magic.count].elementsEqual(magic) {
            return kind
        }
        let sample = bytes.prefix(8192)
        if sample.isEmpty { return nil }
        var control = 0
        for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D && b != 0x1B { control += 1 }
        // Pages have next to none; a few stray bytes are not enough to refuse one.
        if control * 20 > sample.count {
            return "\(control * 100 / sample.count) % control bytes in the first \(sample.count) bytes"
        }
        return nil
    }

    static let magicNumbers: [([UInt8], String)] = [
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF file"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"), ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"), ([0x1F, 0x8B], "gzip data"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable")
    ]
}
