import ArgumentParser
import CronistaCore
import CronistaIngest
import CronistaNLP
import Foundation

/// `cronista eval quotes --gold FILE`: analyses the gold documents' texts and prints the numbers
/// `tools/score.py quotes` prints for the same output.
struct EvaluateQuotes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Analyse the documents of a quote gold file and score the quotes (as score.py quotes).",
        discussion: "Gold: JSON Lines with id, text and quotes ({kind, start, end, speaker: {mentions: [[s, e], …]}})."
    )

    @Option(help: "Gold file (JSON Lines, the analysis format with gold quotes).")
    var gold: String

    @Option(help: "NER model file (default: the embedded Italian model).")
    var model: String?

    func run() async throws {
        let engine = try Engine(options: .init(nerModelPath: model))
        var evaluation = QuoteEvaluation()
        var source = InputSource(paths: [gold])
        var golds: [String: [QuoteEvaluation.GoldQuote]] = [:]
        // Gold quotes, read once with the same line numbers as the input reader.
        for (n, line) in try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty
        {
            guard let d = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = d["id"] as? String else {
                throw ValidationError("\(gold):\(n + 1): not a gold document")
            }
            golds[id] = ((d["quotes"] as? [[String: Any]]) ?? []).map { q in
                let mentions = (((q["speaker"] as? [String: Any])?["mentions"] as? [[Int]]) ?? []).map { (start: $0[0], end: $0[1]) }
                return .init(
                    start: q["start"] as? Int ?? 0, end: q["end"] as? Int ?? 0, kind: q["kind"] as? String ?? "", speakerMentions: mentions)
            }
        }
        var seen = Set<String>()
        while let item = source.next() {
            guard case .document(let input) = item else { continue }
            seen.insert(input.id)
            let doc = try engine.analyze(input)
            evaluation.add(
                text: input.text, gold: golds[input.id] ?? [],
                predicted: QuoteEvaluation.PredictedQuote.from(doc, index: OffsetIndex(doc.text)))
        }
        print(evaluation.table() + "documents_missing            \(golds.keys.filter { !seen.contains($0) }.count)")
    }
}
