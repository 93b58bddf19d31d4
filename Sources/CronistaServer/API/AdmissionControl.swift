import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Bounds the memory and work that analysis requests (`POST /v1/analyze`, `/v1/documents`) may
/// hold, per request and over the whole server, and refuses what does not fit instead of
/// queueing it:
///
/// - a body over `--max-body` gets 413 `body-too-large` (before reading it when its length is announced);
/// - a body of more than `--max-documents` non-blank lines gets 413 `too-many-documents`, counted
///   on the raw bytes before any document is parsed (a million tiny documents never become a
///   million `DocumentInput`s);
/// - a request whose body bytes, or whose documents, would take the server past
///   `--max-in-flight-bytes` or `maxDocumentsInFlight` gets 429 `overloaded` with `Retry-After`.
///
/// Bytes are reserved as the body is read (all at once when `Content-Length` announces them) and
/// documents once they are counted; both are released when the analysis ends, even after the
/// client got a 503 timeout, since the analysis still runs until then.
public final class AdmissionControl: Sendable {
    public let maxBodyBytes: Int
    public let maxDocuments: Int
    public let maxBytesInFlight: Int
    public let maxDocumentsInFlight: Int
    /// Seconds a refused client is told to wait (`Retry-After`).
    public let retryAfterSeconds: Int

    struct State {
        var bytes = 0
        var documents = 0
        var refused = 0
    }
    private let state = Mutex(State())

    public init(maxBodyBytes: Int, maxDocuments: Int, maxBytesInFlight: Int, maxDocumentsInFlight: Int, retryAfterSeconds: Int = 1) {
        self.maxBodyBytes = maxBodyBytes
        self.maxDocuments = maxDocuments
        self.maxBytesInFlight = maxBytesInFlight
        self.maxDocumentsInFlight = maxDocumentsInFlight
        self.retryAfterSeconds = retryAfterSeconds
    }

    convenience init(_ c: ServerConfiguration) {
        self.init(
            maxBodyBytes: c.maxBodyBytes, maxDocuments: c.maxDocuments, maxBytesInFlight: c.maxBytesInFlight,
            maxDocumentsInFlight: c.maxDocumentsInFlight)
    }

    /// Body bytes and documents held by requests now, and requests refused with 429 so far.
    public var inFlight: (bytes: Int, documents: Int, refused: Int) {
        state.withLock { ($0.bytes, $0.documents, $0.refused) }
    }

    /// The gauges and the refusal counter in the Prometheus text format (part of `/metrics`).
    func prometheus() -> String {
        let (bytes, documents, refused) = inFlight
        return """
            # HELP cronista_analysis_bytes_in_flight Request-body bytes held by analyses now (limit: --max-in-flight-bytes).
            # TYPE cronista_analysis_bytes_in_flight gauge
            cronista_analysis_bytes_in_flight \(bytes)
            # HELP cronista_analysis_documents_in_flight Documents queued or being analysed now.
            # TYPE cronista_analysis_documents_in_flight gauge
            cronista_analysis_documents_in_flight \(documents)
            # HELP cronista_analysis_refused_total Analysis requests answered 429 because the server was busy.
            # TYPE cronista_analysis_refused_total counter
            cronista_analysis_refused_total \(refused)

            """
    }

    /// What one admitted request holds: its body and the number of documents counted in it.
    struct Admitted: Sendable {
        var body: ByteBuffer
        var documents: Int
    }

    /// Reads the body of `request` within the limits, counts its documents, and runs `operation`
    /// while holding their share of the server's budget.
    ///
    /// - Throws: ``APIError`` 413 (`body-too-large`, `too-many-documents`) or 429 (`overloaded`),
    ///   or what `operation` throws.
    func admit<T: Sendable>(_ request: Request, _ operation: (Admitted) async throws -> T) async throws -> T {
        let announced = request.headers[.contentLength].flatMap { Int($0) }
        if let announced, announced > maxBodyBytes {
            throw APIError(.contentTooLarge, .bodyTooLarge, "body of \(announced) bytes; the limit is \(maxBodyBytes) bytes (--max-body)")
        }
        var reservation = Reservation(owner: self)
        defer { reservation.release() }
        if let announced { try reservation.reserve(bytes: announced) }
        var body = ByteBuffer()
        if let announced { body.reserveCapacity(announced) }
        for try await chunk in request.body {
            guard body.readableBytes + chunk.readableBytes <= maxBodyBytes else {
                throw APIError(.contentTooLarge, .bodyTooLarge, "body larger than the limit of \(maxBodyBytes) bytes (--max-body)")
            }
            let beyond = body.readableBytes + chunk.readableBytes - reservation.bytes
            if beyond > 0 { try reservation.reserve(bytes: beyond) }
            var chunk = chunk
            body.writeBuffer(&chunk)
        }
        let documents = Self.countDocuments(body)
        if documents > maxDocuments {
            throw APIError(
                .contentTooLarge, .tooManyDocuments,
                "\(documents) documents (non-blank lines) in one request; the limit is \(maxDocuments) (--max-documents): send them in smaller batches"
            )
        }
        try reservation.reserve(documents: documents)
        return try await operation(Admitted(body: body, documents: documents))
    }

    /// The non-blank lines of `body` (each would be a document of a JSON Lines batch; a single
    /// JSON document is one line): a scan of the bytes that allocates nothing.
    static func countDocuments(_ body: ByteBuffer) -> Int {
        body.withUnsafeReadableBytes { bytes in
            var count = 0
            var blank = true
            for b in bytes {
                switch b {
                case 0x0A:
                    if !blank { count += 1 }
                    blank = true
                case 0x20, 0x09, 0x0D:
                    break
                default:
                    blank = false
                }
            }
            return blank ? count : count + 1
        }
    }

    /// The 429 of a request that does not fit now.
    func overloaded(_ what: String) -> APIError {
        state.withLock { $0.refused += 1 }
        return APIError(
            .tooManyRequests, .overloaded, "the server is busy (\(what)); retry after \(retryAfterSeconds) s",
            headers: [.retryAfter: "\(retryAfterSeconds)"])
    }

    /// What one request holds; released once, at the end of `admit`.
    struct Reservation: ~Copyable {
        let owner: AdmissionControl
        private(set) var bytes = 0
        private(set) var documents = 0

        init(owner: AdmissionControl) { self.owner = owner }

        mutating func reserve(bytes n: Int) throws {
            let max = owner.maxBytesInFlight
            let held = bytes
            let ok = owner.state.withLock { s in
                // A request alone may always take the whole budget, so one --max-body request fits
                // on an idle server even when the budget is smaller.
                guard s.bytes + n <= max || s.bytes == held else { return false }
                s.bytes += n
                return true
            }
            guard ok else { throw owner.overloaded("request bodies in flight would exceed \(max) bytes (--max-in-flight-bytes)") }
            bytes += n
        }

        mutating func reserve(documents n: Int) throws {
            let max = owner.maxDocumentsInFlight
            let ok = owner.state.withLock { s in
                guard s.documents + n <= max || s.documents == 0 else { return false }
                s.documents += n
                return true
            }
            guard ok else { throw owner.overloaded("documents in flight would exceed \(max)") }
            documents += n
        }

        mutating func release() {
            let (b, d) = (bytes, documents)
            owner.state.withLock { s in
                s.bytes -= b
                s.documents -= d
            }
            bytes = 0
            documents = 0
        }
    }
}
