import HTTPTypes
import CronistaStorage
import Hummingbird
import Logging

/// Turns every error a route throws into an answer: JSON (``APIError``) for the API and for
/// programs, an HTML page for a browser on a web page. Unexpected errors are logged and answered
/// 500 without their details.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let api = Self.apiError(error, request: request, logger: context.logger)
            if Self.wantsHTML(request) {
                return WebPage.errorPage(api)
            }
            return try api.response(from: request, context: context)
        }
    }

    static func apiError(_ error: any Error, request: Request, logger: Logger) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as HTTPError where e.status == .notFound:
            return APIError(.notFound, .notFound, "no route for \(request.method) \(request.uri.path)")
        case let e as any HTTPResponseError:
            return APIError(e.status, APIError.Code(e.status.reasonPhrase.lowercased().replacingSpaces()), "\(e)")
        case let e as StoreError:
            logger.error("store failed", metadata: ["error": "\(e)"])
            return APIError(.internalServerError, .store, "the store failed: \(e.message)")
        case is CancellationError:
            return APIError(.serviceUnavailable, .timeout, "the request was cancelled")
        default:
            logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return APIError(.internalServerError, .internal, "internal error")
        }
    }

    /// A web page asked for by a browser: not an API path, and HTML accepted.
    static func wantsHTML(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/v1/") || path == "/healthz" || path == "/metrics" || path == "/openapi.yaml" { return false }
        return request.headers[.accept]?.contains("text/html") ?? false
    }
}

extension String {
    func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}
