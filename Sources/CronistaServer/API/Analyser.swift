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
        try await analyse(inputs) { doc, json in Result(document: doc, json: json) }
    }

    /// Analyses `inputs` concurrently and runs `prepare` on each document and its JSON in the same
    /// job (so `/v1/documents` builds its rows on the thread pool too); results in input order.
    ///
    /// - Throws: ``APIError`` (422 `analysis-failed`) naming the input line of the first failure:
    ///   an analysis that failed, else the first document, in input order, that `prepare` refused.
    func analyse<T: Sendable>(_ inputs: [AnalyzeRequest.Item],
                              prepare: @escaping @Sendable (Document, [UInt8]) throws -> T) async throws -> [T] {
        let engine = self.engine
        let results = try await withThrowingTaskGroup(of: (Int, Swift.Result<T, APIError>).self) { group in
            for (i, item) in inputs.enumerated() {
                group.addTask {
                    try await NIOThreadPool.singleton.runIfActive {
                        let doc: Document
                        let json: [UInt8]
                        do {
                            doc = try engine.analyze(item.input)
                            json = doc.analysisJSON()
                        } catch {
                            throw Self.failure(item, error)
                        }
                        do {
                            return (i, .success(try prepare(doc, json)))
                        } catch {
                            return (i, .failure(Self.failure(item, error)))
                        }
                    }
                }
            }
            var out = [Swift.Result<T, APIError>?](repeating: nil, count: inputs.count)
            for try await (i, r) in group { out[i] = r }
            return out.compactMap { $0 }
        }
        metrics.analysed(results.count)
        return try results.map { try $0.get() }
    }

    /// The 422 of a document that could not be analysed or prepared.
    static func failure(_ item: AnalyzeRequest.Item, _ error: any Error) -> APIError {
        APIError(.unprocessableContent, .analysis, "document \(item.input.id): \(error)", line: item.line)
    }
}
