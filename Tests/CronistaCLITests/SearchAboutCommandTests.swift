import CronistaTestSupport
import Foundation
import Testing

/// What A said about B, as a user asks it: the seed ingested by the built `cronista` into a new
/// SQLite file, then `search quotes --speaker A --about B`, `analyze --pretty` and `show`.
@Suite("cronista search quotes --about")
struct SearchAboutCommandTests {
    static let seedID = "000_193cd34c33125298"

    @Test("Seed: Lukashenko about Putin finds «Loro (i francesi, ndr)…»; about Telegram finds nothing")
    func seedAboutPutin() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("archive.sqlite").path
        let ingest = try await CLIRunner.run(["ingest", Fixtures.seedTextPath, "--db", db])
        #expect(ingest.status == 0, "stderr: \(ingest.stderr)")

        let search = try await CLIRunner.run([
            "search", "quotes", "--speaker", "Lukashenko", "--about", "Putin", "--db", db, "--format", "jsonl"
        ])
        #expect(search.status == 0, "stderr: \(search.stderr)")
        let hits = search.jsonLines
        #expect(hits.count == 1, "\(search.stdout)")
        let hit = try #require(hits.first)
        #expect(hit["document"] as? String == Self.seedID)
        #expect(hit["start"] as? Int == 776 && hit["end"] as? Int == 1050)
        #expect((hit["text"] as? String)?.hasPrefix("Loro (i francesi, ndr) stanno cercando di spaventarci") == true)
        let about = try #require(hit["about"] as? [[String: Any]])
        let kbs = about.compactMap { $0["kb"] as? String }
        #expect(kbs.contains("Q7747") && kbs.contains("Q184"), "Putin and Belarus: \(about)")
        #expect(about.contains { $0["name"] as? String == "Europa" }, "\(about)")
        #expect(!kbs.contains("Q2866"), "not its own speaker")

        // Accent- and case-insensitive, by KB id too, as --speaker.
        for b in ["putin", "PUTIN", "Q7747", "Bielorussia", "bielorussia"] {
            let r = try await CLIRunner.run(["search", "quotes", "--speaker", "lukashenko", "--about", b, "--db", db, "--format", "jsonl"])
            #expect(r.jsonLines.map { $0["start"] as? Int } == [776], "--about \(b)")
        }
        // Europe: this quote and Lukashenko's paraphrase about a conquest of Europe.
        let europa = try await CLIRunner.run([
            "search", "quotes", "--speaker", "Lukashenko", "--about", "europa", "--db", db, "--format", "jsonl"
        ]
        )
        #expect(Set(europa.jsonLines.compactMap { $0["start"] as? Int }) == [502, 776], "\(europa.stdout)")
        // Telegram is named in the seed, but in no quote.
        let telegram = try await CLIRunner.run([
            "search", "quotes", "--speaker", "Lukashenko", "--about", "Telegram", "--db", db, "--format", "jsonl"
        ])
        #expect(telegram.status == 0, "stderr: \(telegram.stderr)")
        #expect(telegram.stdout.isEmpty, "\(telegram.stdout)")
        let anyone = try await CLIRunner.run(["search", "quotes", "--about", "Telegram", "--db", db, "--format", "jsonl"])
        #expect(anyone.status == 0 && anyone.stdout.isEmpty)

        // The table has an ABOUT column.
        let table = try await CLIRunner.run([
            "search", "quotes", "--speaker", "Lukashenko", "--about", "Putin", "--db", db, "--format", "table"
        ])
        #expect(table.stdout.contains("ABOUT") && table.stdout.contains("Vladimir Putin"), "\(table.stdout)")
        #expect(table.stdout.contains("1 quote\n"))

        // `analyze --pretty` and `show --pretty` print whom each quote is about.
        let pretty = try await CLIRunner.run(["analyze", "--pretty", Fixtures.seedTextPath])
        #expect(pretty.stdout.contains("about: Bielorussia, Vladimir Putin, Europa"), "\(pretty.stdout)")
        let shown = try await CLIRunner.run(["show", Self.seedID, "--db", db, "--pretty"])
        #expect(shown.stdout == pretty.stdout)
        // The JSON line carries the entity ids.
        let json = try await CLIRunner.run(["analyze", Fixtures.seedTextPath])
        #expect(json.stdout.contains(#""about":["e"#))
    }
}
