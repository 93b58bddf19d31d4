/// A public error with a code and the context a user needs to find the problem:
/// the file, the line, the byte offset.
///
/// ```swift
/// throw CronistaError(.invalidUTF8, "invalid UTF-8", file: "a.txt", byteOffset: 17)
/// ```
public struct CronistaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure (open set of static members).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let invalidUTF8 = Code("invalid-utf8")
        public static let binaryInput = Code("binary-input")
        public static let malformedJSON = Code("malformed-json")
        public static let missingField = Code("missing-field")
        public static let unreadableFile = Code("unreadable-file")
        public static let invalidInput = Code("invalid-input")
        public static let model = Code("model")
        /// A `published` value that is not an ISO 8601 date or date-time.
        public static let invalidDate = Code("invalid-date")
    }

    public var code: Code
    public var message: String
    public var file: String?
    public var line: Int?
    public var byteOffset: Int?
    /// The id of the document the error is about, when the input got far enough to name one.
    public var documentID: String?

    public init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, byteOffset: Int? = nil, documentID: String? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.documentID = documentID
    }

    /// `file:line: message (byte N)`, the form compilers use, so editors can jump to it.
    public var description: String {
        var place = ""
        if let file { place = file }
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        var s = place.isEmpty ? message : "\(place): \(message)"
        if let byteOffset { s += " (at byte \(byteOffset))" }
        return s
    }
}
