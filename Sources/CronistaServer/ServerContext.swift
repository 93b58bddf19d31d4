public import Hummingbird

/// The request context of every route: Hummingbird's core storage (logger with the request id,
/// route parameters, matched route template). Sendable, so that a handler can run under a deadline.
public struct ServerContext: RequestContext, Sendable {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
