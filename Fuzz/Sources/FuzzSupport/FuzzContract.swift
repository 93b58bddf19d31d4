public import CronistaCore
public import CronistaNLP

/// What every fuzz target checks on its output: the document's structural invariants and the
/// output contract's offsets (code points into the original text, `text` equal to its slice).
/// A broken check ends the process with a message, which libFuzzer records as a crash.
public enum FuzzContract {
    /// The fuzzer's bytes as a document text: as they are when they are UTF-8, else decoded with
    /// replacement characters (the input readers refuse invalid UTF-8 before analysis).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        let bytes = UnsafeBufferPointer(start: data, count: size)
        return String(validating: bytes, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// Both checks every target makes on its document: ``checkInvariants(_:)`` and ``checkOutput(_:)``.
    public static func check(_ document: Document) {
        checkInvariants(document)
        checkOutput(document)
    }

    /// Fails when a layer of `document` breaks an invariant.
    public static func checkInvariants(_ document: Document) {
        let violations = document.invariantViolations()
        if let first = violations.first {
            fatalError("invariant broken (\(violations.count) in all): \(first)")
        }
    }

    /// Fails when the contract's JSON for `document` has a span outside the text, or a `text`
    /// that is not the text's slice at its offsets, or is not valid JSON.
    public static func checkOutput(_ document: Document) {
        let json = document.analysisJSON()
        let value: JSONValue
        do { value = try JSONValue.parse(json) } catch { fatalError("output is not valid JSON: \(error)") }
        guard value["text"] == nil || value["text"]?.stringValue != nil else { fatalError("text is not a string") }
        let scalars = Array(document.text.unicodeScalars)
        var problems: [String] = []
        visit(value, path: "$", scalars: scalars, problems: &problems)
        if let first = problems.first { fatalError("offset contract broken (\(problems.count) in all): \(first)") }
    }

    static func visit(_ value: JSONValue, path: String, scalars: [Unicode.Scalar], problems: inout [String]) {
        switch value {
        case .object(let members):
            if let s = members["start"]?.numberLiteral.flatMap({ Int($0) }), let e = members["end"]?.numberLiteral.flatMap({ Int($0) }) {
                if !(0 <= s && s <= e && e <= scalars.count) {
                    problems.append("\(path): [\(s),\(e)) outside a text of \(scalars.count) code points")
                } else if let t = members["text"]?.stringValue {
                    var slice = String.UnicodeScalarView()
                    slice.append(contentsOf: scalars[s..<e])
                    if String(slice).unicodeScalars.elementsEqual(t.unicodeScalars) == false {
                        problems.append(
                            "\(path): text[\(s):\(e)] is \(String(slice).debugDescription), the span says \(t.debugDescription)")
                    }
                }
            }
            for (k, v) in members { visit(v, path: path + "." + k, scalars: scalars, problems: &problems) }
        case .array(let elements):
            for (i, v) in elements.enumerated() { visit(v, path: path + "[\(i)]", scalars: scalars, problems: &problems) }
        default:
            break
        }
    }
}
