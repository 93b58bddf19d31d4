// Store benchmark (not a test): speaker-search latency over many stored quotes, and the cost of
// storing alone. Ingest-versus-analyze throughput of the whole CLI is measured by
// `scripts/bench-store`, which also runs this.
//
//   swift run -c release cronista-bench-store [QUOTES]     (default 100000)
import CronistaCore
import CronistaNLP
import CronistaStorage
import CronistaStorageSQLite
import Foundation

let quoteTarget = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let quotesPerDocument = 5
// CRONISTA_BENCH_KEEP=PATH keeps the store at PATH (for `scripts/bench-export`) instead of a temporary file.
let keptPath = ProcessInfo.processInfo.environment["CRONISTA_BENCH_KEEP"]
let path = keptPath ?? FileManager.default.temporaryDirectory.appendingPathComponent("cronista-bench-\(getpid()).sqlite").path
defer {
    if keptPath == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
}

let surnames = [
    "Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
    "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri"
]
let given = ["Marco", "Giulia", "Luca", "Sara", "Paolo", "Anna", "Matteo", "Elena", "Andrea", "Chiara"]
let words = [
    "governo", "accordo", "Europa", "guerra", "pace", "economia", "riforma", "elezioni", "bilancio", "sanzioni",
    "negoziati", "confine", "energia", "inflazione", "sicurezza", "diritti", "lavoro", "scuola", "sanità", "clima"
]

/// A synthetic article: `quotesPerDocument` direct quotes by speakers from a pool of 200 people
/// (2 % of the quotes by Aleksander Lukashenko), each about another person of the pool named in
/// its content (2 % about Lukashenko), with real offsets.
func makeDocument(_ n: Int) -> Document {
    var rng = SystemRandomNumberGenerator()
    var text = ""
    var mentions: [Mention] = []
    var entities: [Entity] = []
    var quotes: [Quote] = []
    var entityOfName: [String: Int] = [:]
    func add(_ s: String) -> TextRange {
        let a = text.utf8.count
        text += s
        return TextRange(a, text.utf8.count)
    }
    func person() -> String {
        Int.random(in: 0..<50, using: &rng) == 0
            ? "Aleksander Lukashenko"
            : "\(given[Int.random(in: 0..<given.count, using: &rng)]) \(surnames[Int.random(in: 0..<surnames.count, using: &rng)])"
    }
    func entity(_ name: String, _ range: TextRange) -> Int {
        mentions.append(Mention(range: range, type: .person))
        if let known = entityOfName[name] {
            entities[known].mentions.append(mentions.count - 1)
            return known
        }
        entities.append(
            Entity(type: .person, name: name, kb: name == "Aleksander Lukashenko" ? "Q2866" : nil, mentions: [mentions.count - 1]))
        entityOfName[name] = entities.count - 1
        return entities.count - 1
    }
    _ = add("Articolo \(n). ")
    for _ in 0..<quotesPerDocument {
        let name = person()
        _ = add("Secondo ")
        let speaker = add(name)
        _ = add(", \"")
        let said = (0..<8).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
        let contentStart = text.utf8.count
        _ = add("Il \(said) è una priorità per ")
        let other = person()
        let otherRange = add(other)
        let content = TextRange(contentStart, text.utf8.count)
        _ = add("\", ")
        let cue = add("ha detto")
        _ = add(". ")
        let e = entity(name, speaker)
        _ = entity(other, otherRange)
        quotes.append(Quote(kind: .direct, content: content, cue: cue, speaker: .init(entity: e, range: speaker)))
    }
    var doc = Document(
        id: "bench-\(n)", text: text,
        metadata: DocumentMetadata(published: String(format: "2024-%02d-%02d", 1 + n % 12, 1 + n % 28), source: n % 2 == 0 ? "ansa" : "agi")
    )
    doc.language = "it"
    doc.mentions = mentions
    doc.entities = entities
    doc.quotes = quotes
    // Whom each quote is about, as the engine's step sets it (mentions only).
    try? QuoteAboutComponent(kb: nil, packs: nil).process(&doc)
    return doc
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

let clock = ContinuousClock()
let store = try SQLiteDocumentStore(path: path)
let documentCount = quoteTarget / quotesPerDocument
var prepare = Duration.zero, storing = Duration.zero
var batch: [StorableDocument] = []
for n in 0..<documentCount {
    let t0 = clock.now
    let d = makeDocument(n)
    batch.append(try StorableDocument(document: d, analysisJSON: d.analysisJSON()))
    prepare += clock.now - t0
    if batch.count == 500 || n == documentCount - 1 {
        let t1 = clock.now
        _ = try await store.store(batch)
        storing += clock.now - t1
        batch.removeAll(keepingCapacity: true)
    }
}
let stats = try await store.statistics()
print("stored: \(stats)")
print(
    String(
        format: "store (SQLite, batches of 500): %.0f documents/s, %.0f quotes/s (%.2f s; building rows %.2f s)",
        Double(documentCount) / (ms(storing) / 1000), Double(stats.quotes) / (ms(storing) / 1000), ms(storing) / 1000, ms(prepare) / 1000))

func time(_ label: String, _ q: QuoteQuery, runs: Int = 25) async throws {
    var times: [Double] = []
    var count = 0
    for _ in 0..<runs {
        let t0 = clock.now
        count = try await store.quotes(q).count
        times.append(ms(clock.now - t0))
    }
    print(String(format: "%@: median %.2f ms, max %.2f ms (%d results, %d runs)", label, median(times), times.max()!, count, runs))
}
try await time("speaker search 'Lukashenko' (limit 100)", QuoteQuery(speaker: "Lukashenko", limit: 100))
try await time("speaker search 'Lukashenko' (all, limit 10000)", QuoteQuery(speaker: "Lukashenko", limit: 10_000))
try await time("speaker search 'Giulia Rossi' (limit 100)", QuoteQuery(speaker: "Giulia Rossi", limit: 100))
try await time(
    "speaker 'Lukashenko' + words 'sanzioni' + March–June",
    QuoteQuery(speaker: "Lukashenko", words: "sanzioni", from: "2024-03-01", to: "2024-06-30"))
try await time("full text 'riforma sanzioni' (limit 100)", QuoteQuery(words: "riforma sanzioni", limit: 100))
try await time("about 'Lukashenko' (limit 100)", QuoteQuery(about: "Lukashenko", limit: 100))
try await time("about 'Lukashenko' (all, limit 10000)", QuoteQuery(about: "Lukashenko", limit: 10_000))
try await time("speaker 'Giulia Rossi' + about 'Lukashenko'", QuoteQuery(speaker: "Giulia Rossi", about: "Lukashenko", limit: 100))
try await time("speaker 'Lukashenko' + about 'Marco Rossi'", QuoteQuery(speaker: "Lukashenko", about: "Marco Rossi", limit: 100))
var entityTimes: [Double] = []
for _ in 0..<25 {
    let t0 = clock.now
    _ = try await store.entities(named: "Lukashenko", limit: 10)
    entityTimes.append(ms(clock.now - t0))
}
print(String(format: "entity search 'Lukashenko': median %.2f ms", median(entityTimes)))
try await store.close()
