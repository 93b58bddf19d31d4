public import CronistaCore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One sentence of a CoNLL (KIND / NERMuD) file: its tokens and, when present, its gold labels.
public struct CoNLLSentence: Sendable {
    public var tokens: [String] = []
    /// Gold labels (second-to-last… last column); empty strings when the file has only tokens.
    public var labels: [String] = []
    /// 1-based line of the sentence's first token.
    public var line: Int = 0
    public init() {}
}

/// Streams a `token<TAB>label` file (blank line between sentences) sentence by sentence.
public enum CoNLLReader {
    /// Calls `body` with each sentence, or with an error naming `file:line` for a line that is not
    /// valid UTF-8. A file that cannot be opened throws.
    public static func forEachSentence(path: String, _ body: (Result<CoNLLSentence, CronistaError>) throws -> Void) throws {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        if fd < 0 { throw CronistaError(.unreadableFile, "cannot open: \(String(cString: strerror(errno)))", file: path) }
        let reader = LineReader(fileDescriptor: fd, ownsDescriptor: path != "-")
        let name = path == "-" ? "<stdin>" : path
        var current = CoNLLSentence()
        while let line = try reader.next() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if !current.tokens.isEmpty { try body(.success(current)); current = CoNLLSentence() }
                continue
            }
            if let bad = UTF8Validation.firstInvalidOffset(in: Array(line)) {
                try body(
                    .failure(
                        CronistaError(
                            .invalidUTF8, "invalid UTF-8", file: name, line: reader.lineNumber, byteOffset: reader.lineOffset + bad)))
                continue
            }
            if current.tokens.isEmpty { current.line = reader.lineNumber }
            if let tab = line.firstIndex(of: 0x09) {
                current.tokens.append(String(decoding: line[line.startIndex..<tab], as: UTF8.self))
                let lastTab = line.lastIndex(of: 0x09)!
                var label = String(decoding: line[(lastTab + 1)...], as: UTF8.self)
                while label.last == " " { label.removeLast() }
                current.labels.append(label)
            } else {
                current.tokens.append(String(decoding: line, as: UTF8.self))
                current.labels.append("")
            }
        }
        if !current.tokens.isEmpty { try body(.success(current)) }
    }

    /// Reads a whole file into memory (for training and evaluation).
    public static func read(path: String) throws -> [CoNLLSentence] {
        var out: [CoNLLSentence] = []
        var firstError: CronistaError?
        try forEachSentence(path: path) { r in
            switch r {
            case .success(let s): out.append(s)
            case .failure(let e): if firstError == nil { firstError = e }
            }
        }
        if let firstError { throw firstError }
        return out
    }
}
