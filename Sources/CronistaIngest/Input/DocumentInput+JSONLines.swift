public import CronistaCore
import Foundation

extension DocumentInput {
    /// Parses one JSON Lines record of the input contract: `id`, `text`, optional `title`,
    /// `published`, `source`, `url`, `language`.
    ///
    /// - Throws: ``CronistaError`` naming `file:line` when the line is not JSON, not an object, or
    ///   has no string `text`.
    public static func parse(jsonLine line: some Collection<UInt8>, file: String, line lineNumber: Int, defaultID: String) throws -> DocumentInput {
        let bytes = Array(line)
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw CronistaError(.invalidUTF8, "invalid UTF-8 in line", file: file, line: lineNumber, byteOffset: bad)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw CronistaError(.malformedJSON, "not a JSON object: \(Self.describe(error))", file: file, line: lineNumber)
        }
        guard let dict = object as? [String: Any] else {
            throw CronistaError(.malformedJSON, "expected a JSON object, found \(type(of: object))", file: file, line: lineNumber)
        }
        guard let text = dict["text"] as? String else {
            let why = dict["text"] == nil ? "has no \"text\" field" : "\"text\" is not a string"
            throw CronistaError(.missingField, "document \(why)", file: file, line: lineNumber)
        }
        var id = defaultID
        if let s = dict["id"] as? String, !s.isEmpty { id = s }
        else if let n = dict["id"] as? NSNumber { id = n.stringValue }
        func str(_ k: String) -> String? { (dict[k] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        let meta = DocumentMetadata(title: str("title"), published: str("published"), source: str("source"), url: str("url"), declaredLanguage: str("language"))
        return DocumentInput(id: id, text: text, metadata: meta, origin: "\(file):\(lineNumber)")
    }

    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let d = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return d }
        return ns.localizedDescription
    }
}
