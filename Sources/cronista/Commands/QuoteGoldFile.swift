import ArgumentParser
import CronistaCore
import CronistaIngest
import CronistaNLP
import Foundation

/// Quote gold files (`data/quotes/*/…gold.jsonl`): documents with their gold quotes, analysed by the engine.
enum QuoteGoldFile {
    /// Reads each file's documents and gold quotes and analyses the texts; `corpus` is the file's path.
    static func analyse(_ paths: [String], engine: Engine) throws -> [QuoteTrainingDocument] {
        var out: [QuoteTrainingDocument] = []
        for path in paths {
            var golds: [String: [QuoteEvaluation.GoldQuote]] = [:]
            for (n, line) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty
            {
                guard let d = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = d["id"] as? String
                else {
                    throw ValidationError("\(path):\(n + 1): not a gold document")
                }
                golds[id] = ((d["quotes"] as? [[String: Any]]) ?? []).map { q in
                    let mentions = (((q["speaker"] as? [String: Any])?["mentions"] as? [[Int]]) ?? []).map { (start: $0[0], end: $0[1]) }
                    return .init(
                        start: q["start"] as? Int ?? 0, end: q["end"] as? Int ?? 0, kind: q["kind"] as? String ?? "",
                        speakerMentions: mentions)
                }
            }
            var source = InputSource(paths: [path])
            while let item = source.next() {
                guard case .document(let input) = item else { continue }
                out.append(
                    QuoteTrainingDocument(id: input.id, corpus: path, document: try engine.analyze(input), gold: golds[input.id] ?? []))
            }
        }
        return out
    }
}
