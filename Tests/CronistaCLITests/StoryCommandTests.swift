import CronistaTestSupport
import Foundation
import Testing

/// The same article from two outlets: the seed ingested twice under different ids, with its last
/// paragraph rewritten in the second copy, is one story, and each of its quotes one statement
/// carried by both documents.
@Suite("cronista search story / search quotes --clusters")
struct StoryCommandTests {
    static func twoCopies(in dir: TemporaryDirectory) throws -> String {
        let seed = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        var paragraphs = seed.components(separatedBy: "\n\n")
        #expect(paragraphs.count >= 3, "the seed has paragraphs")
        paragraphs[paragraphs.count - 1] =
            "Nel frattempo a Bruxelles i ministri degli Esteri hanno discusso nuove sanzioni, senza trovare un accordo sui tempi."
        let lines: [[String: Any]] = [
            ["id": "ansa-seed", "text": seed, "published": "2024-04-12", "source": "ansa"],
            ["id": "agi-seed", "text": paragraphs.joined(separator: "\n\n"), "published": "2024-04-13", "source": "agi"],
            // Another article on the same people: its own story.
            [
                "id": "belta-other",
                "text":
                    "Minsk, 3 maggio. Il presidente Aleksander Lukashenko ha dichiarato: «La Bielorussia non cederà alle pressioni». Lo riferisce l’agenzia Belta.",
                "published": "2024-05-03", "source": "belta"
            ]
        ]
        let file = dir.file("copies.jsonl")
        let body = try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n")
        try (body + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("Seed twice with a paragraph changed: one story; its quotes carried by 2 documents")
    func seedTwice() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("archive.sqlite").path
        let ingest = try await CLIRunner.run(["ingest", try Self.twoCopies(in: dir), "--db", db])
        #expect(ingest.status == 0, "stderr: \(ingest.stderr)")

        let story = try await CLIRunner.run(["search", "story", "--document", "agi-seed", "--db", db, "--format", "jsonl"])
        #expect(story.status == 0, "stderr: \(story.stderr)")
        #expect(story.jsonLines.map { $0["id"] as? String } == ["ansa-seed", "agi-seed"], "earliest first: \(story.stdout)")
        #expect(story.jsonLines.allSatisfy { $0["story_size"] as? Int == 2 })
        let other = try await CLIRunner.run(["search", "story", "--document", "belta-other", "--db", db, "--format", "jsonl"])
        #expect(other.jsonLines.map { $0["id"] as? String } == ["belta-other"])
        #expect(other.jsonLines.first?["story"] as? String != story.jsonLines.first?["story"] as? String)
        let missing = try await CLIRunner.run(["search", "story", "--document", "nope", "--db", db])
        #expect(missing.status != 0 && missing.stderr.contains("nope"))

        // Lukashenko's quotes: without clusters each copy's quote is a hit of its own.
        let plain = try await CLIRunner.run(["search", "quotes", "--speaker", "Lukashenko", "--db", db, "--format", "jsonl"])
        let clustered = try await CLIRunner.run([
            "search", "quotes", "--speaker", "Lukashenko", "--clusters", "--db", db, "--format", "jsonl"
        ])
        #expect(clustered.status == 0, "stderr: \(clustered.stderr)")
        let statements = clustered.jsonLines
        #expect(statements.count >= 2, "\(clustered.stdout)")
        #expect(plain.jsonLines.count == 2 * statements.count, "\(plain.stdout)")
        for s in statements {
            #expect(s["document"] as? String == "ansa-seed", "first appearance: the earliest published")
            #expect(s["carried_by"] as? Int == 2, "\(s)")
            let variants = try #require(s["variants"] as? [[String: Any]])
            #expect(variants.map { $0["document"] as? String } == ["ansa-seed", "agi-seed"], "first appearance first")
            #expect(variants[0]["text"] as? String == variants[1]["text"] as? String)
        }
        let table = try await CLIRunner.run(["search", "quotes", "--speaker", "Lukashenko", "--clusters", "--db", db, "--format", "table"])
        #expect(table.stdout.contains("DOCS") && table.stdout.contains("\(statements.count) statements\n"), "\(table.stdout)")
    }
}
