public import CronistaCore

/// Fills the `times` layer (``CronistaCore/Document/times``) with the time expressions of the
/// document's language pack grammar (`time-grammar.txt`), normalised against `published`, and each
/// quote's ``CronistaCore/Quote/date``. Runs after the quotes.
///
/// A quote's date is the day of a time expression that modifies its cue (`ha detto ieri`, `Ieri il
/// sindaco ha dichiarato`), else `published` for a present or present-perfect cue, else nil.
///
/// ```swift
/// var doc = try engine.analyze(DocumentInput(id: "a", text: "Ieri il sindaco ha parlato.", published: "2024-04-12"))
/// doc.times[0].value   // "2024-04-11"
/// ```
public struct TimeComponent: PipelineComponent {
    public let name = "times"
    public let requires: AnnotationLayers = [.tokens, .sentences, .quotes]
    public let assigns: AnnotationLayers = [.times]
    let packs: LanguagePacks

    public init(packs: LanguagePacks) { self.packs = packs }

    public func process(_ document: inout Document) throws {
        guard let grammar = packs[document.language]?.timeGrammar, !document.tokens.isEmpty else { return }
        var forms = ClauseContext.forms(of: &document)
        // An elision before a digit stays in two tokens, `l` and `'8`: read them as `l'` and `8`.
        var starts = document.tokens.starts
        for i in 1..<max(1, forms.count) where forms[i].count > 1 && forms[i].hasPrefix("'") && document.tokens.ends[i - 1] == starts[i] {
            let rest = forms[i].dropFirst()
            guard rest.first?.isNumber == true, forms[i - 1].last?.isLetter == true else { continue }
            forms[i - 1] += "'"
            forms[i] = String(rest)
            starts[i] += 1
        }
        let ids = grammar.ids(forms)
        var found: [(match: TimeMatch, sentence: Range<Int>)] = []
        var scratch: [TimeMatch] = []
        for s in document.sentences {
            let range = s.tokenRange
            guard !range.isEmpty else { continue }
            scratch.removeAll(keepingCapacity: true)
            grammar.matches(forms: forms, ids: ids, flags: document.tokens.flags, sentence: range, into: &scratch)
            for m in scratch { found.append((m, range)) }
        }
        guard !found.isEmpty || !document.quotes.isEmpty else { return }
        let dct = document.metadata.published.flatMap { PublicationDate.normalised($0) }.flatMap { TimeResolver.Day($0) }
        let resolver = TimeResolver(dct: dct)
        // Values in text order; a clock time takes its day from a day named right after it in the
        // sentence, else from the last day the text named (resolved on a second pass).
        var values: [String?] = Array(repeating: nil, count: found.count)
        var kinds: [TimeExpression.Kind] = found.map { grammar.rules[$0.match.rule].kind }
        var tenses: [TimeResolver.Tense] = []
        tenses.reserveCapacity(found.count)
        for (m, sentence) in found {
            var tense = grammar.tense(around: m.extent, forms, in: sentence)
            if m.extent.lowerBound > sentence.lowerBound, grammar.tenseWords[.since]?.contains(forms[m.extent.lowerBound - 1]) == true,
                m.extent.upperBound >= sentence.upperBound || grammar.tenseWords[.until]?.contains(forms[m.extent.upperBound]) != true
            {
                tense = .past
            }
            tenses.append(tense)
        }
        for (k, (m, _)) in found.enumerated() {
            let rule = grammar.rules[m.rule]
            if rule.function == .clock || rule.function == .context { continue }
            values[k] = resolver.resolve(rule.function, arguments(rule, m.captures), tense: tenses[k], context: nil)
        }
        // The last day named, and in which sentence: it anchors a clock time at most two sentences on.
        var context: (day: TimeResolver.Day, night: Bool)?
        var contextSentence = 0
        for (k, (m, sentence)) in found.enumerated() {
            let rule = grammar.rules[m.rule]
            if rule.function == .clock || rule.function == .context {
                // An anaphor (`quel giorno`, `l'indomani`) reaches further back than a clock time.
                let far =
                    rule.function == .clock && sentenceIndex(document, sentence.lowerBound) - sentenceIndex(document, contextSentence) > 2
                var local = far ? nil : context
                // A day named within a few tokens after a clock time in the same sentence.
                if rule.function == .clock, k + 1 < found.count, found[k + 1].sentence == sentence,
                    found[k + 1].match.extent.lowerBound - m.extent.upperBound <= 4, let v = values[k + 1],
                    let day = TimeExpression.day(of: v).flatMap({ TimeResolver.Day($0) })
                {
                    local = (day, v.hasSuffix("TNI"))
                }
                values[k] = resolver.resolve(rule.function, arguments(rule, m.captures), tense: tenses[k], context: local)
                if rule.function == .context, values[k]?.contains("T") == true { kinds[k] = .time }
            }
            if let v = values[k],
                let day = TimeExpression.day(of: v).flatMap({ TimeResolver.Day($0) })
            {
                context = (day, v.hasSuffix("TNI"))
                contextSentence = sentence.lowerBound
            }
        }
        var times: [TimeExpression] = []
        times.reserveCapacity(found.count)
        var timeTokens: [Range<Int>] = []
        for (k, (m, _)) in found.enumerated() {
            guard let v = values[k] else { continue }
            let r = TextRange(startUTF8: starts[m.extent.lowerBound], endUTF8: document.tokens.ends[m.extent.upperBound - 1])
            times.append(TimeExpression(range: r, kind: kinds[k], value: v))
            timeTokens.append(m.extent)
        }
        document.times = times
        document.dateQuotes(grammar: grammar, forms: forms, timeTokens: timeTokens, published: dct?.string)
    }

