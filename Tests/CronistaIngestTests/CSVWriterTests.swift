import CronistaIngest
import Testing

/// RFC 4180 quoting, and the optional guard against fields a spreadsheet would evaluate.
@Suite struct CSVWriterTests {
    func written(_ fields: [String?], guarded: Bool = false) -> String {
        var w = CSVWriter(guardsFormulas: guarded)
        w.record(fields)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func quotesOnlyWhatMustBeQuoted() {
        #expect(written(["a", nil, "città"]) == "a,,città\r\n")
        #expect(written(["a,b", "say \"no\"", "x\ny", "x\ry"]) == "\"a,b\",\"say \"\"no\"\"\",\"x\ny\",\"x\ry\"\r\n")
    }

    @Test("Guarded: =, +, -, @, tab and CR at a field's start get an apostrophe; elsewhere, or unguarded, nothing changes")
    func guardsFormulas() {
        #expect(written(["=1+1", "+39 06", "-3 %", "@SUM(A1)", "\tx"], guarded: true) == "'=1+1,'+39 06,'-3 %,'@SUM(A1),'\tx\r\n")
        #expect(written(["\rx", "=a,b"], guarded: true) == "\"'\rx\",\"'=a,b\"\r\n")
        #expect(written(["a=1", "5-3", "", nil, "'già"], guarded: true) == "a=1,5-3,,,'già\r\n")
        #expect(written(["=1+1", "-3 %"]) == "=1+1,-3 %\r\n")
    }
}
