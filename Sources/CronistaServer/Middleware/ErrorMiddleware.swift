import HTTPTypes
import CronistaStorage
import Hummingbird
import Logging

/// Turns every error a route throws into an answer: JSON (``APIError``) for the API and for
/// programs, an HTML page on a web page. Unexpected errors are logged and answered 500 without
/// their details. Also answers, before any route runs, 414 for a request target longer than
/// `maxURILength`, and 405 with `Allow` for a known path asked with another method.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable
    let maxURILength: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let length = request.uri.description.utf8.count
            if length > maxURILength {
                throw APIError(.uriTooLong, .uriTooLong, "request target of \(length) bytes; the limit is \(maxURILength) bytes")
            }
            return try await next(request, context)
        } catch {
            let api = Self.apiError(error, request: request, routes: routes, logger: context.logger)
            if Self.wantsHTML(request) {
                var page = WebPage.errorPage(api)
                for field in api.headers { page.headers[field.name] = field.value }
                if api.closesConnection { page.headers[.connection] = "close" }
                return page
            }
            return try api.response(from: request, context: context)
        }
    }

    static func apiError(_ error: any Error, request: Request, routes: RouteTable, logger: Logger) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as HTTPError where e.status == .notFound:
            let allowed = routes.methods(for: request.uri.path)
            if !allowed.isEmpty && !allowed.contains(request.method.rawValue) {
                let allow = RouteTable.allow(allowed)
                return APIError(
                    .methodNotAllowed, .methodNotAllowed, "\(request.method) is not served on \(request.uri.path); use \(allow)",
                    headers: [.allow: allow])
            }
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

    /// Paths that are always answered in JSON (the API and the operational routes).
    static func isAPIPath(_ path: String) -> Bool {
        path.hasPrefix("/v1/") || path == "/v1" || path == "/healthz" || path == "/metrics" || path == "/openapi.yaml"
    }

    /// A web page: errors are HTML pages, like the page itself, unless the client asks for JSON
    /// and not HTML (`Accept: application/json`).
    static func wantsHTML(_ request: Request) -> Bool {
        if isAPIPath(request.uri.path) { return false }
        guard let accept = request.headers[.accept]?.lowercased() else { return true }
        return accept.contains("text/html") || !accept.contains("json")
    }
}

extension String {
    func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}
