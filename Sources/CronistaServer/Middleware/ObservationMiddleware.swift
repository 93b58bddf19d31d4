import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: counts and times every request for `/metrics`, writes one
/// structured log line per request (the logger already carries `hb.request.id`), and returns
/// the request id to the client as `X-Request-Id`.
struct ObservationMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        metrics.begin()
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // The error middleware answers every error; this is a last resort.
            response = Response(status: (error as? any HTTPResponseError)?.status ?? .internalServerError)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "NotFound"
        metrics.record(method: request.method.rawValue, route: route, status: Int(response.status.code), seconds: seconds)
        response.headers[.requestID] = context.id
        let level: Logger.Level = response.status.code >= 500 ? .error : .info
        context.logger.log(
            level: level, "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
                "http.route": .string(route),
                "http.status": .stringConvertible(Int(response.status.code)),
                "duration_ms": .string(String(format3(seconds * 1000)))
            ])
        return response
    }

    func format3(_ v: Double) -> String {
        let n = Int((v * 1000).rounded())
        let frac = n % 1000
        return "\(n / 1000)." + String(repeating: "0", count: frac < 10 ? 2 : frac < 100 ? 1 : 0) + "\(frac)"
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`, the response header with the request's id. A stored constant here: the
    /// generic middleware cannot have one.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
