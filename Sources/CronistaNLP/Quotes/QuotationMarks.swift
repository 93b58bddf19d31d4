import CronistaCore

/// A pair of quotation marks found in the text.
struct MarkedSpan {
    /// Token index of the opening and closing mark (`close` may be the last token of a paragraph
    /// when the quote was never closed).
    var open: Int
    var close: Int
    /// Whether a closing mark was found (unclosed quotes run to the end of their paragraph).
    var closed: Bool
    /// Nesting depth: 0 for an outermost quotation.
    var depth: Int
    /// Token range of the content between the marks.
    var contentTokens: Range<Int> { (open + 1)..<(closed ? close : close + 1) }
}

/// Pairs `"…"`, `“…”`, `«…»`, `‘…’` over a document's tokens: infers the direction of straight
/// quotes from spacing, tolerates unbalanced marks, and follows the convention of reopening the
/// quotation at each new paragraph of a quote that runs over several.
enum QuotationMarks {
    enum Family { case guillemet, curly, straight, single }
    enum Role { case open, close, either }

    /// Marks left open at once beyond this are ignored: real quotations nest two or three deep,
    /// and without a bound a run of unbalanced `«` made pairing quadratic (1 MB of them: 18 s).
    static let maxOpenMarks = 16

    static func classify(_ ctx: ClauseContext, _ i: Int) -> (Family, Role)? {
        let text = ctx.doc.tokenText(i)
        guard let c = text.unicodeScalars.first else { return nil }
        let flags = ctx.doc.tokens.flags
        let spaceBefore =
            i == 0 || flags[i - 1].contains(.spaceAfter) || flags[i - 1].contains(.newlineAfter) || flags[i - 1].contains(.paragraphAfter)
        let spaceAfter =
            flags[i].contains(.spaceAfter) || flags[i].contains(.newlineAfter) || flags[i].contains(.paragraphAfter) || i == ctx.n - 1
        let punctAfter = i + 1 < ctx.n && (ctx.isPunct(i + 1) && !ctx.isQuoteMark(i + 1) && ctx.forms[i + 1] != "(")
        let openBracketBefore = i > 0 && (ctx.forms[i - 1] == "(" || ctx.forms[i - 1] == "[")
        if (c == "'" || c == "`") && ctx.pack.rules.doubledQuoteMarks { return doubled(ctx, i) }
        switch c {
        case "«": return (.guillemet, .open)
        case "»": return (.guillemet, .close)
        case "„": return (.curly, .open)
        case "”": return (.curly, .close)
        case "“":
            // Mostly an opener; some texts close with it too.
            if !spaceBefore && (spaceAfter || punctAfter) { return (.curly, .close) }
            return (.curly, .open)
        case "‘": return (.single, .open)
        case "’": return (.single, .close)
        case "\"", "＂", "‟":
            if (spaceBefore || openBracketBefore) && !spaceAfter { return (.straight, .open) }
            if !spaceBefore && (spaceAfter || punctAfter) { return (.straight, .close) }
            return (.straight, .either)
        default: return nil
        }
    }

    /// Older wire copy's doubled marks, each two tokens (`''…''`, ``` ``…'' ```): the pair's outer
    /// token carries the role (the first of an opening pair, the second of a closing one), so the
    /// quotation's tokens are those between the pairs; a lone apostrophe is no mark.
    static func doubled(_ ctx: ClauseContext, _ i: Int) -> (Family, Role)? {
        let starts = ctx.doc.tokens.starts, ends = ctx.doc.tokens.ends, flags = ctx.doc.tokens.flags
        func isHalf(_ t: Int) -> Bool { t >= 0 && t < ctx.n && (ctx.forms[t] == "'" || ctx.forms[t] == "`") }
        func spaceBefore(_ t: Int) -> Bool {
            t == 0 || flags[t - 1].contains(.spaceAfter) || flags[t - 1].contains(.newlineAfter) || flags[t - 1].contains(.paragraphAfter)
                || ctx.forms[t - 1] == "(" || ctx.forms[t - 1] == "["
        }
        if isHalf(i + 1) && ends[i] == starts[i + 1] && !(isHalf(i - 1) && ends[i - 1] == starts[i]) {
            return ctx.forms[i] == "`" || spaceBefore(i) ? (.straight, .open) : nil
        }
        if isHalf(i - 1) && ends[i - 1] == starts[i] && ctx.forms[i - 1] == "'" && ctx.forms[i] == "'" && !spaceBefore(i - 1) {
            return (.straight, .close)
        }
        return nil
    }

