/// Writes one JSON object of a KB file (`entities.jsonl`) into a string, field by field, with
/// commas and escapes handled: the KB's own writer, for `kb build` and `kb add`.
struct KBLineWriter {
    var text = ""
    /// Whether the object being written has no field yet (one flag per open object).
    private var fresh: [Bool] = []

    mutating func open() {
        text.append("{")
        fresh.append(true)
    }

    mutating func close() {
        text.append("}")
        fresh.removeLast()
    }

    mutating func key(_ k: String) {
        if fresh.last == false { text.append(",") }
        if !fresh.isEmpty { fresh[fresh.count - 1] = false }
        string(k)
        text.append(":")
    }

    mutating func field(_ k: String, _ v: String) {
        key(k)
        string(v)
    }

    mutating func field(_ k: String, _ v: Int) {
        key(k)
        text.append(String(v))
    }

    mutating func field(_ k: String, _ v: [String]) {
        key(k)
        text.append("[")
        for (i, s) in v.enumerated() {
            if i > 0 { text.append(",") }
            string(s)
        }
        text.append("]")
    }

    mutating func stringOrNull(_ s: String?) {
        if let s { string(s) } else { text.append("null") }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    mutating func string(_ s: String) {
        text.append("\"")
        var needsEscape = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            text.append(s)
        } else {
            for u in s.unicodeScalars {
                switch u {
                case "\"": text.append("\\\"")
                case "\\": text.append("\\\\")
                case "\n": text.append("\\n")
                case "\t": text.append("\\t")
                case "\r": text.append("\\r")
                default:
                    if u.value < 0x20 {
                        let hex = String(u.value, radix: 16)
                        text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                    } else {
                        text.unicodeScalars.append(u)
                    }
                }
            }
        }
        text.append("\"")
    }
}
