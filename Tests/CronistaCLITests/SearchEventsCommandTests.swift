import CronistaTestSupport
import Foundation
import Testing

/// Who did what to whom, and when, as a user asks it: two analysed documents with events stored by
/// the built `cronista` (`ingest --analysed`) into a new SQLite file, then `search events`.
@Suite("cronista search events")
struct SearchEventsCommandTests {
    /// A store holding ``EventSamples``, and its path.
    static func store(_ dir: TemporaryDirectory) async throws -> String {
        let db = dir.file("events.sqlite").path
        let input = dir.file("analysed.jsonl")
        try EventSamples.jsonLines().write(to: input)
        let ingest = try await CLIRunner.run(["ingest", "--analysed", input.path, "--db", db])
        #expect(ingest.status == 0, "stderr: \(ingest.stderr)")
        #expect(ingest.stderr.contains("2 stored"), "\(ingest.stderr)")
        return db
    }

    @Test("--type ACCUSE --actor Q2866 --from/--to: Lukashenko's accusation of Poland in 2023, none in 2024")
    func typeActorAndDates() async throws {
        let dir = try TemporaryDirectory()
        let db = try await Self.store(dir)
        let y2023 = try await CLIRunner.run([
            "search", "events", "--type", "ACCUSE", "--actor", "Q2866", "--from", "2023-01-01", "--to", "2023-12-31", "--db", db, "--json"
        ])
        #expect(y2023.status == 0, "stderr: \(y2023.stderr)")
        let hits = y2023.jsonLines
        #expect(hits.count == 1, "\(y2023.stdout)")
        let hit = try #require(hits.first)
        #expect(hit["document"] as? String == EventSamples.minskID && hit["event"] as? String == "ev1")
        #expect(hit["type"] as? String == "ACCUSE" && hit["mode"] as? String == "disapprove" && hit["date"] as? String == "2023-11-20")
        let trigger = try #require(hit["trigger"] as? [String: Any])
        #expect(trigger["text"] as? String == "ha accusato")
        let start = try #require(trigger["start"] as? Int), end = try #require(trigger["end"] as? Int)
        let scalars = Array(EventSamples.minskText.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "ha accusato", "offsets in code points")
        let source = try #require((hit["source"] as? [[String: Any]])?.first)
        #expect(
            source["name"] as? String == "Aleksander Lukashenko" && source["kb"] as? String == "Q2866"
                && source["country"] as? String == "BLR")
        #expect((hit["target"] as? [[String: Any]])?.first?["name"] as? String == "Polonia")
        #expect(source["entity"] == nil, "the command line leaves entity ids out, as search quotes does")

        let y2024 = try await CLIRunner.run([
            "search", "events", "--type", "ACCUSE", "--actor", "Q2866", "--from", "2024-01-01", "--to", "2024-12-31", "--db", db, "--json"
        ])
        #expect(y2024.status == 0 && y2024.stdout.isEmpty, "\(y2024.stdout)\(y2024.stderr)")

        // Every accusation, newest first; by name, accent- and case-insensitive, with a role.
        let accuse = try await CLIRunner.run(["search", "events", "--type", "accuse", "--db", db, "--format", "jsonl"])
        #expect(
            accuse.jsonLines.map { "\($0["document"] ?? "")/\($0["event"] ?? "")" } == [
                "\(EventSamples.tajaniID)/ev3", "\(EventSamples.tajaniID)/ev1", "\(EventSamples.minskID)/ev1"
            ])
        let target = try await CLIRunner.run(["search", "events", "--actor", "russia", "--role", "target", "--db", db, "--json"])
        #expect(target.jsonLines.map { $0["event"] as? String } == ["ev1"])
        #expect((target.jsonLines.first?["claim"] as? [String: Any])?["text"] as? String == "violare la tregua")
        let said = try await CLIRunner.run(["search", "events", "--actor", "Tajani", "--mode", "allege", "--db", db, "--json"])
        let quote = try #require(said.jsonLines.first?["quote"] as? [String: Any])
        #expect(quote["id"] as? String == "q1" && quote["role"] as? String == "act")
        // Paging: --limit and --offset.
        let page = try await CLIRunner.run(["search", "events", "--limit", "2", "--offset", "2", "--db", db, "--json"])
        #expect(page.jsonLines.map { $0["day"] as? String } == ["2024-03-04", "2023-11-20"])
    }

    @Test("The table names the type, the participants and the trigger; bad dates and roles are refused")
    func tableAndValidation() async throws {
        let dir = try TemporaryDirectory()
        let db = try await Self.store(dir)
        let table = try await CLIRunner.run(["search", "events", "--actor", "Tajani", "--db", db, "--format", "table", "--wide"])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DOCUMENT") == true && lines.first?.contains("TARGET") == true, "\(table.stdout)")
        #expect(
            lines.contains {
                $0.contains("2024-03-07") && $0.contains("CONSULT/meet") && $0.contains("Kaja Kallas (Q11869065)")
                    && $0.contains("incontrerà")
            })
        #expect(table.stdout.hasSuffix("3 events\n"), "\(table.stdout)")

        for (args, message) in [
            (["--from", "2024-02-30"], "--from: '2024-02-30' is not a date"), (["--to", "yesterday"], "--to: 'yesterday' is not a date"),
            (["--from", "2024-05-01", "--to", "2024-04-01"], "is after --to"), (["--role", "witness"], "--role: 'witness'"),
            (["--offset", "-1"], "--offset")
        ] {
            let r = try await CLIRunner.run(["search", "events", "--db", db] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        // An analysed line whose offsets leave its text is refused, and nothing of it stored.
        let bad = dir.file("bad.jsonl")
        var line = EventSamples.minsk
        line["id"] = "broken"
        line["text"] = "Testo troppo corto."
        try (try JSONSerialization.data(withJSONObject: line) + Data([0x0A])).write(to: bad)
        let refused = try await CLIRunner.run(["ingest", "--analysed", bad.path, "--db", db])
        #expect(refused.status == 65 && refused.stderr.contains("bad.jsonl:1"), "\(refused.stderr)")
        let none = try await CLIRunner.run(["search", "events", "--document", "broken", "--db", db, "--json"])
        #expect(none.status == 0 && none.stdout.isEmpty)
    }
}
