import CronistaCore
import CronistaNLP
import FuzzSupport

/// The tokenizer, the sentence splitter and language identification on any text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextLayer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzContract.text(data, size)
    guard let doc = try? FuzzEngines.textLayer.analyze(id: "fuzz", text: text) else { fatalError("the text layer threw") }
    FuzzContract.checkInvariants(doc)
    FuzzContract.checkOutput(doc)
    return 0
}
