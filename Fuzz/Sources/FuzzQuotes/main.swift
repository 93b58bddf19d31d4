import CronistaCore
import CronistaNLP
import FuzzSupport
#if canImport(Glibc)
    import Glibc
#endif

/// Quote extraction (mark pairing, cues, speakers) on any text, read as Italian so that the
/// Italian rules always run; the input is prefixed with a reporting clause half the time so the
/// speaker search has work to do.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzQuotes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var text = FuzzContract.text(data, size)
    if size > 0 && data[0] & 1 == 1 { text = "Il ministro Mario Rossi ha detto: " + text }
    let meta = DocumentMetadata(declaredLanguage: "it")
    guard let doc = try? FuzzEngines.engine.analyze(DocumentInput(id: "fuzz", text: text, metadata: meta, origin: "fuzz")) else {
        fatalError("the engine threw")
    }
    FuzzContract.check(doc)
    return 0
}

exit(FuzzDriver.run(fuzzQuotes))
