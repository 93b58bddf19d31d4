extension Quote {
    /// Quotation marks that bound a quotation's pieces (the single ones double as apostrophes, so they
    /// are left out).
    static let pieceMarks: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\u{201E}"]
}

extension Document {
    /// The attribution that interrupts a quote's content, marks included: an English quotation that
    /// its own attribution interrupts (`"X," Bennett told reporters. "Y."`) is one quote over both
    /// pieces, as the reference annotation counts it, so its content holds the cue and speaker. The
    /// stretch runs from the closing mark before them to the opening mark after them; nil when neither
    /// lies inside the content, or no marks bound them there.
    public func interruptingAttribution(of quote: Quote) -> TextRange? {
        let c = quote.content
        var lo = UInt32.max, hi = UInt32(0)
        for r in [quote.cue, quote.speaker?.range] {
            guard let r, r.startUTF8 >= c.startUTF8, r.endUTF8 <= c.endUTF8, r.startUTF8 < r.endUTF8 else { continue }
            lo = min(lo, r.startUTF8)
            hi = max(hi, r.endUTF8)
        }
        guard lo < hi else { return nil }
        var close: UInt32?, open: UInt32?
        var offset = c.startUTF8
        for s in text(in: c).unicodeScalars {
            let width = UInt32(UTF8.width(s))
            if Quote.pieceMarks.contains(s) {
                if offset + width <= lo { close = offset }
                if offset >= hi && open == nil { open = offset + width }
            }
            offset += width
        }
        guard let close, let open else { return nil }
        return TextRange(startUTF8: close, endUTF8: open)
    }

    /// A quote's words as a reader wants them: its content, with an interrupting attribution
    /// (``interruptingAttribution(of:)``) shown as ` … `.
    public func displayedContent(of quote: Quote) -> String {
        let c = quote.content
        guard let a = interruptingAttribution(of: quote) else { return String(text(in: c)) }
        var head = text(in: TextRange(startUTF8: c.startUTF8, endUTF8: a.startUTF8))
        while let last = head.unicodeScalars.last, last.properties.isWhitespace { head = head.dropLast() }
        var tail = text(in: TextRange(startUTF8: a.endUTF8, endUTF8: c.endUTF8))
        while let first = tail.unicodeScalars.first, first.properties.isWhitespace { tail = tail.dropFirst() }
        return head + " … " + tail
    }
}
