import CronistaCore

/// One rule matched at a place: its extent (token range, context excluded) and captured values.
struct TimeMatch {
    var rule: Int
    var extent: Range<Int>
    /// The whole match, context included.
    var span: Range<Int>
    var captures: [String?]
}

extension TimeGrammar {
    /// The rule matches in one sentence (`tokens`), left to right: at each token the longest extent
    /// wins (on a tie, the earlier rule); the scan goes on after the extent.
    /// `ids` are the forms' numbers (``ids(_:)``).
    func matches(forms: [String], ids: [Int32], flags: [TokenFlags], sentence: Range<Int>, into out: inout [TimeMatch]) {
        var i = sentence.lowerBound
        // One capture buffer for every attempt: most attempts fail at their first elements.
        var caps = [String?](repeating: nil, count: maxSlots)
        while i < sentence.upperBound {
            var best: TimeMatch?
            // The rules that can start at this token: by its form, by the form with an elision
            // the tokenizer split off (`l` `'` before a digit), and the number rules.
            let numeric = flags[i].contains(.number) || forms[i].first?.isNumber == true || forms[i].hasPrefix("'")
            let split = i + 1 < sentence.upperBound && forms[i + 1] == "'"
            for pass in 0..<3 {
                let candidates: [Int]?
                switch pass {
                case 0: candidates = ids[i] >= 0 ? rulesByID[Int(ids[i])] : nil
                case 1: candidates = split ? rulesByForm[forms[i] + "'"] : nil
                default: candidates = numeric ? numericRules : nil
                }
                guard let candidates else { continue }
                for ri in candidates {
                    if pass == 0, let next = rules[ri].nextForms, rules[ri].optionalOpeners.contains(forms[i]) {
                        guard i + 1 < sentence.upperBound else { continue }
                        let n = forms[i + 1]
                        let ok = next.contains(n) || (rules[ri].nextNumeric && (n.first?.isNumber == true || n.hasPrefix("'") || n == "'"))
                        if !ok { continue }
                    }
                    let leading = rules[ri].leading
                    let start = i - leading
                    guard start >= sentence.lowerBound else { continue }
                    for k in 0..<rules[ri].slotCount { caps[k] = nil }
                    walk(rules[ri], ri, 0, start, nil, nil, &caps, forms, ids, sentence, &best)
                }
            }
            if let b = best, !b.extent.isEmpty {
                out.append(b)
                i = b.extent.upperBound
            } else {
                i += 1
            }
        }
    }

    private func walk(
        _ r: Rule, _ ri: Int, _ e: Int, _ t: Int, _ first: Int?, _ last: Int?, _ caps: inout [String?], _ forms: [String],
        _ ids: [Int32], _ sentence: Range<Int>, _ best: inout TimeMatch?
    ) {
        if e == r.elements.count {
            guard let first, let last else { return }
            if let nb = r.notBefore, let start = bestStart(r, first: first, t: t), start > sentence.lowerBound {
                if anyMatch(nb, start - 1, forms, ids, sentence) { return }
            }
            if let na = r.notAfter, t < sentence.upperBound, anyMatch(na, t, forms, ids, sentence) { return }
            let extent = first..<(last + 1)
            if let b = best {
                if extent.count < b.extent.count || (extent.count == b.extent.count && ri > b.rule) { return }
                if extent.count == b.extent.count && ri == b.rule { return }
            }
            best = TimeMatch(
                rule: ri, extent: extent, span: (bestStart(r, first: first, t: t) ?? first)..<t, captures: Array(caps.prefix(r.slotCount)))
            return
        }
        let el = r.elements[e]
        forEachMatch(el, t, forms, ids, sentence) { length, value in
            let saved = el.slot >= 0 ? caps[el.slot] : nil
            if el.slot >= 0 { caps[el.slot] = value }
            var f = first
            var l = last
            if !el.context {
                if f == nil { f = t }
                l = t + length - 1
            }
            walk(r, ri, e + 1, t + length, f, l, &caps, forms, ids, sentence, &best)
            if el.slot >= 0 { caps[el.slot] = saved }
        }
        if el.optional { walk(r, ri, e + 1, t, first, last, &caps, forms, ids, sentence, &best) }
    }

    /// Where a match that ends at `t` started: the start token is not kept, so it is found again
    /// from the rule's leading context (at most a few tokens before the extent).
    private func bestStart(_ r: Rule, first: Int, t: Int) -> Int? {
        var leading = 0
        for e in r.elements {
            if !e.context { break }
            leading += 1
        }
        return first - leading
    }

