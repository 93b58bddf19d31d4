import Foundation

extension KnowledgeBase {
    /// The knowledge base shipped with the library (`Resources/KB/entities.jsonl`), if the bundle has it.
    public static var bundledPath: String? {
        try? ResourceFiles.url(ResourceFiles.Path.knowledgeBase).path
    }

    /// Loads the bundled knowledge base plus optional user files in the same format.
    public static func loadBundled(extraPaths: [String] = []) throws -> KnowledgeBase {
        guard let p = bundledPath else {
            throw KnowledgeBaseError(path: "Resources/KB/entities.jsonl", line: 0, problem: "not found in the CronistaNLP bundle")
        }
        return try load(path: p, extraPaths: extraPaths)
    }
}
