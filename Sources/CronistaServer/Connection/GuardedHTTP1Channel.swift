// HummingbirdCore and NIOHTTP1 are products of packages this target already uses (hummingbird,
// swift-nio), built before it; Package.swift should list them in CronistaServer's dependencies
// (left to the merge: this branch does not touch Package.swift).
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1.1 channel with the connection guards added around its parser:
/// ``RawConnectionGuard`` first in the pipeline (header timeout, request-line length) and
/// ``HTTPConnectionGuard`` right after NIO's HTTP/1 decoder, where the request's HTTP version
/// is still known (`Connection: close` after error responses and HTTP/1.0 requests).
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let settings: ConnectionGuardSettings

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let settings = self.settings
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let state = ConnectionGuardState(settings)
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(HTTPConnectionGuard(state), position: .after(decoder))
            try pipeline.addHandler(RawConnectionGuard(state), position: .first)
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// An HTTP/1.1 server whose connections are guarded (see ``GuardedHTTP1Channel``).
    static func guardedHTTP1(configuration: HTTP1Channel.Configuration, settings: ConnectionGuardSettings) -> HTTPServerBuilder {
        .init { responder in
            GuardedHTTP1Channel(inner: HTTP1Channel(responder: responder, configuration: configuration), settings: settings)
        }
    }
}
