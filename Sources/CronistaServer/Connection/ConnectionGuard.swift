import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1

/// What the connection guards enforce (see ``GuardedHTTP1Channel``).
struct ConnectionGuardSettings: Sendable {
    /// A request's head must be complete this long after the connection opens or after the first
    /// byte of the request (keep-alive connections may idle longer between requests: that is the
    /// idle timeout). Past it: 408 and the connection is closed.
    var headerTimeout: TimeAmount
    /// The longest request line (method, target, version); longer: 414 before it is parsed.
    var maxRequestLineBytes: Int
    /// After a response that closes the connection, how long the client has to read it while
    /// whatever it still sends is discarded; then the connection is closed in full.
    var linger: TimeAmount
    var metrics: ServerMetrics
    var logger: Logger
}

/// The state the two guards of one connection share. Used on the channel's event loop only.
final class ConnectionGuardState {
    let settings: ConnectionGuardSettings
    /// The raw guard's context: the head of the pipeline, where refusals are written.
    var rawContext: ChannelHandlerContext?
    /// Between requests: the next bytes are a request head (the header timer runs).
    var awaitingHead = true
    /// Heads received whose responses have not ended.
    var pending = 0
    /// Bytes of the request line seen so far, and whether its end has been seen.
    var requestLineBytes = 0
    var requestLineDone = false
    /// The connection is closing: what the client still sends is discarded.
    var closing = false
    var timer: Scheduled<Void>?

    init(_ settings: ConnectionGuardSettings) { self.settings = settings }

    func armHeaderTimer() {
        guard timer == nil, !closing, let context = rawContext else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: settings.headerTimeout) { [self] in
            timer = nil
            headerTimeoutFired()
        }
    }

    func cancelHeaderTimer() {
        timer?.cancel()
        timer = nil
    }

    func headerTimeoutFired() {
        guard awaitingHead, !closing else { return }
        // A response still being worked on (pipelined request): the client is not the slow one.
        if pending > 0 { armHeaderTimer(); return }
        let seconds = Double(settings.headerTimeout.nanoseconds) / 1e9
        refuse(
            APIError(.requestTimeout, .headerTimeout, "the request head (request line and headers) did not arrive within \(seconds) s"),
            reason: "header-timeout")
    }

    /// Answers `error` straight on the socket (no request was parsed) and closes the connection.
    func refuse(_ error: APIError, reason: String) {
        guard let context = rawContext, !closing else { return }
        settings.metrics.connectionRefused(reason)
        settings.logger.info(
            "connection refused",
            metadata: [
                "reason": .string(reason), "status": .stringConvertible(Int(error.status.code)),
                "remote": .string(context.channel.remoteAddress.map { "\($0)" } ?? "?")
            ])
        cancelHeaderTimer()
        let body = error.json
        var out = context.channel.allocator.buffer(capacity: body.count + 160)
        out.writeString("HTTP/1.1 \(error.status.code) \(error.status.reasonPhrase)\r\n")
        out.writeString("Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n")
        out.writeBytes(body)
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(NIOAny(IOData.byteBuffer(out)), promise: written)
        closeAfter(written.futureResult, channel: context.channel)
    }

    /// Once `written` completes: shuts the output (the client reads the response, then end of
    /// stream), discards what the client still sends, and closes in full after the linger time.
    func closeAfter(_ written: EventLoopFuture<Void>, channel: any Channel) {
        closing = true
        cancelHeaderTimer()
        let linger = settings.linger
        written.whenComplete { _ in
            channel.close(mode: .output).whenFailure { _ in channel.close(promise: nil) }
            channel.eventLoop.scheduleTask(in: linger) { channel.close(promise: nil) }
        }
    }
}

/// First in the pipeline, on the raw bytes: starts the header timer when a request begins,
/// refuses an over-long request line with 414 before the HTTP parser buffers it, and discards
/// input once the connection is closing.
final class RawConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let state: ConnectionGuardState

    init(_ state: ConnectionGuardState) { self.state = state }

    func handlerAdded(context: ChannelHandlerContext) {
        state.rawContext = context
        if context.channel.isActive { state.armHeaderTimer() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        state.cancelHeaderTimer()
        state.rawContext = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        // The first request's head is due this long after the connection opens.
        state.armHeaderTimer()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.cancelHeaderTimer()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if state.closing { return }
        if state.awaitingHead {
            state.armHeaderTimer()
            if !state.requestLineDone {
                let view = unwrapInboundIn(data).readableBytesView
                if let lf = view.firstIndex(of: 0x0A) {
                    state.requestLineBytes += lf - view.startIndex
                    state.requestLineDone = true
                } else {
                    state.requestLineBytes += view.count
                }
                let limit = state.settings.maxRequestLineBytes
                if state.requestLineBytes > limit {
                    state.refuse(
                        APIError(
                            .uriTooLong, .uriTooLong,
                            "request line of more than \(limit) bytes; the request target may be at most \(limit - 32) bytes"),
                        reason: "uri-too-long")
                    return
                }
            }
        }
        context.fireChannelRead(data)
    }
}

/// Between NIO's HTTP/1 parser and Hummingbird, on request and response heads: stops the
/// header timer when a head is complete, and closes the connection after a response when the
/// request asked for it (HTTP/1.0 without `keep-alive`, `Connection: close`) or the response is
/// one of ``APIError/closingStatuses`` — with `Connection: close` in the response head.
final class HTTPConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let state: ConnectionGuardState
    /// For each request whose response has not started: its version and whether it keeps the connection.
    private var requests = CircularBuffer<(version: HTTPVersion, keepAlive: Bool)>()
    private var closeAfterResponse = false

    init(_ state: ConnectionGuardState) { self.state = state }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            state.awaitingHead = false
            state.cancelHeaderTimer()
            state.requestLineBytes = 0
            state.requestLineDone = false
            state.pending += 1
            requests.append((head.version, head.isKeepAlive))
        case .body:
            break
        case .end:
            // Whatever comes next is the head of another request.
            state.awaitingHead = true
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 200:
            let request = requests.popFirst() ?? (.http1_1, true)
            let close =
                !request.keepAlive || APIError.closingStatuses.contains(Int(head.status.code))
                || head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "close" }
            if close {
                head.headers.replaceOrAdd(name: "Connection", value: "close")
                closeAfterResponse = true
            } else if request.version == .http1_0 {
                head.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .head, .body:
            context.write(data, promise: promise)
        case .end:
            state.pending -= 1
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            closeAfterResponse = false
            let written = context.eventLoop.makePromise(of: Void.self)
            if let promise { written.futureResult.cascade(to: promise) }
            context.writeAndFlush(data, promise: written)
            state.closeAfter(written.futureResult, channel: context.channel)
        }
    }
}
