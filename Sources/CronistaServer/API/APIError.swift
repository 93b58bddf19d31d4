public import HTTPTypes
import CronistaNLP
public import Hummingbird
import NIOCore

/// An error the API answers with: an HTTP status and a JSON body naming the problem,
/// `{"error": {"code": "malformed-json", "message": "…", "line": 3}}`.
///
/// ```swift
/// throw APIError(.badRequest, .missingField, "document has no \"text\" field", line: 2)
/// ```
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// What went wrong, for programs (open set of static members).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let malformedJSON = Code("malformed-json")
        public static let missingField = Code("missing-field")
        public static let invalidUTF8 = Code("invalid-utf8")
        public static let invalidParameter = Code("invalid-parameter")
        public static let invalidDate = Code("invalid-date")
        public static let emptyBody = Code("empty-body")
        public static let bodyTooLarge = Code("body-too-large")
        public static let unauthorized = Code("unauthorized")
        public static let readOnly = Code("read-only")
        public static let notFound = Code("not-found")
        public static let methodNotAllowed = Code("method-not-allowed")
        public static let unsupportedMediaType = Code("unsupported-media-type")
        public static let tooManyDocuments = Code("too-many-documents")
        public static let overloaded = Code("overloaded")
        public static let uriTooLong = Code("uri-too-long")
        public static let headerTimeout = Code("header-timeout")
        public static let timeout = Code("timeout")
        public static let analysis = Code("analysis-failed")
        public static let store = Code("store-failed")
        public static let `internal` = Code("internal")
    }

    /// One problem of a batch, by line.
    public struct LineProblem: Hashable, Sendable {
        public var line: Int
        public var code: Code
        public var message: String
    }

    public var status: HTTPResponse.Status
    public var code: Code
    public var message: String
    /// The line of a JSON Lines body the (first) problem is on.
    public var line: Int?
    /// Every bad line of a JSON Lines body.
    public var problems: [LineProblem]
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ code: Code, _ message: String, line: Int? = nil, problems: [LineProblem] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.line = line
        self.problems = problems
        self.headers = headers
    }

    public var description: String {
        "\(status.code) \(code): " + (line.map { "line \($0): " } ?? "") + message
    }

    /// The JSON body.
    public var json: [UInt8] {
        var w = JSONWriter(capacity: 128 + message.utf8.count)
        w.beginObject()
        w.key("error")
        w.beginObject()
        w.key("status"); w.int(Int(status.code))
        w.key("code"); w.string(code.name)
        w.key("message"); w.string(message)
        if let line { w.key("line"); w.int(line) }
        if !problems.isEmpty {
            w.key("problems")
            w.beginArray()
            for p in problems {
                w.beginObject()
                w.key("line"); w.int(p.line)
                w.key("code"); w.string(p.code.name)
                w.key("message"); w.string(p.message)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        w.endObject()
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// Statuses after which the connection is closed (`Connection: close`): the client sent too
    /// much, too slowly or too often, and the rest of what it sends is not worth reading.
    public static let closingStatuses: Set<Int> = [408, 413, 414, 429, 431]

    /// True when the answer closes the connection (see ``closingStatuses``).
    public var closesConnection: Bool { Self.closingStatuses.contains(status.code) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        if closesConnection { headers[.connection] = "close" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }
}
