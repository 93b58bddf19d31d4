public import CronistaCore
import CronistaHTML
import CZlib
import Foundation

/// A saved web page (`.html`, `.htm` or gzip-compressed `.html.gz`) read as one input document: its
/// main text (paragraphs separated by a blank line), and its title, publication date, URL and language
/// from the page's metadata.
public struct HTMLPage: Sendable {
    public var document: DocumentInput
    public var author: String?
    public var siteName: String?
    /// What was read but not cleanly: invalid byte sequences in the page's encoding.
    public var warnings: [String] = []

    /// Whether a path names a page this reader takes.
    public static func isPage(_ path: String) -> Bool {
        let p = path.lowercased()
        return p.hasSuffix(".html") || p.hasSuffix(".htm") || p.hasSuffix(".html.gz") || p.hasSuffix(".htm.gz")
    }

    /// The file name without its directory and without `.html`/`.htm` and `.gz`.
    public static func id(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".gz", ".html", ".htm"] where name.lowercased().hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// Reads, decompresses, parses and extracts one page.
    public static func read(path: String) throws(CronistaError) -> HTMLPage {
        // A page over the size limit is refused before it is read into memory.
        let limit = HTMLParseLimits().maxInputBytes
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw CronistaError(.invalidInput, "page of \(size) bytes is over the \(limit >> 20) MB limit for one page", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw CronistaError(.unreadableFile, "is a directory", file: path)
            }
            throw CronistaError(.unreadableFile, "cannot read file (missing or unreadable)", file: path)
        }
        var bytes = [UInt8](data)
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            bytes = try gunzip(bytes, file: path)
        }
        return try page(bytes: bytes, id: id(of: path), origin: path)
    }

    /// One page from its (uncompressed) bytes.
    public static func page(bytes: [UInt8], id: String, origin: String, url: String? = nil) throws(CronistaError) -> HTMLPage {
        if let kind = HTMLEncodingSniffer.binaryData(bytes) {
            throw CronistaError(.binaryInput, "binary data (\(kind)), not an HTML page", file: origin)
        }
        let doc: HTMLDocument
        do {
            doc = try HTMLParser().parse(bytes: bytes)
        } catch {
            throw CronistaError(.invalidInput, "not a readable HTML page: \(error)", file: origin)
        }
        let text = MainTextExtractor().extract(doc).paragraphs.joined(separator: "\n\n")
        let meta = MetadataExtractor().extract(doc, url: url)
        if text.isEmpty { throw CronistaError(.invalidInput, "no article text found in the page", file: origin) }
        let language = meta.language.map { String($0.prefix(while: { $0 != "-" && $0 != "_" })) }
        let metadata = DocumentMetadata(
            title: meta.title, published: meta.published, source: meta.siteName, url: url ?? meta.canonicalURL,
            declaredLanguage: language?.count == 2 ? language : nil)
        var page = HTMLPage(
            document: DocumentInput(id: id, text: text, metadata: metadata, origin: origin), author: meta.author, siteName: meta.siteName)
        if doc.invalidByteSequences > 0 {
            page.warnings.append("\(doc.invalidByteSequences) invalid byte sequences in \(doc.encoding.rawValue) read as U+FFFD")
        }
        return page
    }

    /// Inflates gzip data with zlib.
    static func gunzip(_ input: [UInt8], file: String) throws(CronistaError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CronistaError(.unreadableFile, "cannot start gzip decompression", file: file)
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                }
            } while status == Z_OK && output.count < HTMLParseLimits().maxInputBytes
        }
        if status == Z_OK, output.count >= HTMLParseLimits().maxInputBytes {
            throw CronistaError(
                .invalidInput, "page is over the \(HTMLParseLimits().maxInputBytes >> 20) MB limit for one page once decompressed",
                file: file)
        }
        guard status == Z_STREAM_END else {
            throw CronistaError(.unreadableFile, "bad gzip data (zlib status \(status))", file: file, byteOffset: Int(stream.total_in))
        }
        return output
    }
}
