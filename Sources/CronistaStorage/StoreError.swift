/// A storage failure with what a user needs to act on it: the backend, what was being done, and
/// the underlying error's message.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let invalidLocation = Code("invalid-location")
        public static let connection = Code("connection")
        public static let migration = Code("migration")
        public static let invalidDocument = Code("invalid-document")
        public static let query = Code("query")
    }

    public var code: Code
    public var message: String
    /// `sqlite` or `postgres`.
    public var backend: String?
    /// The document the failure concerns, when there is one.
    public var documentID: String?

    public init(_ code: Code, _ message: String, backend: String? = nil, documentID: String? = nil) {
        self.code = code
        self.message = message
        self.backend = backend
        self.documentID = documentID
    }

    public var description: String {
        var s = backend.map { "\($0): " } ?? ""
        if let documentID { s += "document \(documentID): " }
        return s + message
    }
}
