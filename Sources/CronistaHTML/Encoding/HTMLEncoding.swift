/// The encodings the parser decodes, by WHATWG name. Other labels are recognised when sniffing
/// (`HTMLEncodingSniffer.canonicalName`) but decoded as windows-1252, the web's default.
public enum HTMLEncoding: String, Sendable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case iso885915 = "iso-8859-15"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// The decoder for a WHATWG encoding name (as `HTMLEncodingSniffer` returns).
    public init(decoding name: String) {
        self = HTMLEncoding(rawValue: name) ?? .windows1252
    }
}

/// Where the encoding came from.
public enum HTMLEncodingSource: String, Sendable {
    case byteOrderMark, transport, meta
    /// No declaration, but the bytes are valid UTF-8 with non-ASCII characters (the spec's optional
    /// autodetection step: windows-1252 would turn every such page into mojibake).
    case autodetected
    case defaultEncoding
}
