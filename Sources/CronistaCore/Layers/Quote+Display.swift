extension Quote {
    /// Quotation marks that bound a quotation's pieces (the single ones double as apostrophes, so they
    /// are left out).
    static let pieceMarks: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\u{201E}"]

    /// The stretch of `content` that an attribution inside it takes, marks included: from the
    /// closing mark before `attribution` (the cue and speaker, as UTF-8 offsets within `content`) to
    /// the opening mark after it; nil when no marks bound it there.
    ///
    /// An English quotation that its own attribution interrupts (`"X," Bennett told reporters. "Y."`)
    /// is one quote over both pieces, as the reference annotation counts it, so its content holds the
    /// cue and speaker.
    public static func interruption(in content: Substring, around attribution: Range<Int>) -> Range<Int>? {
        var close: Int?, open: Int?
        var offset = 0
        for s in content.unicodeScalars {
            let width = UTF8.width(s)
            if pieceMarks.contains(s) {
                if offset + width <= attribution.lowerBound { close = offset }
                if offset >= attribution.upperBound && open == nil { open = offset + width }
            }
            offset += width
        }
        guard let close, let open else { return nil }
        return close..<open
    }

    /// From the first to the last of `parts` (the cue's and speaker's spans) that lie inside `content`,
    /// as offsets relative to `content`'s start, in whatever unit the ranges count; nil when none does.
    public static func attribution(inside content: Range<Int>, parts: [Range<Int>?]) -> Range<Int>? {
        let inner = parts.compactMap { $0 }.filter { !$0.isEmpty && content.contains($0.lowerBound) && $0.upperBound <= content.upperBound }
        guard let lo = inner.map(\.lowerBound).min(), let hi = inner.map(\.upperBound).max() else { return nil }
        return (lo - content.lowerBound)..<(hi - content.lowerBound)
    }

    /// A quote's words as a reader wants them: `content` with its `interruption`
    /// (``interruption(in:around:)``, UTF-8 offsets within `content`) shown as ` … `.
    public static func displayedText(_ content: Substring, interruption: Range<Int>?) -> String {
        guard let cut = interruption, cut.lowerBound >= 0, cut.upperBound <= content.utf8.count else { return String(content) }
        let u = content.utf8
        var head = content[..<u.index(u.startIndex, offsetBy: cut.lowerBound)]
        while let last = head.unicodeScalars.last, last.properties.isWhitespace { head = head.dropLast() }
        var tail = content[u.index(u.startIndex, offsetBy: cut.upperBound)...]
        while let first = tail.unicodeScalars.first, first.properties.isWhitespace { tail = tail.dropFirst() }
        return head + " … " + tail
    }
}

extension Document {
    /// The attribution that interrupts a quote's content, marks included (``Quote/interruption(in:around:)``
    /// over the cue and speaker that lie inside it); nil when neither does.
    public func interruptingAttribution(of quote: Quote) -> TextRange? {
        let c = quote.content
        func ints(_ r: TextRange?) -> Range<Int>? { r.map { Int($0.startUTF8)..<Int($0.endUTF8) } }
        guard let around = Quote.attribution(inside: ints(c)!, parts: [ints(quote.cue), ints(quote.speaker?.range)]),
            let cut = Quote.interruption(in: text(in: c), around: around)
        else { return nil }
        return TextRange(startUTF8: c.startUTF8 + UInt32(cut.lowerBound), endUTF8: c.startUTF8 + UInt32(cut.upperBound))
    }

    /// A quote's words as a reader wants them: its content, with an interrupting attribution
    /// (``interruptingAttribution(of:)``) shown as ` … `.
    public func displayedContent(of quote: Quote) -> String {
        let c = quote.content
        let cut = interruptingAttribution(of: quote).map { Int($0.startUTF8 - c.startUTF8)..<Int($0.endUTF8 - c.startUTF8) }
        return Quote.displayedText(text(in: c), interruption: cut)
    }
}
