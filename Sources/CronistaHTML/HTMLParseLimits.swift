/// Caps on what one page may cost.
public struct HTMLParseLimits: Sendable {
    /// Largest input in bytes (before decoding).
    public var maxInputBytes: Int
    /// Deepest stack of open elements.
    public var maxDepth: Int
    /// Most nodes in the tree.
    public var maxNodes: Int

    public init(maxInputBytes: Int = 64 << 20, maxDepth: Int = 1024, maxNodes: Int = 4_000_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }
}
