import Foundation
import Testing
@testable import CronistaServer

@Suite("JSON log lines")
struct JSONLogHandlerTests {
    /// Log fields are JSON string literals that any JSON reader turns back into the original text,
    /// quotes, backslashes, control characters and non-ASCII included.
    @Test(arguments: ["plain", "a \"quoted\" \\ path", "line\nbreak\ttab\r", "\u{1}\u{1F}", "Sèjournè «così» 🙂", ""])
    func quotedRoundTrips(_ s: String) throws {
        let literal = JSONLogHandler.quoted(s)
        #expect(literal.hasPrefix("\"") && literal.hasSuffix("\""))
        let back = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
        #expect(back == s)
    }
}
