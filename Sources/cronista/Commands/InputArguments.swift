import ArgumentParser
import CronistaCore
import CronistaIngest

/// `--format`: ``InputOptions/Format`` as an argument.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case auto, text, jsonl

    var format: InputOptions.Format { InputOptions.Format(rawValue: rawValue) ?? .auto }
}

/// The options `analyze` and `ingest` share to read their inputs: format, encoding, and the
/// metadata of a single plain-text document.
struct InputArguments: ParsableArguments {
    @Option(
        help: """
            auto, text or jsonl. auto: a .jsonl/.ndjson file is JSON Lines and any other file one \
            plain-text document; standard input is JSON Lines when its first non-blank character is '{', \
            else one plain-text document (id 'stdin').
            """)
    var format: InputFormat = .auto

    @Option(help: "The input's encoding: \(TextEncoding.acceptedNames).")
    var encoding: String = "utf-8"

    @Option(help: "Title of a single plain-text document (default: its first line when that is clearly a headline).")
    var title: String?

    @Option(help: "Publication date of a single plain-text document: ISO 8601 date (YYYY-MM-DD) or date-time.")
    var published: String?

    @Option(help: "Source (publisher) of a single plain-text document.")
    var source: String?

    @Option(help: "URL of a single plain-text document.")
    var url: String?

    /// Checks the options against the inputs: metadata is for one plain-text document only.
    func validate(files: [String]) throws {
        guard TextEncoding(name: encoding) != nil else {
            throw ValidationError("--encoding: '\(encoding)' is not one of \(TextEncoding.acceptedNames)")
        }
        if let published, PublicationDate.normalised(published) == nil {
            throw ValidationError("--published: '\(published)' is not \(PublicationDate.expectedForm)")
        }
        let given = [("--title", title), ("--published", published), ("--source", source), ("--url", url)].filter { $0.1 != nil }.map(\.0)
        guard let option = given.first else { return }
        if files.count > 1 {
            throw ValidationError(
                "\(option) is for a single document; \(files.count) inputs were given (use JSON Lines with a field per document)")
        }
        if format == .jsonl || (format == .auto && files.first.map { $0.hasSuffix(".jsonl") || $0.hasSuffix(".ndjson") } == true) {
            throw ValidationError(
                "\(option) is for one plain-text document; JSON Lines records carry their own \"\(option.dropFirst(2))\" field")
        }
    }

    func options() -> InputOptions {
        InputOptions(
            format: format.format, encoding: TextEncoding(name: encoding) ?? .utf8,
            metadata: DocumentMetadata(title: title, published: published.flatMap(PublicationDate.normalised), source: source, url: url))
    }
}
