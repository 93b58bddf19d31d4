public import CronistaCore
import Foundation

extension DocumentInput {
    /// Parses one JSON Lines record of the input contract: `id`, `text`, optional `title`,
    /// `published`, `source`, `url`, `language`.
    ///
    /// - Throws: ``CronistaError`` naming `file:line` when the line is not JSON, not an object, or
    ///   has no string `text`.
    public static func parse(jsonLine line: some Collection<UInt8>, file: String, line lineNumber: Int, defaultID: String) throws
        -> DocumentInput
    {
        let bytes = Array(line)
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw CronistaError(.invalidUTF8, "invalid UTF-8 in line", file: file, line: lineNumber, byteOffset: bad)
        }
        let object: JSONValue
        do {
            object = try JSONValue.parse(bytes)
        } catch {
            throw CronistaError(
                .malformedJSON, "not a JSON object: \(error.message)", file: file, line: lineNumber, byteOffset: error.byteOffset)
        }
        guard case .object = object else {
            throw CronistaError(.malformedJSON, "expected a JSON object, found \(object.typeDescription)", file: file, line: lineNumber)
        }
        guard let text = object["text"]?.stringValue else {
            let why = object["text"].map { "\"text\" is \($0.typeDescription), not a string" } ?? "has no \"text\" field"
            throw CronistaError(.missingField, "document \(why)", file: file, line: lineNumber)
        }
        if text.utf8.contains(0) {
            let at =
                text.unicodeScalars.firstIndex(of: "\u{0}").map {
                    text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0)
                } ?? 0
            throw CronistaError(
                .invalidInput, "\"text\" contains a NUL character (U+0000) at code point \(at); remove it", file: file, line: lineNumber)
        }
        var id = defaultID
        if let s = object["id"]?.stringValue, !s.isEmpty { id = s } else if let n = object["id"]?.numberLiteral { id = n }
        func str(_ k: String) -> String? { object[k]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        let meta = DocumentMetadata(
            title: str("title"), published: str("published"), source: str("source"), url: str("url"), declaredLanguage: str("language"))
        return DocumentInput(id: id, text: text, metadata: meta, origin: "\(file):\(lineNumber)")
    }
}
