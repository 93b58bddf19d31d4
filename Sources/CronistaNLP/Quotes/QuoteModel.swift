import Foundation

/// The learned half of quote extraction: two linear models over the features the rules describe
/// (``QuoteRun/candidateFeatures(_:)``, ``QuoteRun/speakerOptions(for:at:)``).
/// - `filter` decides whether a rule's candidate is a quote (a score above zero keeps it);
/// - `speaker` ranks the mentions that could be a quote's source (the highest wins; the `none`
///   option means no identifiable source).
///
/// Trained by ``QuoteTrainer`` (averaged perceptron, deterministic) and shipped in the language
/// pack as `quotes.model`: a text file of `section<TAB>feature<TAB>weight` lines after a `#` header.
public struct QuoteModel: Sendable, Equatable {
    package var filter: [String: Float]
    /// The number of weights (filter and speaker).
    public var count: Int { filter.count + speaker.count }
    package var speaker: [String: Float] {
        didSet { speakerByHash = Self.hashed(speaker) }
    }
    /// The speaker weights by the hash of their name (``FeatureSink``), for scoring without strings.
    package private(set) var speakerByHash: [UInt64: Float]

    package init(filter: [String: Float] = [:], speaker: [String: Float] = [:]) {
        self.filter = filter
        self.speaker = speaker
        speakerByHash = Self.hashed(speaker)
    }

    static func hashed(_ w: [String: Float]) -> [UInt64: Float] {
        var out: [UInt64: Float] = [:]
        out.reserveCapacity(w.count)
        for (k, v) in w { out[FeatureSink.hash(k), default: 0] += v }
        return out
    }

    public static func == (a: QuoteModel, b: QuoteModel) -> Bool { a.filter == b.filter && a.speaker == b.speaker }

    @inline(__always)
    package static func score(_ weights: [String: Float], _ features: [String]) -> Float {
        var s: Float = 0
        for f in features { s += weights[f] ?? 0 }
        return s
    }

    package func keeps(_ features: [String]) -> Bool { Self.score(filter, features) > 0 }

    /// The index of the best-scoring option (the first on ties).
    package func bestOption(_ options: [[String]]) -> Int? {
        var best: (Int, Float)?
        for (i, f) in options.enumerated() {
            let s = Self.score(speaker, f)
            if best == nil || s > best!.1 { best = (i, s) }
        }
        return best?.0
    }

    /// Reads the text format; a malformed line throws ``LanguagePackError`` naming `file` and the line.
    public init(text: String, file: String = "quotes.model") throws {
        var filter: [String: Float] = [:], speaker: [String: Float] = [:]
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            let parts = raw.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3, let w = Float(parts[2]) else {
                throw LanguagePackError(file: file, line: lineNumber, problem: "expected 'section<TAB>feature<TAB>weight'")
            }
            switch parts[0] {
            case "filter": filter[String(parts[1])] = w
            case "speaker": speaker[String(parts[1])] = w
            default: throw LanguagePackError(file: file, line: lineNumber, problem: "unknown section \(String(parts[0]).debugDescription)")
            }
        }
        self.init(filter: filter, speaker: speaker)
    }

    /// The text format, features sorted: the same weights give the same bytes.
    package func serialized(header: String) -> String {
        var out = header.split(separator: "\n").map { "# \($0)\n" }.joined()
        func section(_ name: String, _ w: [String: Float]) {
            for k in w.keys.sorted() where w[k]! != 0 {
                out += "\(name)\t\(k)\t\(String(format: "%.5g", Double(w[k]!)))\n"
            }
        }
        section("filter", filter)
        section("speaker", speaker)
        return out
    }
}
