/// A JSON value as RFC 8259 defines it, read by ``JSONValue/parse(_:maxDepth:)``.
///
/// Strings are kept exactly as the input spells them once escapes are resolved: no character is
/// dropped or normalised (U+FEFF, U+200B and lone combining marks stay), so offsets computed on a
/// string read here match the producer's. Numbers keep their literal text (`12`, `1.5e3`), so an
/// id written as a number round-trips as the same digits.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, already checked against the RFC 8259 grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members by key; a key that appears twice is refused by the reader, so none is lost silently.
    case object([String: JSONValue])

    /// The member `key` of an object, or nil (also for non-objects).
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, or nil when this is not a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number's literal text, or nil when this is not a number.
    public var numberLiteral: String? {
        if case .number(let s) = self { return s }
        return nil
    }

    /// The name of the value's JSON type, for messages (`a string`, `an object`, …).
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Why a JSON text was refused, and where: the byte offset into the text that was parsed.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Byte offset (from 0) of the first byte that made the text invalid.
    public var byteOffset: Int

    public init(_ message: String, at byteOffset: Int) {
        self.message = message
        self.byteOffset = byteOffset
    }

    public var description: String { "\(message) (at byte \(byteOffset))" }
}
