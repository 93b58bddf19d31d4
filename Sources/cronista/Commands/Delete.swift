import ArgumentParser
import CronistaStorage

struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete stored documents, with their entities, quotes and full-text rows.",
        discussion: """
            Each document goes with everything derived from it, in one transaction. An id that is not \
            in the store is reported on standard error and makes the exit status 1; the others are \
            still deleted. To correct an article, `cronista ingest --replace` stores the new text in \
            place of the old one instead.
            """
    )

    @Argument(help: "The ids of the documents to delete.")
    var ids: [String]

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one document id") }
    }

    func run() async throws {
        let s = try await store.openExisting()
        let deleted: [String]
        do {
            deleted = try await s.delete(ids: ids)
        } catch {
            try? await s.close()
            throw error
        }
        try await s.close()
        let gone = Set(deleted)
        for id in ids where !gone.contains(id) { printError("cronista: no document '\(id)' in the store") }
        printError("cronista: \(counted(deleted.count, "document")) deleted")
        if deleted.count < Set(ids).count { throw ExitCode(1) }
    }
}
