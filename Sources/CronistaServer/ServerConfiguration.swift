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

    public static let defaultMaxBodyBytes = 16 * 1024 * 1024

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxBodyBytes: Int = Self.defaultMaxBodyBytes,
                requestTimeout: Duration = .seconds(60), idleTimeout: Duration = .seconds(75),
                defaultPageSize: Int = 50, maxPageSize: Int = 1000) {
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.defaultPageSize = defaultPageSize
        self.maxPageSize = maxPageSize
    }
}
