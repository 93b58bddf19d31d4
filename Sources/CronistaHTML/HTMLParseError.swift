/// Why a page was not parsed: a limit was exceeded. `offset` is the byte offset in the decoded input
/// where the parser stopped (for `inputTooLarge`, the input's size).
public struct HTMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Limit: String, Sendable {
        case inputSize = "input size"
        case nestingDepth = "nesting depth"
        case nodeCount = "node count"
    }
    public var limit: Limit
    /// The limit's value.
    public var maximum: Int
    /// Byte offset in the (decoded, UTF-8) input where the limit was met.
    public var offset: Int

    public init(limit: Limit, maximum: Int, offset: Int) {
        self.limit = limit
        self.maximum = maximum
        self.offset = offset
    }

    public var description: String {
        "HTML \(limit.rawValue) limit of \(maximum) exceeded at byte \(offset)"
    }
}
