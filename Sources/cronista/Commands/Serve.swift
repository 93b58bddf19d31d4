// `cronista serve` needs the HTTP server, built with the package trait `Server` (`--traits Server`).
#if Server
    import ArgumentParser
    import CronistaNLP
    import CronistaServer
    import CronistaStorage
    import Foundation
    import Logging

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the HTTP API and the web pages (search, entity and document pages).",
            discussion: """
                Routes: POST /v1/analyze, GET /v1/quotes, /v1/entities, /v1/entities/{id}, /v1/documents/{id}, \
                POST /v1/documents (needs the token), GET /healthz, /metrics, /openapi.yaml; pages at /, \
                /entities/{id}, /documents/{id}. Without --token (or CRONISTA_TOKEN) the server is read-only. \
                SIGTERM or Ctrl-C stops it gracefully: in-flight requests are finished first.
                """
        )

        @OptionGroup var store: StoreOptions

        @Flag(help: "Create the SQLite store when the --db file does not exist (otherwise a missing store is an error).")
        var create = false

        @Option(help: "Address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on (0: any free port; the chosen one is logged).")
        var port = 8080

        @Option(help: "Bearer token for POST /v1/documents (default: $CRONISTA_TOKEN; none: read-only).")
        var token: String?

        @Option(name: .customLong("max-body"), help: "Largest request body in bytes (larger: 413).")
        var maxBody = ServerConfiguration.defaultMaxBodyBytes

        @Option(name: .customLong("max-documents"), help: "Most documents in one analyze or documents request (more: 413).")
        var maxDocuments = ServerConfiguration.defaultMaxDocuments

        @Option(
            name: .customLong("max-in-flight-bytes"),
            help: "Most request-body bytes being read or analysed at once, over all requests (more: 429 with Retry-After).")
        var maxInFlightBytes = ServerConfiguration.defaultMaxBytesInFlight

        @Option(name: .customLong("request-timeout"), help: "Seconds before an unanswered request gets 503.")
        var requestTimeout = 60

        @Option(
            name: .customLong("header-timeout"), help: "Seconds a client has to send a request's head (slower: 408, connection closed).")
        var headerTimeout = 10

        @Option(name: .customLong("idle-timeout"), help: "Seconds before an idle keep-alive connection is closed.")
        var idleTimeout = 75

        @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
        var logLevel = "info"

        @Option(name: .customLong("log-format"), help: "json (one object per line) or text.")
        var logFormat = "json"

        @Option(help: "NER model file (default: the embedded Italian model).")
        var model: String?

        @Option(name: .customLong("kb-extra"), help: "A second knowledge-base file with your own entities.")
        var kbExtra: String?

        func validate() throws {
            if maxBody < 1 { throw ValidationError("--max-body must be at least 1") }
            if requestTimeout < 1 { throw ValidationError("--request-timeout must be at least 1 second") }
            if maxDocuments < 1 { throw ValidationError("--max-documents must be at least 1") }
            if maxInFlightBytes < 1 { throw ValidationError("--max-in-flight-bytes must be at least 1") }
            if headerTimeout < 1 { throw ValidationError("--header-timeout must be at least 1 second") }
            if idleTimeout < 1 { throw ValidationError("--idle-timeout must be at least 1 second") }
            if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
            if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level: '\(logLevel)' is not a level") }
            if !["json", "text"].contains(logFormat) { throw ValidationError("--log-format must be json or text") }
        }

        func run() async throws {
            let level = Logger.Level(rawValue: logLevel) ?? .info
            let json = logFormat == "json"
            LoggingSystem.bootstrap { label in
                var h: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
                h.logLevel = level
                return h
            }
            let logger = Logger(label: "cronista.serve")
            let engine = try Engine(options: .init(nerModelPath: model, kbExtraPath: kbExtra))
            let s = try await store.open(creating: create)
            let token = token ?? ProcessInfo.processInfo.environment["CRONISTA_TOKEN"]
            let location = try store.location()
            let config = ServerConfiguration(
                host: host, port: port, token: token, maxBodyBytes: maxBody, requestTimeout: .seconds(requestTimeout),
                idleTimeout: .seconds(idleTimeout), maxDocuments: maxDocuments, maxBytesInFlight: maxInFlightBytes,
                headerTimeout: .seconds(headerTimeout))
            logger.info(
                "starting",
                metadata: [
                    "store": "\(location)", "read_only": "\(config.token == nil)", "max_body": "\(maxBody)",
                    "max_documents": "\(maxDocuments)", "max_in_flight_bytes": "\(maxInFlightBytes)"
                ])
            do {
                let host = host
                try await runServer(ServerState(engine: engine, store: s, configuration: config), logger: logger) { port in
                    // The address to open, for a person at a terminal (the log has it for programs).
                    guard Serve.onTerminal else { return }
                    printError("Cronista is serving \(Serve.pageURL(host: host, port: port))")
                }
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
            logger.info("stopped")
        }

        /// Standard error or standard output is a terminal (or `CRONISTA_ASSUME_TTY=1`, for tests).
        static var onTerminal: Bool {
            isatty(2) == 1 || isatty(1) == 1 || ProcessInfo.processInfo.environment["CRONISTA_ASSUME_TTY"] == "1"
        }

        /// `http://127.0.0.1:8080/`; an IPv6 host in brackets, and a wildcard host as `127.0.0.1`
        /// (the server listens there too, and a browser cannot open `0.0.0.0`).
        static func pageURL(host: String, port: Int) -> String {
            var h = host
            if h == "0.0.0.0" || h.isEmpty { h = "127.0.0.1" } else if h == "::" { h = "[::1]" } else if h.contains(":") { h = "[\(h)]" }
            return "http://\(h):\(port)/"
        }
    }
#else
    import ArgumentParser

    /// `cronista serve` in a binary built without the HTTP server: says how to get one.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the HTTP API and the web pages (not in this build: see --help).",
            discussion:
                "This cronista was built without the HTTP server. Build it with `swift build -c release --traits Server` (or `scripts/install PREFIX`, which includes it)."
        )

        @Argument(parsing: .allUnrecognized) var ignored: [String] = []

        func run() throws {
            throw CLIError(
                "this cronista was built without the HTTP server; build it with `swift build -c release --traits Server` or install it with `scripts/install PREFIX`",
                exitCode: 69)
        }
    }
#endif
