import Foundation

/// The shared data sets (`../shared` beside the repository, or `CRONISTA_SHARED`), as
/// `CronistaTestSupport.Fixtures` finds them; repeated here so that these tests build without the NLP
/// module. A missing file fails the test that reads it.
enum SharedData {
    static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["CRONISTA_SHARED"], !env.isEmpty { return URL(fileURLWithPath: env) }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared")
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static var html5lib: String { path("data/html/html5lib-tests") }

    /// The files of a shared directory with an extension, sorted; an error when the directory is absent.
    static func files(_ relative: String, ext: String) throws -> [String] {
        let dir = path(relative)
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix("." + ext) }.sorted().map { dir + "/" + $0 }
    }
}
