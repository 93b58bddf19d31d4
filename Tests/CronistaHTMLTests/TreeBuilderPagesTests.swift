import Testing

@testable import CronistaHTML

/// Small pages of our own for the broken markup real sites serve.
@Suite struct TreeBuilderPagesTests {
    @Test func unclosedParagraphsAndMisnestedFormatting() throws {
        let doc = try HTMLParser().parse("<p>Il sindaco <b>ha detto<p>che</b> domani")
        #expect(
            doc.treeDump() == """
                | <html>
                |   <head>
                |   <body>
                |     <p>
                |       "Il sindaco "
                |       <b>
                |         "ha detto"
                |     <p>
                |       <b>
                |         "che"
                |       " domani"

                """)
    }

    @Test func textInTablesIsFosterParented() throws {
        let doc = try HTMLParser().parse("<table>prima<tr><td>cella</td></tr></table>")
        let body = doc.firstElement(.body)!
        let kids = doc.children(body)
        #expect(doc[kids[0]].kind == .text)
        #expect(doc.text(kids[0]) == "prima")
        #expect(doc[kids[1]].tag == .table)
    }

    @Test func nulBytesAndTemplates() throws {
        let doc = try HTMLParser().parse("<body>a\u{0}b<template><p>dentro</template><svg><g>t\u{0}</g><title>u\u{0}</title></svg>")
        let dump = doc.treeDump()
        #expect(dump.contains("\"ab\""))
        #expect(dump.contains("content\n|         <p>"))
        // In SVG a NUL becomes U+FFFD; inside <title> (an HTML integration point) it is dropped.
        #expect(dump.contains("<svg g>\n|         \"t\u{FFFD}\""))
        #expect(dump.contains("<svg title>\n|         \"u\"\n"))
        #expect(doc.parseErrors > 0)
    }

    @Test func attributesAndEntities() throws {
        let doc = try HTMLParser().parse("<a HREF='/x?a=1&amp;b=2&copy=3' title=&quot;Sì&quot;>l&egrave; &#x1F600; &notit;</a>")
        let a = doc.firstElement(.a)!
        #expect(doc.attribute(a, "href") == "/x?a=1&b=2&copy=3")
        #expect(doc.attribute(a, "title") == "\"Sì\"")
        #expect(doc.textContent(a) == "lè 😀 ¬it;")
    }

    @Test func unknownTagsAreInterned() throws {
        let doc = try HTMLParser().parse("<my-widget data-x=1>uno</my-widget><my-widget>due</my-widget>")
        let body = doc.firstElement(.body)!
        let kids = doc.children(body)
        #expect(kids.count == 2)
        #expect(doc[kids[0]].tag == doc[kids[1]].tag)
        #expect(!doc[kids[0]].tag.isKnown)
        #expect(doc.tagName(doc[kids[0]].tag) == "my-widget")
    }
}
