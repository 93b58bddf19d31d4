import ArgumentParser
import CronistaStorage
#if Postgres
    import CronistaStoragePostgres
#endif
import CronistaStorageSQLite

/// `--db`: an SQLite file (default `cronista.sqlite`) or a `postgres://user@host:port/db` URL.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store: an SQLite file path, or postgres://user@host:port/database (default: cronista.sqlite).")
    var db: String?

    func location() throws -> StoreLocation {
        do { return try StoreLocation(db) } catch { throw ValidationError("\(error)") }
    }

    func open() async throws -> any DocumentStore {
        switch try location() {
        case .sqlite(let path): return try SQLiteDocumentStore(path: path)
        case .postgres(let url):
            #if Postgres
                return try await PostgresDocumentStore(url: url)
            #else
                throw ValidationError(Self.noPostgres(url))
            #endif
        }
    }

    /// The message of a `postgres://` store in a build without the backend.
    static func noPostgres(_ url: PostgresURL) -> String {
        "--db \(url): this cronista was built without the PostgreSQL backend (it is off by default); "
            + "build with it: swift build -c release --traits Postgres (or scripts/install --postgres PREFIX)"
    }
}
