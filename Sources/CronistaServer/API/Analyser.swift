import HTTPTypes
import CronistaCore
import CronistaNLP
import CronistaStorage
import NIOPosix

/// Runs the shared, read-only engine off the async executor: every document is one job on NIO's
/// blocking thread pool (one thread per core), so long analyses never stall the event loops or
/// the cooperative pool that answers `/healthz` and searches.
struct Analyser: Sendable {
    let engine: Engine
    let metrics: ServerMetrics

    struct Result: Sendable {
        var document: Document
        /// One line of the output contract, exactly as `cronista analyze` writes it (no newline).
        var json: [UInt8]
    }

    /// Analyses `inputs` concurrently; results in input order.
    ///
    /// - Throws: ``APIError`` (422 `analysis-failed`) naming the input line of the first failure.
    func analyse(_ inputs: [AnalyzeRequest.Item]) async throws -> [Result] {
        let engine = self.engine
        let results = try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            for (i, item) in inputs.enumerated() {
                group.addTask {
                    try await NIOThreadPool.singleton.runIfActive {
                        do {
                            let doc = try engine.analyze(item.input)
                            return (i, Result(document: doc, json: doc.analysisJSON()))
                        } catch {
                            throw APIError(.unprocessableContent, .analysis, "document \(item.input.id): \(error)", line: item.line)
                        }
                    }
                }
            }
            var out = [Result?](repeating: nil, count: inputs.count)
            for try await (i, r) in group { out[i] = r }
            return out.compactMap { $0 }
        }
        metrics.analysed(results.count)
        return results
    }
}
