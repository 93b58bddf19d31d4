import CronistaCore
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the documents of the CLI's inputs — `.txt` files (one document each), `.jsonl` files and
/// standard input (one document per line) — one at a time, so memory stays bounded.
///
/// A bad document yields a ``CronistaError`` naming the file, line or byte offset, and reading
/// goes on with the next one: nothing else is lost.
public struct InputSource: DocumentSource {
    public typealias Item = SourceItem

    let paths: [String]
    var pathIndex = 0
    var reader: LineReader?
    var currentFile = ""
    var currentStem = ""

    /// - Parameter paths: files; empty or `-` means standard input (JSON Lines).
    public init(paths: [String]) {
        self.paths = paths.isEmpty ? ["-"] : paths
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
                    do {
                        let doc = try DocumentInput.parse(jsonLine: line, file: currentFile, line: n, defaultID: "\(currentStem)-\(n)")
                        return .document(doc)
                    } catch let e as CronistaError {
                        var e = e
                        if let off = e.byteOffset { e.byteOffset = reader.lineOffset + off }
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
                reader = LineReader(fileDescriptor: 0)
                continue
            }
            currentFile = path
            currentStem = Self.stem(path)
            if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
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
            return Self.readText(path: path, stem: currentStem)
        }
    }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    /// One plain-text document from a file.
    static func readText(path: String, stem: String) -> Item {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                return .failure(CronistaError(.unreadableFile, "is a directory", file: path))
            }
            return .failure(CronistaError(.unreadableFile, "cannot read file (missing or unreadable)", file: path))
        }
        let bytes = [UInt8](data)
        if UTF8Validation.looksBinary(bytes) {
            return .failure(
                CronistaError(
                    .binaryInput, "binary file refused (NUL byte found); expected UTF-8 text", file: path,
                    byteOffset: bytes.prefix(8192).firstIndex(of: 0)))
        }
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            return .failure(CronistaError(.invalidUTF8, "invalid UTF-8", file: path, byteOffset: bad))
        }
        if let nul = UTF8Validation.firstNUL(in: bytes) {
            return .failure(
                CronistaError(.invalidInput, "the text contains a NUL character (U+0000); remove it", file: path, byteOffset: nul))
        }
        // The text is kept exactly as given (a byte-order mark included): offsets point into it.
        let text = String(decoding: bytes, as: UTF8.self)
        return .document(DocumentInput(id: stem, text: text, origin: path))
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
