import HTTPTypes
import CronistaNLP
import CronistaStorage
import Hummingbird
import NIOCore

/// Liveness, metrics and the API description.
extension Router where Context == ServerContext {
    func addOperationRoutes(_ state: ServerState) {
        get("/healthz") { _, _ -> Response in
            // Alive and the store answers (a cheap query).
            do {
                _ = try await state.store.contains(id: "")
            } catch {
                throw APIError(.serviceUnavailable, .store, "the store does not answer: \(error)")
            }
            var w = JSONWriter(capacity: 64)
            w.beginObject()
            w.key("status"); w.string("ok")
            w.key("read_only"); w.bool(state.configuration.token == nil)
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes)
        }
        get("/metrics") { _, _ -> Response in
            APIRoutes.response(
                ByteBuffer(string: state.metrics.render() + state.admission.prometheus()), type: "text/plain; version=0.0.4; charset=utf-8")
        }
        get("/openapi.yaml") { _, _ -> Response in
            APIRoutes.response(ByteBuffer(string: ServerState.openAPIDocument), type: "application/yaml; charset=utf-8")
        }
    }
}
