public import CronistaNLP
import CronistaResources
public import CronistaStorage
import Foundation

/// What every route shares, loaded once at start and read-only afterwards: the engine (model,
/// KB, lexicons), the store, the configuration and the metrics.
public struct ServerState: Sendable {
    public let engine: Engine
    public let store: any DocumentStore
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    /// The per-request and server-wide limits of analysis requests (413, 429).
    public let admission: AdmissionControl
    let analyser: Analyser

    public init(engine: Engine, store: any DocumentStore, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics()) {
        self.engine = engine
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        admission = AdmissionControl(configuration)
        analyser = Analyser(engine: engine, metrics: metrics)
    }

    /// The OpenAPI document served at `/openapi.yaml` (a resource of this module).
    public static let openAPIDocument: String = {
        guard let text = try? ResourceSet.server.text("openapi.yaml") else {
            return "openapi: 3.0.3\ninfo: {title: Cronista, version: unknown}\npaths: {}\n"
        }
        return text
    }()
}
