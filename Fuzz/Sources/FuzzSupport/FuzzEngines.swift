public import CronistaNLP

/// The engine and model the targets share, loaded once per process (libFuzzer calls a target
/// millions of times).
public enum FuzzEngines {
    /// The standard pipeline with the embedded model, knowledge base and lexicons.
    public static let engine: Engine = {
        do { return try Engine() } catch { fatalError("cannot build the engine: \(error)") }
    }()

    /// Tokens, sentences and the language only.
    public static let textLayer: Pipeline = {
        do { return try Pipeline([TextLayerComponent()]) } catch { fatalError("\(error)") }
    }()

    /// Tokens, sentences and named mentions (the NER tagger).
    public static let ner: Pipeline = {
        do { return try Pipeline([TextLayerComponent(), NameMentionComponent(model: try NERModel.load())]) } catch {
            fatalError("\(error)")
        }
    }()
}
