import ArgumentParser
import CronistaStorage
import CronistaStoragePostgres
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
        case .sqlite(let path): try SQLiteDocumentStore(path: path)
        case .postgres(let url): try await PostgresDocumentStore(url: url)
        }
    }
}