    /// The inner half of a doubled mark at the edge of a quotation's tokens (`''` `It`…): skipped
    /// when the content's text is taken.
    static func isInnerHalf(_ ctx: ClauseContext, _ t: Int, of mark: Int) -> Bool {
        guard ctx.pack.rules.doubledQuoteMarks, t >= 0, t < ctx.n, ctx.forms[t] == "'" || ctx.forms[t] == "`" else { return false }
        let (a, b) = t < mark ? (t, mark) : (mark, t)
        return ctx.doc.tokens.ends[a] == ctx.doc.tokens.starts[b]
    }

    /// Whether the paragraph that opens with the mark at `t` holds a quotation of its own that
    /// closes and is attributed inside it (`"X," added Rep. Clyburn. "Y."`): a new quotation with
    /// its own source, so the unclosed one before it ended with its paragraph rather than running on.
    /// (A run-on quotation's closing paragraph ends at its mark or with a pronoun's `he said.`)
    static func opensAttributedQuotation(_ ctx: ClauseContext, at t: Int, family: Family) -> Bool {
        var i = t + 1
        while i < ctx.n && !ctx.doc.tokens.flags[i].contains(.paragraphAfter) {
            if ctx.isQuoteMark(i), let (fam, role) = classify(ctx, i), fam == family || fam == .straight || family == .straight,
                role != .open
            {
                // Closed mid-paragraph (the loop stops at the paragraph's end) and followed by a named source.
                guard i + 2 < ctx.n else { return false }
                var k = i + 1
                let commaAfter = ctx.forms[k] == ","
                if commaAfter { k += 1 }
                let commaInside = ctx.forms[i - 1] == "," || (isInnerHalf(ctx, i - 1, of: i) && ctx.forms[i - 2] == ",")
                return (commaInside || commaAfter) && !ctx.is(k, .personalPronoun)
            }
            i += 1
        }
        return false
    }

    /// Every pair of marks, outermost and nested, in text order of their opening mark.
    static func pair(_ ctx: ClauseContext) -> [MarkedSpan] {
        var spans: [MarkedSpan] = []
        var stack: [(family: Family, token: Int)] = []
        var i = 0
        // A blank line, or a line break after a sentence's end (a wrapped line goes on).
        func paragraphEnds(at t: Int) -> Bool {
            ctx.doc.tokens.flags[t].contains(.paragraphAfter)
                || ctx.doc.tokens.flags[t].contains(.newlineAfter)
                    && (ctx.isTerminal(t) || t > 0 && ctx.isTerminal(t - 1) && ctx.isQuoteMark(t))
        }
        while i < ctx.n {
            if ctx.isQuoteMark(i), let (family, role) = classify(ctx, i) {
                let topIndex = stack.lastIndex {
                    $0.family == family || ($0.family == .curly && family == .straight) || ($0.family == .straight && family == .curly)
                }
                var closes = false
                switch role {
                case .close: closes = topIndex != nil
                case .open: closes = false
                case .either: closes = topIndex != nil
                }
                if closes, let ti = topIndex {
                    // Close this mark's opener; anything opened inside and left open is dropped.
                    let opener = stack[ti]
                    stack.removeSubrange(ti...)
                    spans.append(MarkedSpan(open: opener.token, close: i, closed: true, depth: ti))
                } else if role != .close && stack.count < Self.maxOpenMarks {
                    stack.append((family, i))
                }
            }
            if paragraphEnds(at: i) && !stack.isEmpty {
                // A quote that runs on: the next paragraph opens with the same mark.
                let next = i + 1
                if stack.count == 1, next < ctx.n, ctx.isQuoteMark(next), let (fam, role) = classify(ctx, next), fam == stack[0].family,
                    role != .close, !opensAttributedQuotation(ctx, at: next, family: fam)
                {
                    i = next + 1  // swallow the reopening mark; the quote continues
                    continue
                }
                // Unbalanced: the outermost open quote ends with its paragraph.
                if let first = stack.first, i - first.token >= 4 {
                    spans.append(MarkedSpan(open: first.token, close: i, closed: false, depth: 0))
                }
                stack.removeAll()
            }
            i += 1
        }
        if let first = stack.first, ctx.n - 1 - first.token >= 4 {
            spans.append(MarkedSpan(open: first.token, close: ctx.n - 1, closed: false, depth: 0))
        }
        spans.sort { $0.open < $1.open }
        return spans
    }
}