    /// The index of the sentence that starts at token `start` (binary search).
    private func sentenceIndex(_ document: Document, _ start: Int) -> Int {
        document.sentences.partitioningIndex { Int($0.tokens.lowerBound) >= start }
    }

    private func arguments(_ rule: TimeGrammar.Rule, _ captures: [String?]) -> [String?] {
        rule.arguments.map {
            switch $0 {
            case .literal(let s): s
            case .slot(let i): captures[i]
            case .absent: nil
            }
        }
    }
}

extension Document {
    /// Each quote's date: a time expression with a day that modifies the cue, else `published` for
    /// a present or present-perfect cue.
    mutating func dateQuotes(grammar: TimeGrammar, forms: [String], timeTokens: [Range<Int>], published: String?) {
        guard !quotes.isEmpty else { return }
        let contents = quotes.map { $0.content }
        for qi in quotes.indices {
            guard let cue = quotes[qi].cue else {
                quotes[qi].date = nil
                continue
            }
            let a = tokens.firstToken(endingAfter: cue.startUTF8)
            var b = a
            while b < tokens.count && tokens.starts[b] < cue.endUTF8 { b += 1 }
            let cueTokens = a..<max(a + 1, b)
            guard let si = sentences.firstIndex(where: { $0.tokenRange.contains(a) }) else { continue }
            let sentence = sentences[si].tokenRange
            var best: (distance: Int, day: String)?
            for (k, t) in times.enumerated() {
                guard let day = t.day, sentence.contains(timeTokens[k].lowerBound) else { continue }
                if contents.contains(where: { $0.overlaps(t.range) }) { continue }
                let distance: Int
                if timeTokens[k].lowerBound >= cueTokens.upperBound {
                    distance = timeTokens[k].lowerBound - cueTokens.upperBound
                    if distance > 4 { continue }
                } else if timeTokens[k].upperBound <= cueTokens.lowerBound {
                    distance = cueTokens.lowerBound - timeTokens[k].upperBound
                    // Nothing quoted between the expression and the cue.
                    let gap = TextRange(startUTF8: t.range.endUTF8, endUTF8: cue.startUTF8)
                    if distance > 12 || contents.contains(where: { $0.overlaps(gap) }) { continue }
                } else {
                    continue
                }
                if distance < (best?.distance ?? Int.max) { best = (distance, day) }
            }
            if let best {
                quotes[qi].date = best.day
            } else if let published, grammar.isPresentOrPerfect(cue: cueTokens, forms) {
                quotes[qi].date = published
            } else {
                quotes[qi].date = nil
            }
        }
    }
}
