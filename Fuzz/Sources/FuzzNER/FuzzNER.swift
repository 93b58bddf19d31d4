import CronistaCore
import CronistaNLP
import FuzzSupport

/// The NER tagger (features, both stages, the Viterbi decoder) on any text, read as Italian.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNER(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzContract.text(data, size)
    let meta = DocumentMetadata(declaredLanguage: "it")
    guard let doc = try? FuzzEngines.ner.analyze(id: "fuzz", text: text, metadata: meta) else { fatalError("NER threw") }
    FuzzContract.checkInvariants(doc)
    FuzzContract.checkOutput(doc)
    return 0
}
