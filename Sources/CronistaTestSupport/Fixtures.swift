import CronistaCore
public import Foundation

/// Paths to the shared data sets (`../shared` next to the repository) and to the repository itself.
public enum Fixtures {
    /// The repository root (found from this source file's path).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared` beside the repository (CI lays it there), or `CRONISTA_SHARED` when set.
    public static let shared: URL = {
        if let env = ProcessInfo.processInfo.environment["CRONISTA_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    public static func sharedPath(_ relative: String) -> String {
        shared.appendingPathComponent(relative).path
    }

    public static var seedTextPath: String { sharedPath("data/quotes/seed/000_193cd34c33125298.txt") }

    /// The contents of a shared file as a string.
    public static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: sharedPath(relative), encoding: .utf8)
    }

    /// The shared JSON Lines file as parsed objects.
    public static func jsonLines(_ relative: String) throws -> [[String: Any]] {
        // The project's reader: JSONSerialization drops U+FEFF inside strings.
        try read(relative).split(separator: "\n").compactMap {
            try JSONValue.parse(Array($0.utf8)).foundationObject as? [String: Any]
        }
    }
}
