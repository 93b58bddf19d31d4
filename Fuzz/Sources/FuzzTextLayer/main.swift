import CronistaCore
import CronistaNLP
import FuzzSupport
#if canImport(Glibc)
    import Glibc
#endif

/// The tokenizer, the sentence splitter and language identification on any text.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTextLayer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = FuzzContract.text(data, size)
    guard let doc = try? FuzzEngines.textLayer.analyze(id: "fuzz", text: text) else { fatalError("the text layer threw") }
    FuzzContract.check(doc)
    return 0
}

exit(FuzzDriver.run(fuzzTextLayer))
