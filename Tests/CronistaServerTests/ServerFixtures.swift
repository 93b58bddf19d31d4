import CronistaCore
import CronistaNLP
import CronistaServer
import CronistaStorage
#if Postgres
    import CronistaStoragePostgres
#endif
import CronistaStorageSQLite
import CronistaTestSupport
import Foundation
import Hummingbird
import HTTPTypes
import Logging
import NIOCore

/// The real pieces the API tests run on: the standard engine (loaded once per process), a fresh
/// SQLite file per test holding the seed article ingested through the engine, and the router or
/// a live server on loopback built exactly as `cronista serve` builds them.
enum ServerFixtures {
    static let engine: Engine = {
        do { return try Engine() } catch { fatalError("engine: \(error)") }
    }()

    static let token = "test-token-ä1"
    static let seedID = "000_193cd34c33125298"
    static let seedText: String = (try? String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)) ?? ""

    static var logger: Logger {
        var l = Logger(label: "cronista.test")
        l.logLevel = .warning
        return l
    }

    static func temporarySQLitePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cronista-serve-\(UUID().uuidString).sqlite").path
    }

    /// `CRONISTA_POSTGRES_URL` (set by `scripts/with-postgres`), or nil.
    static let postgresURL: PostgresURL? = {
        guard let s = ProcessInfo.processInfo.environment["CRONISTA_POSTGRES_URL"], !s.isEmpty else { return nil }
        return try? PostgresURL(s)
    }()

    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case sqlite, postgres
        var description: String { rawValue }
    }

    /// A fresh, empty store of the backend; nil for PostgreSQL when no server is configured.
    static func emptyStore(_ backend: Backend) async throws -> (any DocumentStore)? {
        switch backend {
        case .sqlite:
            return try SQLiteDocumentStore(path: temporarySQLitePath())
        case .postgres:
            #if Postgres
                guard let url = postgresURL else {
                    print(
                        "⚠️  WARNING: CronistaServerTests on PostgreSQL SKIPPED: CRONISTA_POSTGRES_URL is not set (run `scripts/with-postgres swift test`)"
                    )
                    return nil
                }
                let schema = "s_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
                return try await PostgresDocumentStore(url: url, schema: schema, maximumConnections: 4)
            #else
                print(
                    "⚠️  WARNING: CronistaServerTests on PostgreSQL SKIPPED: built without the Postgres trait (swift build --build-tests --traits Postgres; scripts/test does)"
                )
                return nil
            #endif
        }
    }

    /// A store holding the seed article with the metadata of `cronista ingest` on a JSON Lines
    /// record (title, date, source), analysed by the real engine.
    static func seededStore(_ backend: Backend = .sqlite) async throws -> (any DocumentStore)? {
        guard let store = try await emptyStore(backend) else { return nil }
        let input = DocumentInput(
            id: seedID, text: seedText,
            metadata: DocumentMetadata(title: "Lukashenko: attacco alla Nato è una bugia", published: "2024-04-12", source: "ansa"),
            origin: "seed")
        let doc = try engine.analyze(input)
        _ = try await store.store([try StorableDocument(document: doc, analysisJSON: doc.analysisJSON())])
        return store
    }

    static func state(
        _ store: any DocumentStore, token: String? = token, maxBody: Int = ServerConfiguration.defaultMaxBodyBytes,
        timeout: Duration = .seconds(60)
    ) -> ServerState {
        ServerState(
            engine: engine, store: store,
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, token: token, maxBodyBytes: maxBody, requestTimeout: timeout))
    }

    /// A state whose configuration `configure` adjusts (limits, timeouts).
    static func state(_ store: any DocumentStore, configure: (inout ServerConfiguration) -> Void) -> ServerState {
        var c = ServerConfiguration(host: "127.0.0.1", port: 0, token: token)
        configure(&c)
        return ServerState(engine: engine, store: store, configuration: c)
    }

    static func application(_ state: ServerState) -> some ApplicationProtocol {
        buildApplication(state, logger: logger)
    }

    /// The seed as the API's JSON body (the id `cronista analyze` gives the .txt file).
    static var seedBody: ByteBuffer {
        ByteBuffer(bytes: jsonBody(["id": seedID, "text": seedText]))
    }

    static func jsonBody(_ object: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    static func json(_ body: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    static func string(_ body: ByteBuffer) -> String { String(buffer: body) }

    static var bearer: HTTPFields { [.authorization: "Bearer \(token)"] }
}
