/// How `cronista serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (tests, scripts).
    public var port: Int
    /// The bearer token that `POST /v1/documents` requires; `nil` makes the server read-only
    /// (that route then answers 403 `read-only`).
    public var token: String?
    /// The largest request body accepted, in bytes; larger bodies get 413.
    public var maxBodyBytes: Int
    /// A request that has not been answered after this long gets 503 `timeout`.
    public var requestTimeout: Duration
    /// A connection idle for this long is closed (slow or stuck clients).
    public var idleTimeout: Duration
    /// Quotes per page when a request names no `limit`, and the most it may name.
    public var defaultPageSize: Int
    public var maxPageSize: Int
    /// The most documents one `POST /v1/analyze` or `/v1/documents` may carry (more: 413
    /// `too-many-documents`, counted before any document is parsed).
    public var maxDocuments: Int
    /// The most request-body bytes that analyses may hold at once, over all requests (read,
    /// parsed or being analysed). A request that would go past it gets 429 with `Retry-After`
    /// instead of waiting in an unbounded queue: the server's memory is bounded by it.
    public var maxBytesInFlight: Int
    /// The most documents queued or being analysed at once, over all requests (more: 429).
    public var maxDocumentsInFlight: Int
    /// A client must send a request's whole head (request line and headers) within this long of
    /// connecting or of its first byte; otherwise it gets 408 and the connection is closed.
    public var headerTimeout: Duration
    /// The longest request target (path and query) accepted; longer: 414.
    public var maxURILength: Int

    public static let defaultMaxBodyBytes = 16 * 1024 * 1024
    public static let defaultMaxDocuments = 1000
    /// One `--max-body` request: analysing a body costs about 7.5 times its size at the peak
    /// (4 MB of 1,000 documents: +30 MB RSS), so 16 MB in flight keeps the server near 220 MB.
    public static let defaultMaxBytesInFlight = 16 * 1024 * 1024
    public static let defaultMaxDocumentsInFlight = 8000
    public static let defaultMaxURILength = 8192

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxBodyBytes: Int = Self.defaultMaxBodyBytes,
        requestTimeout: Duration = .seconds(60), idleTimeout: Duration = .seconds(75),
        defaultPageSize: Int = 50, maxPageSize: Int = 1000,
        maxDocuments: Int = Self.defaultMaxDocuments, maxBytesInFlight: Int = Self.defaultMaxBytesInFlight,
        maxDocumentsInFlight: Int = Self.defaultMaxDocumentsInFlight,
        headerTimeout: Duration = .seconds(10), maxURILength: Int = Self.defaultMaxURILength
    ) {
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.defaultPageSize = defaultPageSize
        self.maxPageSize = maxPageSize
        self.maxDocuments = maxDocuments
        self.maxBytesInFlight = maxBytesInFlight
        self.maxDocumentsInFlight = maxDocumentsInFlight
        self.headerTimeout = headerTimeout
        self.maxURILength = maxURILength
    }
}

extension Duration {
    /// Seconds as a `Double` (for messages and NIO's `TimeAmount`).
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var inNanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
