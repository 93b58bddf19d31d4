import ArgumentParser
import CronistaCore
import CronistaIngest
import CronistaNLP
import CronistaStorage
import Foundation

extension Ingest {
    /// `ingest --analysed`: each input line is an analysis (a line of the output contract, as
    /// `cronista analyze` or another engine wrote it) with the document's `text` added. It is read
    /// back over its text (offsets checked), written again as `cronista analyze` writes it, and
    /// stored without analysing the text again. A line that cannot be read is reported and
    /// counted as failed; the others are stored.
    func runAnalysed(_ s: any DocumentStore) async throws -> Tally {
        var tally = Tally()
        var batchDocs: [StorableDocument] = []
        func flush() async throws {
            guard !batchDocs.isEmpty else { return }
            let r = try await s.store(batchDocs, replacing: replace)
            tally.stored += r.stored.count
            tally.replaced += r.replaced.count
            tally.skipped += r.skipped.count + r.conflicts.count
            for id in r.conflicts {
                printError("cronista: document \(id): skipped, its id is stored with another text (--replace replaces it)")
            }
            batchDocs.removeAll(keepingCapacity: true)
        }
        for path in files.isEmpty ? ["-"] : files {
            let data: Data
            do {
                data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ValidationError("cannot read \(path): \(error.localizedDescription)")
            }
            let name = path == "-" ? "<stdin>" : path
            for (i, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let bytes = Array(line)
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
                do {
                    let root = try JSONValue.parse(bytes)
                    guard case .object = root, let text = root["text"]?.stringValue else {
                        throw AnalysedLineError(problem: "an analysed line is a JSON object with the document's \"text\"")
                    }
                    let doc = try Document(analysisJSON: bytes, text: text)
                    batchDocs.append(try StorableDocument(document: doc, analysisJSON: doc.analysisJSON()))
                } catch {
                    tally.failed += 1
                    printError("cronista: error: \(name):\(i + 1): \(error)")
                    continue
                }
                if batchDocs.count >= batch { try await flush() }
            }
        }
        try await flush()
        return tally
    }
}

/// Why a line given to `ingest --analysed` is no analysed document (the command adds file and line).
struct AnalysedLineError: Error, CustomStringConvertible {
    var problem: String
    var description: String { problem }
}
