extension KnowledgeBase {
    /// The knowledge base shipped with the library, by its path under `Resources`.
    public static let bundledResource = ResourceFiles.Path.knowledgeBase

    /// Loads the bundled knowledge base (embedded, or `$CRONISTA_RESOURCES/KB/entities.jsonl`)
    /// plus optional user files in the same format.
    public static func loadBundled(extraPaths: [String] = []) throws -> KnowledgeBase {
        let bytes = try NLPResources.bytes(bundledResource)
        let entities = try parseLines(bytes.assumingMemoryBound(to: UInt8.self), path: bundledResource)
        return try merging(entities, extraPaths: extraPaths)
    }
}
