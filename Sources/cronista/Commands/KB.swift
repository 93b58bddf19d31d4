import ArgumentParser
import CronistaCore
import CronistaNLP
import Foundation

struct KB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Query and evaluate the knowledge base of people, organisations and places.",
        subcommands: [Lookup.self, Stats.self, EvalLinking.self, Build.self, Add.self]
    )

    struct KBOptions: ParsableArguments {
        @Option(name: .customLong("kb-extra"), help: "A second knowledge-base file (same JSON Lines format) with your own entities.")
        var kbExtra: [String] = []
        @Option(name: .customLong("kb"), help: "A knowledge-base file to use instead of the bundled one (e.g. built by `kb build`).")
        var kb: String?

        func load() throws -> KnowledgeBase {
            if let kb { return try KnowledgeBase.load(path: kb, extraPaths: kbExtra) }
            return try KnowledgeBase.loadBundled(extraPaths: kbExtra)
        }
    }

    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the candidates for a name, best first, with their scores.",
            discussion: "Matching ignores case and accents (Sèjournè finds Séjourné). --prefix lists index keys starting with NAME."
        )
        @Argument(help: "The name to look up.") var name: String
        @Option(help: "The article's date (YYYY-MM-DD): favours people in office then.") var date: String?
        @Option(help: "Only this type: PER, ORG or LOC.") var type: String?
        @Flag(help: "List index keys starting with NAME instead.") var prefix = false
        @Option(parsing: .unconditional, help: "At most this many candidates.") var limit = 10
        @OptionGroup var kbOptions: KBOptions

        /// Checked here, not in `run`, so that a bad value prints this command's usage.
        func validate() throws {
            if let date, KBDate(date) == nil || !PublicationDate.isCalendarDate(date) {
                throw ValidationError("--date must be a date YYYY-MM-DD, got '\(date)'")
            }
            if let type, EntityType(label: type.uppercased()) == nil {
                throw ValidationError("--type must be PER, ORG or LOC, got '\(type)'")
            }
            if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
        }

        func run() async throws {
            let kb = try kbOptions.load()
            if prefix {
                for (key, ents) in kb.prefixMatches(name, limit: limit) {
                    print("\(key)\t" + ents.map { kb.entities[$0].id }.joined(separator: " "))
                }
                return
            }
            var d: KBDate? = nil
            if let date {
                guard let x = KBDate(date) else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
                d = x
            }
            var t: EntityType? = nil
            if let type {
                guard let x = EntityType(label: type.uppercased()) else { throw ValidationError("--type must be PER, ORG or LOC") }
                t = x
            }
            let cands = kb.candidates(for: name, type: t, date: d)
            if cands.isEmpty { print("no candidates for '\(name)'"); return }
            for c in cands.prefix(limit) {
                let e = kb.entities[c.entity]
                var info = "\(e.type.label)\t\(e.id)\t\(e.displayName)\tscore \(fmt(c.score))\tprior \(fmt(c.prior))\tmatch \(c.match)"
                if c.surnameOnly { info += " (surname + first name)" }
                if c.crossType { info += " (cross-type)" }
                // The role held on --date, else today, else the latest (the KB's roles stop in 2022).
                if let r = e.shownRole(on: d) {
                    let role = e.roles[r]
                    let until = role.to == .distantFuture ? "" : role.to.description
                    let since = role.from == .distantPast ? "" : role.from.description
                    info += "\trole: \(role.displayLabel ?? "?") \(since)…\(until)"
                }
                if let s = e.subtype { info += "\t\(s)" }
                if e.population > 0 { info += " pop \(e.population)" }
                print(info)
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the knowledge base and report its size, load time and lookup speed.")
        @OptionGroup var kbOptions: KBOptions

        func run() async throws {
            let t0 = cpuNow(), w0 = wallNow()
            let kb = try kbOptions.load()
            let t1 = cpuNow(), w1 = wallNow()
            print("entities: \(kb.count)")
            print("load: \(fmt((w1 - w0) * 1000)) ms wall, \(fmt((t1 - t0) * 1000)) ms CPU")
            let names = [
                "Lukashenko", "Sèjournè", "Onu", "Casa Bianca", "Mosca", "Vladimir Putin", "Associated Press", "Pavel Zarubin",
                "Aleksandr G. Lukashenko", "Stati Uniti"
            ]
            var n = 0
            let l0 = cpuNow()
            for _ in 0..<20_000 { for s in names { n &+= kb.candidates(for: s).count } }
            let l1 = cpuNow()
            print("lookup: \(fmt((l1 - l0) / Double(20_000 * names.count) * 1e6)) µs per name (\(n) candidates)")
        }
    }

    struct EvalLinking: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Linking precision and recall against a gold file (see Tests/Fixtures/linking-gold.md).",
            discussion:
                "Documents come from --docs (JSON Lines with gold name mentions in 'entities'); their names are clustered and linked, and each judged mention's entity id compared with the gold one."
        )
        @Option(help: "Gold file: one judged mention per line.") var gold: String
        @Option(help: "Document files (JSON Lines: id, text, entities, published?).") var docs: [String] = []
        @Flag(help: "Print every error.") var verbose = false
        @OptionGroup var kbOptions: KBOptions

        func run() async throws {
            let kb = try kbOptions.load()
            let component = EntityComponent(kb: kb)
            var goldMentions: [(doc: String, start: Int, end: Int, text: String, kb: String?)] = []
            var docFiles = docs
            for line in try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\n") {
                guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                if let f = o["docs"] as? String, docs.isEmpty {
                    // A header line naming the document files, relative to the gold file.
                    let base = URL(fileURLWithPath: gold).deletingLastPathComponent()
                    docFiles.append(URL(fileURLWithPath: f, relativeTo: base).standardizedFileURL.path)
                    continue
                }
                guard let d = o["doc"] as? String, let s = o["start"] as? Int, let e = o["end"] as? Int else { continue }
                goldMentions.append((d, s, e, o["text"] as? String ?? "", o["kb"] as? String))
            }
            let wanted = Set(goldMentions.map { $0.doc })
            var documents: [Document] = []
            var indexes: [String: OffsetIndex] = [:]
            for f in docFiles {
                for line in try String(contentsOfFile: f, encoding: .utf8).split(separator: "\n") {
                    guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                        let id = o["id"] as? String, wanted.contains(id), let text = o["text"] as? String
                    else { continue }
                    var d = Document(id: id, text: text, metadata: DocumentMetadata(published: o["published"] as? String))
                    let idx = OffsetIndex(text)
                    var ms: [Mention] = []
                    for e in o["entities"] as? [[String: Any]] ?? [] {
                        guard let t = (e["type"] as? String).flatMap({ EntityType(label: $0) }),
                            let s = e["start"] as? Int, let en = e["end"] as? Int
                        else { continue }
                        ms.append(
                            Mention(range: TextRange(startUTF8: idx.utf8Offset(scalar: s), endUTF8: idx.utf8Offset(scalar: en)), type: t))
                    }
                    ms.sort { $0.range < $1.range }
                    d.mentions = ms
                    d.layers = [.mentions]
                    documents.append(d)
                    indexes[id] = idx
                }
            }
            let gold = goldMentions.compactMap { g -> LinkingGoldMention? in
                guard let idx = indexes[g.doc] else { return nil }
                return LinkingGoldMention(
                    document: g.doc, range: TextRange(startUTF8: idx.utf8Offset(scalar: g.start), endUTF8: idx.utf8Offset(scalar: g.end)),
                    text: g.text, kb: g.kb)
            }
            if gold.count < goldMentions.count {
                printError(
                    "cronista: warning: \(goldMentions.count - gold.count) gold mentions refer to documents not found in \(docFiles)")
            }
            let s = try LinkingScore.evaluate(documents: documents, gold: gold, component: component)
            print("judged mentions: \(s.judged) (\(s.goldLinked) with an id in the KB, \(s.judged - s.goldLinked) NIL)")
            print("linked: \(s.predictedLinked), correct: \(s.correct)")
            print("precision: \(fmt(100 * s.precision)) %  recall: \(fmt(100 * s.recall)) %  F1: \(fmt(100 * s.f1)) %")
            if verbose {
                for e in s.errors { print("  \(e.document)\t\(e.text)\tgold \(e.gold ?? "NIL")\tpredicted \(e.predicted ?? "NIL")") }
            }
        }
    }
}

private func fmt(_ x: Double) -> String {
    let v = (x * 100).rounded() / 100
    return String(v)
}

private func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

private func wallNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
