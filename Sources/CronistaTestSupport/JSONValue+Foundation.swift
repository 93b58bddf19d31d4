public import CronistaCore
import Foundation

extension JSONValue {
    /// The value as Foundation objects (`[String: Any]`, `[Any]`, `String`, `Int` or `Double`,
    /// `Bool`, `NSNull`), for tests that inspect output. Read with the project's own RFC 8259
    /// reader, not `JSONSerialization`, which drops U+FEFF inside strings and so would hide or
    /// invent offset-contract failures.
    public var foundationObject: Any {
        switch self {
        case .null: NSNull()
        case .bool(let b): b
        case .number(let literal):
            if let i = Int(literal) { i } else { Double(literal) ?? 0 }
        case .string(let s): s
        case .array(let a): a.map(\.foundationObject)
        case .object(let o): o.mapValues(\.foundationObject)
        }
    }

    /// One JSON text parsed into Foundation objects, or nil when it is not valid JSON.
    public static func foundationObject(from text: some StringProtocol) -> Any? {
        (try? JSONValue.parse(Array(text.utf8)))?.foundationObject
    }
}
