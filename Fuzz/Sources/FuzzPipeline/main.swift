import CronistaCore
import CronistaIngest
import CronistaNLP
import FuzzSupport
#if canImport(Glibc)
    import Glibc
#endif

/// The whole engine as `cronista analyze` runs it: JSON Lines in, the contract's JSON out, with
/// the language identified from the text.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let input: DocumentInput
    if let parsed = try? DocumentInput.parse(jsonLine: bytes, file: "fuzz", line: 1, defaultID: "fuzz") {
        input = parsed
    } else {
        input = DocumentInput(id: "fuzz", text: FuzzContract.text(data, size), origin: "fuzz")
    }
    guard let doc = try? FuzzEngines.engine.analyze(input) else { fatalError("the engine threw") }
    FuzzContract.check(doc)
    return 0
}

exit(FuzzDriver.run(fuzzPipeline))
