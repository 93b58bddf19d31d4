import Foundation

/// The offset contract of `spec/analysis-format.md`, checked on parsed output: every span lies
/// inside the text and, where it carries `text`, `text[start:end]` (in code points) equals it;
/// sentences are ordered and do not overlap; each quote's `about` names entities of the document.
public enum OffsetContract {
    /// Every problem found in one output object for the given original text; empty when it holds.
    public static func violations(in output: [String: Any], text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var problems: [String] = []
        func visit(_ value: Any, _ path: String) {
            if let d = value as? [String: Any] {
                if let s = d["start"] as? Int, let e = d["end"] as? Int {
                    if !(0 <= s && s <= e && e <= scalars.count) {
                        problems.append("\(path): [\(s),\(e)) outside text of \(scalars.count) code points")
                    } else if let t = d["text"] as? String {
                        var sub = String.UnicodeScalarView()
                        sub.append(contentsOf: scalars[s..<e])
                        if String(sub) != t {
                            problems.append(
                                "\(path): text[\(s):\(e)] = \(String(sub).prefix(40).debugDescription) but span says \(t.prefix(40).debugDescription)"
                            )
                        }
                    }
                }
                for (k, v) in d { visit(v, "\(path).\(k)") }
            } else if let a = value as? [Any] {
                for (i, v) in a.enumerated() { visit(v, "\(path)[\(i)]") }
            }
        }
        visit(output, (output["id"] as? String) ?? "?")
        for key in ["sentences", "entities", "quotes", "events"] where !(output[key] is [Any]) {
            problems.append("missing list \(key)")
        }
        // A quote is about entities of its own document, each once.
        let entityIDs = Set(((output["entities"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        for (i, q) in ((output["quotes"] as? [[String: Any]]) ?? []).enumerated() {
            guard let about = q["about"] as? [String] else {
                problems.append("quotes[\(i)]: no about list")
                continue
            }
            for id in about where !entityIDs.contains(id) { problems.append("quotes[\(i)].about: \(id) is no entity of the document") }
            if Set(about).count != about.count { problems.append("quotes[\(i)].about: an entity twice") }
        }
        var prev = 0
        for (i, s) in ((output["sentences"] as? [[String: Any]]) ?? []).enumerated() {
            let a = s["start"] as? Int ?? -1, b = s["end"] as? Int ?? -1
            if a < prev { problems.append("sentences[\(i)] starts at \(a), before the previous end \(prev)") }
            if b <= a { problems.append("sentences[\(i)] is empty or reversed [\(a),\(b))") }
            prev = b
        }
        return problems
    }
}
