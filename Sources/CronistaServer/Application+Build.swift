import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
import UnixSignals

/// The router of `cronista serve`: middlewares first (they wrap the routes added after them),
/// then the API, the operational routes and the web pages.
public func buildRouter(_ state: ServerState) -> Router<ServerContext> {
    let router = Router(context: ServerContext.self, options: .autoGenerateHeadEndpoints)
    let routes = RouteTable()
    router.add(middleware: ObservationMiddleware(metrics: state.metrics))
    router.add(middleware: ErrorMiddleware(routes: routes, maxURILength: state.configuration.maxURILength))
    router.addAPIRoutes(state)
    router.addExportRoutes(state)
    router.addSourceRoutes(state)
    router.addOperationRoutes(state)
    router.addWebRoutes(state)
    routes.set(router.routes.map { ($0.method.rawValue, $0.path.description) })
    return router
}

/// The whole server: the router on an HTTP/1.1 listener with the configured address, idle and
/// header timeouts, and connection guards (``GuardedHTTP1Channel``). Run it with `runService()` (SIGTERM and SIGINT shut it down gracefully: it stops
/// accepting, finishes the requests in flight, then returns).
///
/// - Parameter onServerRunning: called with the listening channel (tests read the port from it).
public func buildApplication(
    _ state: ServerState, logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let c = state.configuration
    let guards = ConnectionGuardSettings(
        headerTimeout: .nanoseconds(c.headerTimeout.inNanoseconds), maxRequestLineBytes: c.maxURILength + 32,
        linger: .seconds(2), metrics: state.metrics, logger: logger)
    return Application(
        router: buildRouter(state),
        server: .guardedHTTP1(configuration: .init(idleTimeout: .nanoseconds(c.idleTimeout.inNanoseconds)), settings: guards),
        configuration: ApplicationConfiguration(address: .hostname(c.host, port: c.port), serverName: "cronista"),
        onServerRunning: { channel in
            logger.info(
                "listening",
                metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")", "port": "\(channel.localAddress?.port ?? 0)"])
            await onServerRunning(channel)
        },
        logger: logger
    )
}

/// Serves until SIGTERM or SIGINT, then shuts down gracefully: stops accepting connections,
/// finishes the requests in flight, and returns.
///
/// - Parameter onListening: called with the port once the server accepts connections
///   (`cronista serve` prints the address to open).
public func runServer(
    _ state: ServerState, logger: Logger, onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) async throws {
    try await buildApplication(state, logger: logger, onServerRunning: { await onListening($0.localAddress?.port ?? 0) }).runService(
        gracefulShutdownSignals: [.sigterm, .sigint])
}
