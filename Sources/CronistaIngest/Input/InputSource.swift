public import CronistaCore
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How ``InputSource`` reads its inputs: the format (`--format`), the encoding (`--encoding`) and
/// the metadata of a single document (`--title`, `--published`, `--source`, `--url`).
public struct InputOptions: Sendable {
    /// `auto`: a `.jsonl`/`.ndjson` file is JSON Lines, any other file plain text, and standard
    /// input JSON Lines when its first non-blank character is `{`, plain text otherwise.
    public enum Format: String, Sendable, CaseIterable {
        case auto, text, jsonl
    }

    public var format: Format
    public var encoding: TextEncoding
    /// Metadata for a document read as plain text (a `.txt` file or text on standard input):
    /// set fields replace what the text gives (its headline as the title). JSON Lines records
    /// carry their own, so setting any of these for JSON Lines input is an error.
    public var metadata: DocumentMetadata

    public init(format: Format = .auto, encoding: TextEncoding = .utf8, metadata: DocumentMetadata = DocumentMetadata()) {
        self.format = format
        self.encoding = encoding
        self.metadata = metadata
    }

    /// Whether any single-document metadata is set.
    public var hasMetadata: Bool {
        metadata.title != nil || metadata.published != nil || metadata.source != nil || metadata.url != nil
    }
}

/// Reads the documents of the CLI's inputs — `.txt` files (one document each), saved web pages
/// (`.html`, `.htm`, `.html.gz`: the main text with the page's title and publication date, see
/// ``HTMLPage``), `.jsonl` files and
/// standard input (JSON Lines, one document per line, or plain text, one document) — one at a
/// time, so memory stays bounded.
///
/// A bad document yields a ``CronistaError`` naming the file, line or byte offset, and reading
/// goes on with the next one: nothing else is lost.
public struct InputSource: DocumentSource {
    public typealias Item = SourceItem

    let paths: [String]
    let options: InputOptions
    var pathIndex = 0
    var reader: LineReader?
    var currentFile = ""
    var currentStem = ""

    /// - Parameter paths: files; empty or `-` means standard input (JSON Lines or plain text).
    public init(paths: [String], options: InputOptions = InputOptions()) {
        self.paths = paths.isEmpty ? ["-"] : Self.expandingDirectories(paths)
        self.options = options
    }

    /// The next document or failure, or `nil` when every input is read.
    public mutating func next() -> Item? {
        while true {
            if let reader {
                do {
                    guard let line = try reader.next() else {
                        self.reader = nil
                        continue
                    }
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    let n = reader.lineNumber
                    if options.hasMetadata {
                        return .failure(
                            CronistaError(
                                .invalidInput,
                                "--title, --published, --source and --url are for one plain-text document; JSON Lines records carry their own fields",
                                file: currentFile, line: n))
                    }
                    var bytes = Array(line)
                    if options.encoding != .utf8 {
                        // Transcoded before parsing: JSON itself is UTF-8.
                        guard let decoded = options.encoding.decode(bytes) else {
                            return .failure(
                                CronistaError(
                                    .invalidUTF8, "not valid \(options.encoding.name); \(options.encoding.hint(for: bytes))",
                                    file: currentFile,
                                    line: n, byteOffset: reader.lineOffset + (options.encoding.firstInvalidOffset(in: bytes) ?? 0)))
                        }
                        bytes = Array(decoded.utf8)
                    }
                    do {
                        let doc = try DocumentInput.parse(jsonLine: bytes, file: currentFile, line: n, defaultID: "\(currentStem)-\(n)")
                        return .document(doc)
                    } catch let e as CronistaError {
                        var e = e
                        if let off = e.byteOffset {
                            e.byteOffset = reader.lineOffset + off
                            if e.code == .invalidUTF8 { e.message += "; " + TextEncoding.utf8.hint(for: Array(line)) }
                        }
                        return .failure(e)
                    } catch {
                        return .failure(CronistaError(.invalidInput, "\(error)", file: currentFile, line: n))
                    }
                } catch {
                    self.reader = nil
                    return .failure(CronistaError(.unreadableFile, "read failed: \(error)", file: currentFile))
                }
            }
            guard pathIndex < paths.count else { return nil }
            let path = paths[pathIndex]
            pathIndex += 1
            if path == "-" {
                currentFile = "<stdin>"
                currentStem = "stdin"
                let stdin = LineReader(fileDescriptor: 0)
                var format = options.format
                if format == .auto {
                    // JSON Lines start with `{`; anything else is one plain-text document.
                    do {
                        format = try stdin.firstNonBlankByte() == UInt8(ascii: "{") ? .jsonl : .text
                    } catch {
                        return .failure(CronistaError(.unreadableFile, "read failed: \(error)", file: currentFile))
                    }
                }
                if format == .text {
                    do {
                        return textDocument(try stdin.readToEnd(), file: currentFile, id: currentStem)
                    } catch {
                        return .failure(CronistaError(.unreadableFile, "read failed: \(error)", file: currentFile))
                    }
                }
                reader = stdin
                continue
            }
            currentFile = path
            currentStem = Self.stem(path)
            if options.format == .auto, HTMLPage.isPage(path) {
                do {
                    return .document(try HTMLPage.read(path: path).document)
                } catch {
                    return .failure(error)
                }
            }
            let isJSONLines =
                options.format == .jsonl || (options.format == .auto && (path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")))
            if isJSONLines {
                let fd = open(path, O_RDONLY)
                if fd < 0 {
                    return .failure(CronistaError(.unreadableFile, "cannot open: \(String(cString: strerror(errno)))", file: path))
                }
                // Refuse binary files before parsing them line by line.
                var head = [UInt8](repeating: 0, count: 8192)
                let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 8192, 0) }
                if n > 0, UTF8Validation.looksBinary(head[0..<n]) {
                    close(fd)
                    return .failure(
                        CronistaError(
                            .binaryInput, "binary file refused (NUL byte found); expected JSON Lines text", file: path,
                            byteOffset: head[0..<n].firstIndex(of: 0)))
                }
                reader = LineReader(fileDescriptor: fd, ownsDescriptor: true)
                continue
            }
            return readText(path: path, stem: currentStem)
        }
    }

