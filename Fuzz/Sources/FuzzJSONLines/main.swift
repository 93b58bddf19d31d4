import CronistaCore
import CronistaIngest
import CronistaNLP
import FuzzSupport
#if canImport(Glibc)
    import Glibc
#endif

/// The JSON Lines reader: any bytes, split into lines, each parsed as an input record. A record
/// that is accepted must round-trip: its text, written by the output's JSON writer and read back,
/// is the same string scalar for scalar (no character dropped, as U+FEFF once was).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var line = 0
    for record in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        line += 1
        guard let input = try? DocumentInput.parse(jsonLine: record, file: "fuzz", line: line, defaultID: "d\(line)") else { continue }
        var w = JSONWriter(capacity: input.text.utf8.count + 16)
        w.beginObject()
        w.key("text")
        w.string(input.text)
        w.endObject()
        guard let back = try? JSONValue.parse(w.bytes)["text"]?.stringValue else { fatalError("the writer's JSON does not read back") }
        if !back.unicodeScalars.elementsEqual(input.text.unicodeScalars) { fatalError("text changed in a round trip") }
    }
    return 0
}

exit(FuzzDriver.run(fuzzJSONLines))
