import ArgumentParser
import CronistaStorage
#if Postgres
    import CronistaStoragePostgres
#endif
import CronistaStorageSQLite
import Foundation

/// `--db`: an SQLite file (default `cronista.sqlite`) or a `postgres://user@host:port/db` URL.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store: an SQLite file path, or postgres://user@host:port/database (default: cronista.sqlite).")
    var db: String?

    func location() throws -> StoreLocation {
        do { return try StoreLocation(db) } catch { throw ValidationError("\(error)") }
    }

    /// Opens the store, creating an SQLite file that does not exist yet (for commands that write).
    func open() async throws -> any DocumentStore { try await open(creating: true) }

    /// Opens a store that must exist already: the commands that only read (`search`, `show`,
    /// `serve`, `delete`) refuse a missing SQLite file, naming it, rather than create an empty
    /// store (and its `-wal` and `-shm` files) from a mistyped path.
    func openExisting() async throws -> any DocumentStore { try await open(creating: false) }

    func open(creating: Bool) async throws -> any DocumentStore {
        switch try location() {
        case .sqlite(let path):
            if !creating && !FileManager.default.fileExists(atPath: path) {
                throw CLIError(
                    "no store at '\(path)': the file does not exist (check --db; `cronista ingest --db \(path) FILE…` creates one)",
                    exitCode: 66)
            }
            return try SQLiteDocumentStore(path: path)
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
