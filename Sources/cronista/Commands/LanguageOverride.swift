import CronistaCore
import CronistaIngest

/// `--language`: every document of a source is read as written in one language, whatever the
/// identifier (or a record's `"language"` field) would say.
struct LanguageOverride<Base: DocumentSource>: DocumentSource {
    var base: Base
    /// The language code to declare; nil passes the documents through unchanged.
    let language: String?

    mutating func next() -> SourceItem? {
        guard let item = base.next() else { return nil }
        guard let language, case .document(var d) = item else { return item }
        d.metadata.declaredLanguage = language
        return .document(d)
    }

    var totalBytes: Int? { base.totalBytes }
}
