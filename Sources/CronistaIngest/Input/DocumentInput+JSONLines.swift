public import CronistaCore
import Foundation

extension DocumentInput {
    /// Parses one JSON Lines record of the input contract: `id`, `text`, optional `title`,
    /// `published`, `source`, `url`, `language`.
    ///
    /// `published` must be an ISO 8601 date or date-time (``PublicationDate``); a date-time is kept
    /// as its date.
    ///
    /// - Throws: ``CronistaError`` naming `file:line` when the line is not JSON, not an object, has
    ///   no string `text`, or a `published` that is not a date.
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
        // The id, when the record has a usable one, goes with every later error about it.
        let knownID = object["id"].flatMap { v in v.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? v.numberLiteral }
        guard let text = object["text"]?.stringValue else {
            let why = object["text"].map { "\"text\" is \($0.typeDescription), not a string" } ?? "has no \"text\" field"
            throw CronistaError(.missingField, "document \(why)", file: file, line: lineNumber, documentID: knownID)
        }
        if text.utf8.contains(0) {
            let at =
                text.unicodeScalars.firstIndex(of: "\u{0}").map {
                    text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0)
                } ?? 0
            throw CronistaError(
                .invalidInput, "\"text\" contains a NUL character (U+0000) at code point \(at); remove it", file: file, line: lineNumber,
                documentID: knownID)
        }
        // The id is absent, null, a string or a number: another type is an error, never silently
        // replaced (an object as the id would store the document under a made-up one).
        for key in ["id"] {
            guard let v = object[key] else { continue }
            if case .null = v { continue }
            if let s = v.stringValue, !s.isEmpty { continue }
            if key == "id" && v.numberLiteral != nil { continue }
            throw CronistaError(
                .invalidInput,
                "\"\(key)\" is \(v.stringValue != nil ? "an empty string" : v.typeDescription), not a string\(key == "id" ? " or a number" : "")",
                file: file,
                line: lineNumber)
        }
        var id = defaultID
        if let s = object["id"]?.stringValue, !s.isEmpty { id = s } else if let n = object["id"]?.numberLiteral { id = n }
        func str(_ k: String) -> String? { object[k]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        var published = str("published")
        if let p = published {
            // Compared as dates by every search: never kept as a free string ("ieri", "1 marzo 2025").
            guard let date = PublicationDate.normalised(p) else {
                throw CronistaError(
                    .invalidDate, "\"published\": '\(p)' is not \(PublicationDate.expectedForm)", file: file, line: lineNumber,
                    documentID: id)
            }
            published = date
        }
        let meta = DocumentMetadata(
            title: str("title"), published: published, source: str("source"), url: str("url"), declaredLanguage: str("language"))
        return DocumentInput(id: id, text: text, metadata: meta, origin: "\(file):\(lineNumber)")
    }
}
