import CronistaCore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress on standard error for a person watching (`analyze`, `ingest`): documents, articles/s,
/// tokens/s and, when the input size is known, an ETA. Redrawn at most four times a second.
final class ProgressReporter: @unchecked Sendable {
    let enabled: Bool
    let totalBytes: Int?
    let start = ContinuousClock.now
    var lastDraw = ContinuousClock.now
    var drawn = false
    var documents = 0
    var errors = 0
    var tokens = 0
    var bytes = 0

    init(enabled: Bool, totalBytes: Int?) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// One document analysed (or failed), for `analyze`.
    func record(document: Document?, error: Bool) {
        if let d = document {
            documents += 1
            tokens += d.tokens.count
            bytes += d.text.utf8.count
        }
        if error { errors += 1 }
        redraw()
    }

    /// Input consumed, for the ETA, when documents are counted elsewhere (`ingest`).
    func advance(bytes n: Int) { bytes += n }

    /// The number of documents done so far (`ingest` counts stored, skipped and failed ones).
    func setDocuments(_ n: Int) {
        documents = n
        redraw()
    }

    func redraw() {
        guard enabled else { return }
        let now = ContinuousClock.now
        if now - lastDraw > .milliseconds(250) {
            lastDraw = now
            draw(final: false)
        }
    }

    /// Erases the progress line so that a message can be printed in its place.
    func clearLine() {
        if drawn { printError("\r\u{1B}[K", newline: false) }
    }

    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func draw(final: Bool) {
        let t = max(elapsed, 1e-9)
        var line = "\(counted(documents, "document")), \(fmt(Double(documents) / t)) articles/s"
        if tokens > 0 { line += ", \(fmt(Double(tokens) / t)) tokens/s" }
        if errors > 0 { line += ", \(counted(errors, "error"))" }
        if let total = totalBytes, total > 0, !final, bytes > 0 {
            let rate = Double(bytes) / t
            let left = Double(max(0, total - bytes)) / max(rate, 1)
            line += ", \(min(100, Int(100 * Double(bytes) / Double(total))))%, ETA \(Int(left.rounded())) s"
        }
        if final {
            printError(
                (enabled ? "\r\u{1B}[K" : "")
                    + "cronista: \(counted(documents, "document")), \(counted(errors, "error")) in \(fmt(t)) s (\(fmt(Double(documents) / t)) articles/s)"
            )
        } else {
            printError("\r\u{1B}[K" + line, newline: false)
            drawn = true
        }
    }

    private func fmt(_ v: Double) -> String {
        if v >= 100 { return String(Int(v.rounded())) }
        return String(Double(Int(v * 10)) / 10)
    }
}
