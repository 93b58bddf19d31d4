import CronistaCore
import Testing

@Suite("OffsetIndex")
struct OffsetIndexTests {
    static let texts: [String] = [
        "",
        "ASCII only, nothing to convert.",
        "L’ ambasciatore è già qui: «Sèjournè»",
        "emoji 👩‍👩‍👧‍👦 and flags 🇮🇹🇪🇺, combining e\u{301}",
        "עברית ومرحبا mixed RTL",
        String(repeating: "città è perché ", count: 40)  // crosses many 64-byte checkpoints
    ]

    @Test("UTF-8 → scalar offsets agree with Swift's own view at every scalar boundary", arguments: texts)
    func roundTrip(text: String) {
        let index = OffsetIndex(text)
        #expect(index.scalarCount == text.unicodeScalars.count)
        var utf8 = 0
        for (scalarOffset, scalar) in text.unicodeScalars.enumerated() {
            #expect(index.scalarOffset(utf8: UInt32(utf8)) == scalarOffset)
            #expect(index.utf8Offset(scalar: scalarOffset) == UInt32(utf8))
            utf8 += String(scalar).utf8.count
        }
        #expect(index.scalarOffset(utf8: UInt32(utf8)) == text.unicodeScalars.count)
        #expect(index.utf8Offset(scalar: text.unicodeScalars.count) == UInt32(utf8))
    }

    @Test("Document.text(in:) slices the original text by UTF-8 range")
    func slicing() {
        let d = Document(id: "x", text: "Il capo è Sèjournè.")
        let r = TextRange(startUTF8: 11, endUTF8: 21)
        #expect(d.text(in: r) == "Sèjournè")
    }

    @Test("Invariants catch tokens that overlap, split a code point, or leave the text")
    func invariants() {
        var d = Document(id: "x", text: "è un test")
        d.tokens.append(TextRange(0, 2), [])
        d.tokens.append(TextRange(3, 5), [])
        #expect(d.invariantViolations().isEmpty)
        d.tokens.append(TextRange(4, 6), [])  // overlaps the previous token
        d.tokens.append(TextRange(7, 40), [])  // past the end
        var e = Document(id: "y", text: "è")
        e.tokens.append(TextRange(0, 1), [])  // splits the two-byte è
        #expect(d.invariantViolations().count == 2)
        #expect(e.invariantViolations().map(\.layer) == ["tokens"])
    }
}
