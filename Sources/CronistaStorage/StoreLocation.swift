import Foundation

/// Which backend a `--db` value names: a `postgres://` (or `postgresql://`) URL, or an SQLite file.
public enum StoreLocation: Hashable, Sendable {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// The default store: `cronista.sqlite` in the current directory.
    public static let defaultSQLitePath = "cronista.sqlite"

    /// How long an SQLite writer waits for another process's write transaction before it gives
    /// up with "database is locked" (seconds). Batches commit in well under a second, so a
    /// minute means "another writer is stuck", not "another writer is busy".
    public static let sqliteBusyTimeout: Double = 60

    public init(_ value: String?) throws {
        guard let value, !value.isEmpty else {
            self = .sqlite(path: Self.defaultSQLitePath)
            return
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(try PostgresURL(value))
        } else {
            self = .sqlite(path: value)
        }
    }
}

/// `postgres://user[:password]@host[:port]/database`, parsed without Foundation.
public struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    public init(_ url: String) throws {
        func bad(_ why: String) -> StoreError {
            StoreError(.invalidLocation, "\(why) in '\(url)'; expected postgres://user@host:port/database", backend: "postgres")
        }
        guard let schemeEnd = url.range(of: "://") else { throw bad("no scheme") }
        var rest = Substring(url[schemeEnd.upperBound...])
        if let q = rest.firstIndex(of: "?") { rest = rest[..<q] }
        guard let at = rest.lastIndex(of: "@") else { throw bad("no user") }
        let userInfo = rest[..<at]
        let hostPart = rest[rest.index(after: at)...]
        if let colon = userInfo.firstIndex(of: ":") {
            user = Self.percentDecoded(userInfo[..<colon])
            password = Self.percentDecoded(userInfo[userInfo.index(after: colon)...])
        } else {
            user = Self.percentDecoded(userInfo)
            password = nil
        }
        guard !user.isEmpty else { throw bad("empty user") }
        guard let slash = hostPart.firstIndex(of: "/") else { throw bad("no database") }
        database = Self.percentDecoded(hostPart[hostPart.index(after: slash)...])
        guard !database.isEmpty else { throw bad("empty database") }
        let hostPort = hostPart[..<slash]
        if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else { throw bad("bad port") }
            port = p
        } else {
            host = String(hostPort)
            port = 5432
        }
        if host.isEmpty { host = "localhost" }
    }

    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    static func percentDecoded(_ s: Substring) -> String {
        guard s.contains("%") else { return String(s) }
        var out: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                out.append(v)
                it = it.dropFirst(2)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