    /// The paths with each directory replaced by the saved pages in it (`.html`, `.htm`, `.html.gz`,
    /// sorted by name, not recursive); a directory without pages stays, and reads as an error.
    public static func expandingDirectories(_ paths: [String]) -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard p != "-", FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue,
                let names = try? FileManager.default.contentsOfDirectory(atPath: p)
            else {
                out.append(p)
                continue
            }
            let pages = names.filter(HTMLPage.isPage).sorted()
            let base = p.hasSuffix("/") ? String(p.dropLast()) : p
            if pages.isEmpty { out.append(p) } else { out += pages.map { base + "/" + $0 } }
        }
        return out
    }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    /// One plain-text document from a file.
    func readText(path: String, stem: String) -> Item {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                return .failure(CronistaError(.unreadableFile, "is a directory", file: path))
            }
            return .failure(CronistaError(.unreadableFile, "cannot read file (missing or unreadable)", file: path))
        }
        return textDocument([UInt8](data), file: path, id: stem)
    }

    /// One plain-text document from its bytes: checked, decoded in the chosen encoding, with the
    /// given metadata, and its headline as the title when none is given.
    func textDocument(_ bytes: [UInt8], file: String, id: String) -> Item {
        if UTF8Validation.looksBinary(bytes) {
            return .failure(
                CronistaError(
                    .binaryInput, "binary file refused (NUL byte found); expected UTF-8 text", file: file,
                    byteOffset: bytes.prefix(8192).firstIndex(of: 0)))
        }
        let encoding = options.encoding
        if let bad = encoding.firstInvalidOffset(in: bytes) {
            let what = encoding == .utf8 ? "invalid UTF-8" : "not valid \(encoding.name)"
            return .failure(CronistaError(.invalidUTF8, "\(what); \(encoding.hint(for: bytes))", file: file, byteOffset: bad))
        }
        if let nul = UTF8Validation.firstNUL(in: bytes) {
            return .failure(
                CronistaError(.invalidInput, "the text contains a NUL character (U+0000); remove it", file: file, byteOffset: nul))
        }
        // The text is kept exactly as given (a byte-order mark included): offsets point into it.
        guard let text = encoding.decode(bytes) else {
            return .failure(CronistaError(.invalidUTF8, "not valid \(encoding.name)", file: file))
        }
        var metadata = options.metadata
        if metadata.title == nil { metadata.title = Headline.title(of: text) }
        return .document(DocumentInput(id: id, text: text, metadata: metadata, origin: file))
    }
}

extension InputSource {
    /// The total size of the input files, when every input is a regular file.
    public var totalBytes: Int? { Self.totalBytes(of: paths) }

    /// The total size of the input files in bytes, when every input is a regular file (for an ETA).
    public static func totalBytes(of paths: [String]) -> Int? {
        guard !paths.isEmpty, !paths.contains("-") else { return nil }
        var total = 0
        for p in paths {
            guard let attrs = try? FileManager.default.attributesOfItem(atPath: p), let size = attrs[.size] as? NSNumber else { return nil }
            total += size.intValue
        }
        return total
    }
}
