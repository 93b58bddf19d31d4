import HTTPTypes
import CronistaCore
import CronistaIngest
import CronistaNLP
import NIOPosix

/// The API's view of the ingest library's analysis (``ParallelAnalysis``): every document is one
/// job on NIO's blocking thread pool (one thread per core, shared by all requests), so long
/// analyses never stall the event loops or the cooperative pool that answers `/healthz` and
/// searches. What is left here is the API's part: metrics and the 422 naming the request line.
struct Analyser: Sendable {
    let analysis: ParallelAnalysis
    let metrics: ServerMetrics

    init(engine: Engine, metrics: ServerMetrics) {
        analysis = ParallelAnalysis(engine: engine, jobs: 1)
        self.metrics = metrics
    }

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
    func analyse<T: Sendable>(
        _ inputs: [AnalyzeRequest.Item],
        prepare: @escaping @Sendable (Document, [UInt8]) throws -> T
    ) async throws -> [T] {
        let results = try await analysis.analyse(inputs.map(\.input), on: NIOThreadPoolExecutor(), namingOrigin: false) { _, doc, json in
            do { return try prepare(doc, json) } catch { throw Refused(error: error) }
        }
        for (item, r) in zip(inputs, results) {
            if case .failure(let e) = r, !(e is Refused) { throw Self.failure(item, e) }
        }
        metrics.analysed(results.count)
        return try zip(inputs, results).map { item, r in
            do { return try r.get() } catch let r as Refused { throw Self.failure(item, r.error) }
        }
    }

    /// An error of `prepare`, told apart from one of the analysis.
    struct Refused: Error { var error: any Error }

    /// The 422 of a document that could not be analysed or prepared.
    static func failure(_ item: AnalyzeRequest.Item, _ error: any Error) -> APIError {
        APIError(.unprocessableContent, .analysis, "document \(item.input.id): \(error)", line: item.line)
    }
}

/// Runs the library's analysis jobs on NIO's blocking thread pool.
struct NIOThreadPoolExecutor: AnalysisExecutor {
    func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(job)
    }
}
