import CronistaTestSupport
import Foundation
import Testing

/// `analyze` on a mix of languages: each document is analysed with its own language's pack, and
/// `--language` overrides what the identifier or a record says.
@Suite("analyze: languages")
struct AnalyzeLanguageTests {
    static let lines = """
        {"id": "it1", "text": "Il sindaco ha detto che il ponte resterà chiuso fino a giugno per i lavori di restauro."}
        {"id": "en1", "text": "The mayor said the bridge would stay closed until June for the repairs, officials said on Monday."}
        {"id": "en2", "text": "Il ponte", "language": "en"}

        """

    func languages(_ arguments: [String]) async throws -> [String: String] {
        let r = try await CLIRunner.run(["analyze"] + arguments + ["-"], stdin: Data(Self.lines.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        var out: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[o["id"] as! String] = o["language"] as? String
            if o["id"] as? String == "en1", arguments.isEmpty {
                // The English document gets English quotes.
                let quotes = try #require(o["quotes"] as? [[String: Any]])
                #expect(
                    quotes.contains {
                        ($0["text"] as? String ?? "").hasPrefix("the bridge would stay closed") || ($0["start"] as? Int) == 15
                    })
            }
        }
        return out
    }

    @Test("Each document in its own language; a record's language field is kept")
    func perDocument() async throws {
        #expect(try await languages([]) == ["it1": "it", "en1": "en", "en2": "en"])
    }

    @Test("--language overrides identification and records")
    func override() async throws {
        #expect(try await languages(["--language", "it"]) == ["it1": "it", "en1": "it", "en2": "it"])
    }

    @Test("--language refuses what is no language code")
    func refusesBadCode() async throws {
        // Refused before any input is read (no standard input to write into a closed pipe).
        let r = try await CLIRunner.run(["analyze", "--language", "English", "unread.jsonl"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--language"))
    }
}