    /// Whether an element matches at token `t`.
    private func anyMatch(_ el: Element, _ t: Int, _ forms: [String], _ ids: [Int32], _ sentence: Range<Int>) -> Bool {
        var found = false
        forEachMatch(el, t, forms, ids, sentence) { _, _ in found = true }
        return found
    }

    /// Calls `out` with each way an element matches at token `t`: (tokens taken, value). No allocation.
    private func forEachMatch(
        _ el: Element, _ t: Int, _ forms: [String], _ ids: [Int32], _ sentence: Range<Int>, _ out: (Int, String) -> Void
    ) {
        guard t < sentence.upperBound else { return }
        let f = forms[t]
        for a in el.atoms {
            switch a {
            case .word(let w):
                if f == w {
                    out(1, f)
                } else if w.hasSuffix("'"), t + 1 < sentence.upperBound, forms[t + 1] == "'", f.count + 1 == w.count, w.hasPrefix(f) {
                    // An elision the tokenizer left in two tokens (`l` `'` before a digit: `l'8`, `all'11`).
                    out(2, w)
                }
            case .table(let ti):
                guard ids[t] >= 0 else { continue }
                let entries = tableByID[ti][Int(ids[t])]
                for entry in entries {
                    guard t + entry.tokens.count <= sentence.upperBound else { continue }
                    var ok = true
                    for k in 1..<entry.tokens.count where forms[t + k] != entry.tokens[k] {
                        ok = false
                        break
                    }
                    if ok { out(entry.tokens.count, entry.value) }
                }
            case .number(let shape): if let v = Self.number(f, shape) { out(1, v) }
            }
        }
    }

    /// The value of a number token of a shape: `int`, `day` (1–31, `1°`), `year` (1900–2099),
    /// `clock` (`18.30`, `18:30`, `3,20` → `18:30`), `enne` (`38enne` → `38`), `decade` (`'70`, `70`, `2000` → `197`, `200`),
    /// `nth` (`3rd` → `3`), `decades` (`1990s`, `'90s` → `199`).
    static func number(_ f: String, _ shape: NumberShape) -> String? {
        // Most tokens tried here are words: a number starts with a digit or `'` (no allocation then).
        guard let c = f.utf8.first, (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "'") else { return nil }
        let u = Array(f.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func value(_ s: ArraySlice<UInt8>) -> Int? {
            guard !s.isEmpty, s.count <= 4, s.allSatisfy(isDigit) else { return nil }
            return s.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        switch shape {
        case .int:
            return value(u[...]).map(String.init)
        case .day:
            var s = u[...]
            if f.hasSuffix("°") || f.hasSuffix("º") { s = s.dropLast(2) }
            guard s.count <= 2, let v = value(s), (1...31).contains(v) else { return nil }
            return String(v)
        case .hour:
            guard u.count <= 2, let v = value(u[...]), v <= 24 else { return nil }
            return String(v)
        case .year:
            guard u.count == 4, let v = value(u[...]), (1900...2099).contains(v) else { return nil }
            return String(v)
        case .clock:
            guard let sep = u.firstIndex(where: { $0 == 0x2E || $0 == 0x3A || $0 == 0x2C }), u.count - sep - 1 == 2,
                let h = value(u[..<sep]), let m = value(u[(sep + 1)...]), h <= 24, m <= 59
            else { return nil }
            return "\(h):\(m < 10 ? "0" : "")\(m)"
        case .enne:
            guard f.hasSuffix("enne"), let v = value(u.dropLast(4)), v < 130 else { return nil }
            return String(v)
        case .decade:
            var s = u[...]
            if s.first == UInt8(ascii: "'") { s = s.dropFirst() }
            guard let v = value(s), v % 10 == 0 else { return nil }
            if s.count == 2 { return String(190 + v / 10) }
            if s.count == 4, (1000...2090).contains(v) { return String(v / 10) }
            return nil
        case .nth:
            guard u.count >= 3, u.count <= 4, let v = value(u.dropLast(2)), (1...31).contains(v) else { return nil }
            let suffix = String(decoding: u.suffix(2), as: UTF8.self)
            let expected = (v % 100 / 10 == 1) ? "th" : [1: "st", 2: "nd", 3: "rd"][v % 10] ?? "th"
            return suffix == expected ? String(v) : nil
        case .hhmm:
            guard u.contains(UInt8(ascii: ":")) else { return nil }
            return number(f, .clock)
        case .decades:
            var s = u[...]
            if s.first == UInt8(ascii: "'") { s = s.dropFirst() }
            guard s.last == UInt8(ascii: "s") else { return nil }
            return number(String(decoding: s.dropLast(), as: UTF8.self), .decade)
        }
    }
}
