import Synchronization

extension LanguagePack {
    /// A pack's NER model, parsed on first use: an engine that never meets a document of the pack's
    /// language never reads (nor pages in) its model, which is most of the pack's memory and start-up
    /// time. Thread-safe; the loader runs at most once, and its error, if any, is kept and thrown to
    /// every later caller.
    package final class LazyNERModel: Sendable {
        private enum State {
            case pending(@Sendable () throws -> NERModel)
            case loaded(NERModel)
            case failed(any Error)
        }
        private let state: Mutex<State>

        /// A model that `load` will read the first time it is asked for.
        package init(load: @escaping @Sendable () throws -> NERModel) { state = Mutex(.pending(load)) }

        /// A model that is already loaded.
        package init(_ model: NERModel) { state = Mutex(.loaded(model)) }

        /// The model, loading it on the first call.
        package func model() throws -> NERModel {
            try state.withLock { s in
                switch s {
                case .loaded(let m): return m
                case .failed(let e): throw e
                case .pending(let load):
                    do {
                        let m = try load()
                        s = .loaded(m)
                        return m
                    } catch {
                        s = .failed(error)
                        throw error
                    }
                }
            }
        }

        /// Whether the model has been loaded (for tests and diagnostics).
        package var isLoaded: Bool {
            state.withLock { s in
                if case .loaded = s { return true }
                return false
            }
        }
    }
}
