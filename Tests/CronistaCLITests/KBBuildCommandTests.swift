import CronistaTestSupport
import Foundation
import Testing

/// `cronista kb build --wikidata` and `kb add` through the binary: the KB they write is the one
/// `analyze --kb` / `--kb-extra` link with.
@Suite("kb build and kb add")
struct KBBuildCommandTests {
    static let dump = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/wikidata/dump.json").path

    @Test func builtKBIsUsedByAnalyze() async throws {
        let dir = try TemporaryDirectory()
        let kb = dir.file("kb.jsonl").path
        let build = try await CLIRunner.run(["kb", "build", "--wikidata", Self.dump, "-o", kb])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("dump.json:15: "), "the broken line by number: \(build.stderr)")
        #expect(build.stderr.contains("wrote 3 LOC, 3 ORG, 7 PER"), "\(build.stderr)")
        let text = "La sindaca Giulia Ferraresi ha incontrato a Vallombrosa il primo ministro Elena Ruggeri."
        let doc = dir.file("doc.txt").path
        try text.write(toFile: doc, atomically: true, encoding: .utf8)
        let out = try await CLIRunner.run(["analyze", "--kb", kb, "--no-events", doc])
        #expect(out.status == 0, "\(out.stderr)")
        let entities = out.jsonLines.first?["entities"] as? [[String: Any]] ?? []
        let links = Dictionary(entities.map { ($0["name"] as? String ?? "", $0["kb"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(links["Giulia Ferraresi"] == "Q900001")
        #expect(links["Vallombrosa"] == "Q900010")
        #expect(links["Elena Ruggeri"] == "Q900006")
    }

    @Test func addedEntityIsLinked() async throws {
        let dir = try TemporaryDirectory()
        let overlay = dir.file("mine.jsonl").path
        let add = try await CLIRunner.run([
            "kb", "add", "-f", overlay, "--type", "PER", "--name", "Ottavio Brambillasca", "--alias", "Brambillasca",
            "--role", "it=assessore allo sport di Lodi;country=Q38;from=2021-10"
        ])
        #expect(add.status == 0 && add.stdout.contains("added kb:user/ottavio-brambillasca"), "\(add.stderr)")
        let bad = try await CLIRunner.run(["kb", "add", "-f", overlay, "--type", "PER", "--name", "X", "--role", "from=2021"])
        #expect(bad.status == 64 && bad.stderr.contains("--role: give the role's label"), "\(bad.stderr)")
        let lookup = try await CLIRunner.run(["kb", "lookup", "--kb-extra", overlay, "Ottavio Brambillasca"])
        #expect(lookup.stdout.contains("kb:user/ottavio-brambillasca"), "\(lookup.stdout)")
        let doc = dir.file("doc.txt").path
        try "L'assessore Ottavio Brambillasca ha aperto il palazzetto.".write(toFile: doc, atomically: true, encoding: .utf8)
        let out = try await CLIRunner.run(["analyze", "--kb-extra", overlay, "--no-events", doc])
        let entities = out.jsonLines.first?["entities"] as? [[String: Any]] ?? []
        #expect(entities.contains { $0["kb"] as? String == "kb:user/ottavio-brambillasca" }, "\(out.stdout)")
    }
}
