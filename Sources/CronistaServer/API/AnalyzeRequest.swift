import HTTPTypes
import CronistaCore
import CronistaIngest
import CronistaNLP
import NIOCore

/// The body of `POST /v1/analyze` and `POST /v1/documents`: one JSON document
/// `{"id", "text", "title"?, "published"?, "source"?, "url"?, "language"?}` (the CLI's JSON Lines
/// record) or JSON Lines, one such document per line (`Content-Type: application/x-ndjson`, or
/// any body that is not one JSON object).
struct AnalyzeRequest: Sendable {
    struct Item: Sendable {
        var input: DocumentInput
        /// 1-based line of the body the document is on (1 for a single document).
        var line: Int
    }

    var items: [Item]
    /// The body was JSON Lines (answered as JSON Lines), not one JSON object.
    var isBatch: Bool

    /// The id of a document that names none: `request-LINE`.
    static func defaultID(line: Int) -> String { "request-\(line)" }

    /// - Throws: ``APIError`` 400 naming the problem (and for JSON Lines, every bad line).
    init(body: ByteBuffer, contentType: String?) throws {
        let bytes = Array(body.readableBytesView)
        guard bytes.contains(where: { !Self.isSpace($0) }) else {
            throw APIError(.badRequest, .emptyBody, "empty body: send one JSON document {\"id\": …, \"text\": …} or JSON Lines")
        }
        let type = contentType?.lowercased() ?? ""
        let declaredLines = type.contains("ndjson") || type.contains("jsonl") || type.contains("json-lines")
        let lines: [ArraySlice<UInt8>]
        if declaredLines {
            lines = Self.lines(bytes)
        } else {
            do {
                let input = try DocumentInput.parse(jsonLine: bytes, file: "request", line: 1, defaultID: Self.defaultID(line: 1))
                items = [Item(input: input, line: 1)]
                isBatch = false
                return
            } catch let e as CronistaError {
                // Not one JSON value but more than one line: read it as JSON Lines below.
                let split = e.code == .malformedJSON ? Self.lines(bytes) : []
                guard Self.lineCount(split) > 1 else { throw APIError(.badRequest, Self.code(e), e.message, line: 1) }
                lines = split
            }
        }
        isBatch = true
        items = []
        var problems: [APIError.LineProblem] = []
        var lineNumber = 0
        for var line in lines {
            lineNumber += 1
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy(Self.isSpace) { continue }
            do {
                let input = try DocumentInput.parse(
                    jsonLine: line, file: "request", line: lineNumber, defaultID: Self.defaultID(line: lineNumber))
                items.append(Item(input: input, line: lineNumber))
            } catch let e as CronistaError {
                problems.append(.init(line: lineNumber, code: Self.code(e), message: e.message))
            }
        }
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more bad line\(problems.count == 2 ? "" : "s"))" : ""
            throw APIError(.badRequest, first.code, "line \(first.line): \(first.message)\(more)", line: first.line, problems: problems)
        }
        if items.isEmpty {
            throw APIError(.badRequest, .emptyBody, "no document in the body")
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The body split at `\n`, empty lines kept (the index of a line is its line number - 1).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }

    /// The number of lines that are not blank.
    static func lineCount(_ lines: [ArraySlice<UInt8>]) -> Int {
        lines.filter { !$0.allSatisfy(isSpace) }.count
    }

    static func code(_ e: CronistaError) -> APIError.Code {
        switch e.code {
        case .missingField: .missingField
        case .invalidUTF8: .invalidUTF8
        case .invalidDate: .invalidDate
        default: .malformedJSON
        }
    }
}
