import CronistaCore
import CronistaNLP
import FuzzSupport
#if canImport(Glibc)
    import Glibc
#endif

/// The NER tagger (features, both stages, the Viterbi decoder) on any text, read as Italian.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzNER(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = FuzzContract.text(data, size)
    let meta = DocumentMetadata(declaredLanguage: "it")
    guard let doc = try? FuzzEngines.ner.analyze(id: "fuzz", text: text, metadata: meta) else { fatalError("NER threw") }
    FuzzContract.check(doc)
    return 0
}

exit(FuzzDriver.run(fuzzNER))
