import CronistaResources
import CronistaTestSupport
import Foundation
import Testing

/// `cronista` is one file: copied alone into an empty directory it still analyses, because its
/// model, knowledge base and lexicons are inside it (`scripts/embed-resources`).
@Suite("One binary")
struct SingleBinaryTests {
    /// Runs `executable` with `arguments` in `directory`, with `environment` added, off the
    /// cooperative pool (`CLIRunner.offPool`).
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws
        -> CLIRunner.Result
    {
        try await CLIRunner.offPool { try runBlocking(executable, arguments, in: directory, environment: environment) }
    }

    static func runBlocking(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws
        -> CLIRunner.Result
    {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CRONISTA_RESOURCES")
        env.removeValue(forKey: "CRONISTA_NER_MODEL")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: out.file("stdout").path, contents: nil)
        _ = FileManager.default.createFile(atPath: out.file("stderr").path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out.file("stdout"))
        p.standardError = try FileHandle(forWritingTo: out.file("stderr"))
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return CLIRunner.Result(
            status: p.terminationStatus,
            stdout: try String(contentsOf: out.file("stdout"), encoding: .utf8),
            stderr: try String(contentsOf: out.file("stderr"), encoding: .utf8))
    }

    /// The built executable copied alone into a new, empty directory (no resource bundle beside it).
    static func lonelyCopy() throws -> (TemporaryDirectory, URL) {
        let dir = try TemporaryDirectory()
        let copy = dir.file("cronista")
        try FileManager.default.copyItem(at: CLIRunner.executable, to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["cronista"])
        return (dir, copy)
    }

    @Test("A copy alone in an empty directory analyses the seed: Lukashenko's quote, its cue and his KB id")
    func copiedBinaryAnalysesTheSeed() async throws {
        let (dir, copy) = try Self.lonelyCopy()
        let r = try await Self.run(copy, ["analyze", Fixtures.seedTextPath], in: dir.url)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let doc = try #require(r.jsonLines.first)
        #expect(doc["id"] as? String == "000_193cd34c33125298")
        let entities = try #require(doc["entities"] as? [[String: Any]])
        let quotes = try #require(doc["quotes"] as? [[String: Any]])
        // The gold quote of the seed (spec/analysis-format.md): content [776, 1050), cue "ha detto",
        // speaker Lukashenko, linked to Wikidata Q2866.
        let quote = try #require(quotes.first { $0["start"] as? Int == 776 })
        #expect(quote["end"] as? Int == 1050)
        #expect((quote["cue"] as? [String: Any])?["text"] as? String == "ha detto")
        let speaker = try #require((quote["speaker"] as? [String: Any])?["entity"] as? String)
        let entity = try #require(entities.first { $0["id"] as? String == speaker })
        #expect(entity["kb"] as? String == "Q2866")
        #expect((entity["name"] as? String)?.contains("Lukashenko") == true)
        #expect(quotes.count >= 8)
    }

    @Test("CRONISTA_RESOURCES replaces an embedded file: a broken model there is what the error names")
    func overrideIsUsed() async throws {
        let (dir, copy) = try Self.lonelyCopy()
        let resources = dir.file("res")
        let it = resources.appendingPathComponent("Languages/it")
        try FileManager.default.createDirectory(at: it, withIntermediateDirectories: true)
        try Data("not a model".utf8).write(to: it.appendingPathComponent("ner.crner"))
        let r = try await Self.run(
            copy, ["analyze", Fixtures.seedTextPath], in: dir.url, environment: ["CRONISTA_RESOURCES": resources.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("Languages/it/ner.crner"), "\(r.stderr)")
        #expect(r.stderr.contains("not a valid NER model"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        // A folder without the file: the embedded copy is used.
        let empty = dir.file("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let ok = try await Self.run(copy, ["analyze", Fixtures.seedTextPath], in: dir.url, environment: ["CRONISTA_RESOURCES": empty.path])
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(ok.jsonLines.count == 1)
    }

    @Test("A missing resource names every place looked in")
    func missingResourceNamesPlaces() throws {
        let error = #expect(throws: ResourceError.self) { try ResourceSet.nlp.bytes("Languages/xx/none.txt") }
        let message = error?.description ?? ""
        #expect(message.contains("Languages/xx/none.txt"))
        #expect(message.contains("CRONISTA_RESOURCES"))
        #expect(message.contains("embedded in this binary"))
    }

    #if !Postgres
        @Test("Built without the PostgreSQL backend: a postgres:// store says how to build with it")
        func postgresNeedsTheTrait() async throws {
            let r = try await CLIRunner.run(["search", "entities", "--name", "x", "--db", "postgres://u@localhost:5432/db"])
            #expect(r.status == 64, "stderr: \(r.stderr)")
            #expect(r.stderr.contains("built without the PostgreSQL backend"), "\(r.stderr)")
            #expect(r.stderr.contains("--traits Postgres"), "\(r.stderr)")
        }
    #endif
}

/// The embedded list cannot go stale: every file of the two Resources folders is embedded, byte
/// for byte, and nothing else is (run `scripts/embed-resources` after changing one).
@Suite("Embedded resources")
struct EmbeddedResourcesTests {
    static func files(under folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path
        let it = try #require(FileManager.default.enumerator(atPath: base))
        var out: [String] = []
        while let rel = it.nextObject() as? String {
            var isDir: ObjCBool = false
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir), !isDir.boolValue { out.append(rel) }
        }
        return out.sorted()
    }

    @Test("NLP and server resources: the same files, the same bytes", arguments: ["nlp", "server"])
    func matchesTheFolder(_ which: String) throws {
        let (set, folder) =
            which == "nlp"
            ? (ResourceSet.nlp, "Sources/CronistaNLP/Resources")
            : (ResourceSet.server, "Sources/CronistaServer/Resources")
        let root = Fixtures.repositoryRoot.appendingPathComponent(folder)
        let onDisk = try Self.files(under: root)
        #expect(!onDisk.isEmpty)
        #expect(set.paths == onDisk, "run scripts/embed-resources")
        for rel in onDisk {
            let disk = try Data(contentsOf: root.appendingPathComponent(rel))
            let embedded = try #require(set.embedded(rel), "\(rel) is not embedded")
            #expect(embedded.count == disk.count, "\(rel): size; run scripts/embed-resources")
            #expect(Data(embedded) == disk, "\(rel): bytes differ; run scripts/embed-resources")
        }
    }
}
