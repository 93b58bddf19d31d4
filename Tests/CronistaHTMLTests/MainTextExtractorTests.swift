import Foundation
import Testing

@testable import CronistaHTML

/// Main-text extraction on pages written for these tests.
@Suite struct MainTextExtractorTests {
    static let article = [
        "Il consiglio comunale ha approvato ieri sera il nuovo piano per le piste ciclabili, con ventidue voti favorevoli e otto contrari.",
        "«È un passo avanti per tutta la città», ha detto l'assessora alla mobilità, ricordando che i lavori partiranno in primavera.",
        "L'opposizione ha chiesto più fondi per le periferie, dove mancano ancora collegamenti sicuri tra i quartieri e le scuole."
    ]

    static func page(body: String) -> String {
        """
        <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Piste ciclabili, via libera | Il Giornale di Prova</title>
        <script>var tracking = {"page": "articolo"};</script><style>.x{color:red}</style></head>
        <body class="single-post comments-open">
        <div id="cookie-banner" class="cookie-consent">Questo sito usa cookie tecnici e di profilazione. <a href="/privacy">Informativa</a>
        <button>Accetta</button></div>
        <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/cronaca">Cronaca</a></li>
        <li><a href="/sport">Sport</a></li><li><a href="/politica">Politica</a></li></ul></nav></header>
        <main>\(body)</main>
        <aside class="sidebar"><h3>I più letti</h3><ul><li><a href="/a">Un altro articolo molto letto di oggi</a></li></ul></aside>
        <footer>© 2026 Il Giornale di Prova — P. IVA 00000000000</footer>
        </body></html>
        """
    }

    @Test func articleComesOutExactlyWithParagraphs() throws {
        let body = """
            <article><h1 class="headline">Piste ciclabili, via libera dal consiglio</h1>
            <div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
            <div class="article-body">
            <p>\(Self.article[0])</p>
            <p>\(Self.article[1].replacingOccurrences(of: "È", with: "&Egrave;"))</p>
            <div class="related-articles"><h4>Leggi anche</h4><ul><li><a href="/b">Bici elettriche, boom di vendite</a></li>
            <li><a href="/c">Nuove zone trenta in centro</a></li></ul></div>
            <p>\(Self.article[2])</p>
            </div></article>
            """
        let doc = try HTMLParser().parse(Self.page(body: body))
        let result = MainTextExtractor().extract(doc)
        #expect(result.paragraphs == Self.article)
        #expect(result.text == Self.article.joined(separator: "\n"))
    }

    @Test func articleBodyMicrodataWins() throws {
        let body = """
            <div itemprop="articleBody"><p>\(Self.article[0])</p><p>\(Self.article[2])</p></div>
            <div class="col"><p>Un testo che segue il corpo dell'articolo e non ne fa parte, ma è lungo abbastanza, con tre virgole, qui, e qui.</p>
            <p>Un secondo paragrafo, accanto al primo, con altre virgole, per dargli un punteggio più alto del corpo.</p></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [Self.article[0], Self.article[2]])
    }

    @Test func leadBeforeTheBodyIsKeptButNotTheHeadlineOrTheDate() throws {
        let body = """
            <article><header><h1>Piste ciclabili, via libera dal consiglio</h1>
            <p class="date">4 dicembre 2026, 18:05</p>
            <p class="standfirst">Il piano prevede quaranta chilometri di nuove corsie protette entro la fine del prossimo anno.</p></header>
            <div class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div></article>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(
            result.paragraphs == ["Il piano prevede quaranta chilometri di nuove corsie protette entro la fine del prossimo anno."]
                + Self.article)
    }

    @Test func authorBoxesWidgetsAndRelatedPostsInsideTheBodyAreDropped() throws {
        // Blog themes put the author's box, a text widget, the related posts and an `aside` class inside the entry.
        let body = """
            <div class="entry-content"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p>
            <div class="author-box"><p>Marta scrive di urbanistica e trasporti da quindici anni, prima a Bologna e poi a Torino.</p></div>
            <div id="jp-relatedposts" class="jp-relatedposts"><p>Nuove corsie in centro: il cantiere partirà a marzo con molti disagi.</p></div>
            <div class="textwidget"><p>Iscriviti al nostro canale per ricevere ogni settimana le notizie della città.</p></div>
            <div id="secondary" class="aside"><p>Chi siamo: un gruppo di volontari che racconta la città dal 2009, ogni giorno.</p></div></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article)
    }

    @Test func everyParagraphMarkedArticleBodyIsTheBody() throws {
        // A CMS that marks each paragraph with itemprop=articleBody, an unmarked call to subscribe among them.
        let body = """
            <main><p class="text" itemprop="articleBody">\(Self.article[0])</p><p class="text" itemprop="articleBody">\(Self.article[1])</p>
            <p class="text">Abbonati ora per leggere tutti gli articoli del giornale, senza limiti, su ogni dispositivo che usi.</p>
            <p class="text" itemprop="articleBody">\(Self.article[2])</p></main>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article)
    }

    @Test func almostEmptyExtractionIsRescuedWithoutClassPatterns() throws {
        // The whole article sits in a wrapper whose class has a boilerplate word; the comments stay out.
        let body = """
            <div class="sticky-sidebar-wrapper"><div class="post"><p>\(Self.article[0])</p><p>\(Self.article[1])</p>
            <p>\(Self.article[2])</p></div></div>
            <div class="comments"><p>Un commento lungo di un lettore che non è d'accordo con il piano, per niente, proprio no.</p></div>
            """
        let doc = try HTMLParser().parse(Self.page(body: body))
        // On this short page the wrapper holds most of the text and is kept for that alone: make the
        // share rule inert to see the rescue.
        var rules = MainTextRules.default
        rules.mainShare = 1
        #expect(MainTextExtractor(rules: rules).extract(doc).paragraphs == Self.article)
        rules.rescueLength = 0
        let strict = MainTextExtractor(rules: rules)
        #expect(strict.extract(doc).paragraphs != Self.article)
    }

    @Test func postInsideNoscriptIsRescued() throws {
        // A blog theme renders the post with a script and keeps it in <noscript> for readers without one.
        let body = """
            <div class="post-body"><script>render("post")</script><noscript><p>\(Self.article[0])</p><p>\(Self.article[1])</p>
            <p>\(Self.article[2])</p></noscript></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article)
    }

    @Test func pageInsideAnUnclosedNoscriptIsRescued() throws {
        // <noscript><div></noscript>: the end tag is ignored and the whole page sits in the <noscript>.
        let html = """
            <html><body><noscript><div id="no-js"></noscript><div id="page"><div class="testo"><p>\(Self.article[0])</p>
            <p>\(Self.article[1])</p><p>\(Self.article[2])</p></div></div></body></html>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(html))
        #expect(result.paragraphs == Self.article)
    }

    @Test func articleInsideAnAsideIsRescued() throws {
        // A theme wraps the article in an <aside>; navigation stays out of the rescue.
        let body = """
            <aside class="pannello"><article><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></article></aside>
            """
        let doc = try HTMLParser().parse(Self.page(body: body))
        // On this short page the aside holds most of the text and is kept for that alone: make the
        // share rule inert to see the rescue.
        var rules = MainTextRules.default
        rules.mainShare = 1
        #expect(MainTextExtractor(rules: rules).extract(doc).paragraphs == Self.article)
        rules.rescueRemovedUnlessMainTags = rules.removedUnlessMainTags
        #expect(MainTextExtractor(rules: rules).extract(doc).paragraphs.isEmpty)
    }

    @Test func linkedTableCellsAreDataNotMenus() throws {
        // A test's results table: each model's name links to its page.
        let body = """
            <div class="entry-content"><p>\(Self.article[0])</p><p>\(Self.article[1])</p>
            <table><tr><th>Modello</th><th>Voto</th></tr><tr><td><a href="/m/1">Bici Alfa Urbana</a></td><td><a href="/v/1">Buono</a></td></tr>
            <tr><td><a href="/m/2">Bici Beta Cargo</a></td><td><a href="/v/2">Ottimo</a></td></tr></table><p>\(Self.article[2])</p></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(
            result.paragraphs == Self.article[0...1] + ["Modello", "Voto", "Bici Alfa Urbana", "Buono", "Bici Beta Cargo", "Ottimo"]
                + [Self.article[2]])
    }

    @Test func unclosedParagraphsAndBreaksStillSplit() throws {
        // No <p> end tags and a <br> between two sentences of one block.
        let body = "<div class=\"entry-content\"><p>\(Self.article[0])<p>\(Self.article[1])<br>\(Self.article[2])</div>"
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article)
    }

    @Test func recipeIngredientsBesideTheStepsJoinTheBody() throws {
        // The ingredients are short lines, some linked to a shop: no paragraph scores, yet they are the recipe.
        let body = """
            <article class="recipe"><h1>Torta di mele della nonna</h1>
            <section class="recipe-ingredients"><h3>Per l'impasto:</h3><ul>
            <li>200 g di <a href="/farina">farina</a></li><li>3 uova</li><li>100 g di <a href="/zucchero">zucchero</a></li></ul></section>
            <div class="preparation"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div></article>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == ["Per l'impasto:", "200 g di farina", "3 uova", "100 g di zucchero"] + Self.article)
    }

    @Test func aStandfirstInAHeadingIsKeptButNotTheTitle() throws {
        // The deck under the headline is an <h2> marked as such; the headline and other headings are not text.
        let lead = "Quaranta chilometri di nuove corsie protette entro la fine del prossimo anno, con fondi regionali."
        let body = """
            <article><div class="article-header"><h1>Piste ciclabili, via libera dal consiglio</h1>
            <h2 class="article-subheadline">\(lead)</h2><h3>Un titolo di sezione qualsiasi scritto abbastanza lungo da contare</h3></div>
            <div class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div></article>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [lead] + Self.article)
    }

    @Test func disclaimersBreadcrumbsTablesOfContentsAndCaptionLegendsAreDropped() throws {
        let body = """
            <div class="entry-content"><div class="tdb-breadcrumbs"><span>Home</span> <span>Cronaca</span>
            <span>Piste ciclabili, via libera dal consiglio comunale con ventidue voti</span></div>
            <div id="ez-toc-container" class="ez-toc-v2"><p class="ez-toc-title">Indice dei contenuti di questo lungo articolo</p></div>
            <p>\(Self.article[0])</p><p>\(Self.article[1])</p>
            <div class="image"><div class="legend">La nuova pista di via Roma, inaugurata la settimana scorsa dal sindaco.</div></div>
            <p>\(Self.article[2])</p>
            <section class="editorial-disclosure"><p>Questo articolo contiene link di affiliazione a negozi che ci pagano una quota.</p></section></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article)
    }

    @Test func theArticleHeaderIsReadWhenLinksFollowTheBody() throws {
        // The body is an article inside the page's article, and a list of tag links follows it: the
        // outer article's header still gives the standfirst.
        let lead = "Il piano prevede quaranta chilometri di nuove corsie protette entro la fine del prossimo anno."
        let tags = (1...12).map { "<a href=\"/tag/\($0)\">argomento numero \($0)</a>" }.joined(separator: " ")
        let body = """
            <article class="post"><header><h1>Piste ciclabili, via libera dal consiglio</h1><p class="intro">\(lead)</p></header>
            <div class="wrap"><article class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></article>
            <div class="tags">\(tags)</div></div></article>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [lead] + Self.article)
    }

    @Test func aBlockBesideJoinedSiblingsIsStillReadAsALead() throws {
        // The second text block scores enough to join the first; the third, one paragraph long, does
        // not, yet it is the article's last paragraph.
        let last = "Il cantiere partirà a marzo e durerà, secondo il comune, almeno diciotto mesi."
        let paragraphs = Self.article.map { "<p>\($0)</p>" }.joined()
        let body = """
            <div class="story"><div class="textBlock">\(paragraphs)\(paragraphs)</div><div class="textBlock">\(paragraphs)</div>
            <div class="textBlock"><p>\(last)</p></div></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article + Self.article + Self.article + [last])
    }

    @Test func aBodyAloneInItsSectionIsTheSection() throws {
        // A page builder puts each text in an article of its own inside a section: the body is the
        // section, so the next section's text is read beside it.
        let next = "Il cantiere partirà a marzo e durerà, secondo il comune, almeno diciotto mesi."
        let body = """
            <section class="page-section"><article class="image-text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p>
            <p>\(Self.article[2])</p></article></section>
            <section class="page-section"><article class="image-text"><p>\(next)</p></article></section>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article + [next])
    }

    @Test func aShortPostInTheMarkedEntryIsNotTradedForTheSidebar() throws {
        // One line of a blog post, and a sidebar text widget with more words: the entry is the article.
        let post = "Investirei volentieri in colonnine di ricarica."
        let body = """
            <article class="post"><div class="entry-content"><p>\(post)</p></div></article>
            <div id="secondary" class="widget-area"><div class="widget widget_text"><p>\(Self.article[0])</p></div></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [post])
    }

    @Test func rubyReadingsAreNotText() throws {
        // A news site for learners prints the reading of each word over it: <rt> is the reading.
        let body = """
            <div class="article-body"><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための\
            <ruby>法律<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために、たたいたり蹴ったりすることが禁止されました。</p>
            <p>\(Self.article[0])</p></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == ["子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたり蹴ったりすることが禁止されました。", Self.article[0]])
    }

    @Test func theTrailEndsAtTheShareBarOrALinkList() throws {
        // After the body, a closing sentence is the article's; what follows the share bar is the site's.
        let closing = "Il cantiere partirà a marzo e durerà, secondo il comune, almeno diciotto mesi."
        let note = "Le opinioni espresse negli articoli di questo blog impegnano soltanto i loro autori."
        let body = """
            <div class="wrap"><div class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div>
            <div class="end"><p>\(closing)</p></div><div class="share-bar"><a href="#">Facebook</a> <a href="#">WhatsApp</a></div>
            <div class="note"><p>\(note)</p></div></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == Self.article + [closing])
    }

    @Test func standfirstHeadingsByTheirEditorialNames() throws {
        // The Spanish bajada, the French chapeau and a teaser heading are standfirsts too.
        let lead = "Quaranta chilometri di nuove corsie protette entro la fine del prossimo anno, con fondi regionali."
        for word in ["bajada", "chapeau", "article-teaser", "entry-excerpt", "abstract"] {
            let body = """
                <article><header><h1>Piste ciclabili, via libera dal consiglio</h1><h2 class="\(word)">\(lead)</h2></header>
                <div class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div></article>
                """
            let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
            #expect(result.paragraphs == [lead] + Self.article, "\(word)")
        }
    }

    @Test func ingredientsInABoxOfTheirOwnBeforeTheStepsAreRead() throws {
        // The ingredients sit in one accordion, the steps in the next: the ingredients' box is a lead
        // block, and the body part inside it is read whole.
        let body = """
            <article class="recipe"><div class="box"><div class="accordion"><h2>Ingredienti</h2><div class="accordion-content">
            <div class="m053-ingredients"><ul><li>200 g di <a href="/farina">farina</a></li><li>3 uova</li></ul></div></div></div>
            <div class="accordion"><div class="preparation"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div>
            </div></div></article>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == ["200 g di farina", "3 uova"] + Self.article)
    }

    @Test func theTitleOfALinkListAfterTheTextGoesWithIt() throws {
        // "Leggi anche" heads the links that close the body; the subheading before the last
        // paragraph heads text and stays.
        let body = """
            <div class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><h3>Le periferie</h3><p>\(Self.article[2])</p>
            <h3>Leggi anche</h3><ul><li><a href="/b">Bici elettriche, boom di vendite in città</a></li>
            <li><a href="/c">Nuove zone trenta in centro dal mese prossimo</a></li></ul></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [Self.article[0], Self.article[1], "Le periferie", Self.article[2]])
    }

    @Test func aHeadingAsLongAsASentenceIsAStandfirst() throws {
        // Beside the body: the long <h2> is its standfirst, the short <h3> a section name.
        let lead = "Quaranta chilometri di nuove corsie protette entro la fine del prossimo anno, con fondi regionali e comunali."
        let body = """
            <article><h1>Piste ciclabili, via libera dal consiglio</h1><h3>Cronaca</h3><h2>\(lead)</h2>
            <div class="text">\((Self.article + Self.article).map { "<p>\($0)</p>" }.joined())</div></article>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [lead] + Self.article + Self.article)
    }

    @Test func theMarkedEntryOfShortLinesWinsOverParagraphsOutsideIt() throws {
        // A photo post: the entry is short lines (each below the shortest scoring paragraph); a
        // column beside it (links, then a box of real paragraphs) is not the post.
        let lines = [
            "Pellicola: Fuji 400.", "Macchina: Pentax Z-1.", "Prima esposizione: Milano.", "Seconda esposizione: Torino.",
            "Sviluppo: in casa, C-41.", "Scansione: Epson V600."
        ]
        let body = """
            <div class="post"><h1>Doppia esposizione</h1><div class="entry-content">\(lines.map { "<p>\($0)</p>" }.joined())</div></div>
            <div class="column-right"><ul><li><a href="/1">Archivio delle fotografie in bianco e nero</a></li>
            <li><a href="/2">Tutte le pellicole provate in questi anni</a></li><li><a href="/3">Scambi con altri fotografi</a></li>
            <li><a href="/4">Come sviluppare a casa il colore</a></li><li><a href="/5">Le macchine a telemetro del mercatino</a></li></ul>
            <div class="box"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == lines)
    }

    @Test func theHeaderIsReadPastLinksAfterTheBodyOutsideAnArticle() throws {
        // No <article>: the standfirst in the header block before the body is still read when
        // tags and related links follow the body in the same wrapper.
        let lead = "Quaranta chilometri di nuove corsie protette entro la fine del prossimo anno, con fondi regionali."
        let body = """
            <div class="wrapper"><div class="head"><h1>Piste ciclabili, via libera dal consiglio</h1><p>\(lead)</p></div>
            <div class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div>
            <div class="tags"><a href="/t/bici">bici</a> <a href="/t/consiglio">consiglio comunale</a> <a href="/t/mobilita">mobilità</a>
            <a href="/t/periferie">periferie</a> <a href="/t/scuole">scuole e quartieri</a> <a href="/t/fondi">fondi regionali</a>
            <a href="/t/lavori">lavori pubblici in primavera</a> <a href="/t/corsie">corsie protette</a>
            <a href="/t/assessora">assessora alla mobilità</a> <a href="/t/opposizione">opposizione in consiglio</a>
            <a href="/t/collegamenti">collegamenti sicuri</a> <a href="/t/primavera">cantieri di primavera</a></div></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [lead] + Self.article)
    }

    @Test func everyEntryOfAThreadIsText() throws {
        // A forum thread: three posts built alike (author cell, then the message); the longest
        // message scores best, and the same block in the other posts is text too.
        let posts = [
            "Seit dem Update lädt der Store über das Mobilnetz nichts mehr, im WLAN geht alles.",
            "Bei mir genauso, seit gestern Abend, auf zwei Geräten, obwohl die Einstellung für mobile Daten an ist, "
                + "habe ich nichts geändert, und der Akku, die Apps, die Updates laufen normal.",
            "Abmelden und wieder anmelden hat es bei mir gelöst, danach ging der Download wieder."
        ]
        let entries = posts.enumerated().map { i, text in
            "<article class=\"message message--post\"><div class=\"message-user\"><a href=\"/u/\(i)\">nutzer\(i)</a></div>"
                + "<div class=\"message-main\"><div class=\"message-body\"><p>\(text)</p></div></div></article>"
        }
        let body = "<div class=\"block-body\">\(entries.joined())</div>"
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == posts)
    }

    @Test func storiesWithTitlesOfTheirOwnAreNotAThread() throws {
        // A page that appends the next stories, each with its <h1>, in blocks built like the first:
        // the first story is the text, the others are not its entries.
        let stories = (0..<3).map { i in
            "<article class=\"story\"><h1>Titolo \(i)</h1><div class=\"story-text\">"
                + (i == 0 ? Self.article.map { "<p>\($0)</p>" }.joined() : "<p>\(Self.article[i])</p>") + "</div></article>"
        }
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: "<div class=\"feed\">\(stories.joined())</div>")))
        #expect(result.paragraphs == Self.article)
    }

    @Test func aSentenceHeadingInsideABlockBesideTheBodyIsText() throws {
        // A heading as long as a sentence nested in a block before the body is read as its lead, unless
        // it sits right below the title (a standfirst in the title's header, which AEB's gold leaves out).
        let standfirst = "Quaranta chilometri di nuove corsie protette entro la fine del prossimo anno, con i fondi della regione."
        let sentence = "Le associazioni dei ciclisti chiedono da anni percorsi sicuri tra le scuole, i quartieri e le stazioni della città."
        let body = """
            <div class="wrapper"><div class="head"><h1>Piste ciclabili, via libera dal consiglio</h1><h2>\(standfirst)</h2></div>
            <div class="box"><h3>\(sentence)</h3></div>
            <div class="text"><p>\(Self.article[0])</p><p>\(Self.article[1])</p><p>\(Self.article[2])</p></div></div>
            """
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: body)))
        #expect(result.paragraphs == [sentence] + Self.article)
    }

    static let tickerEntries = [
        "Fischio finale al Moustoir: il Lorient tiene testa al Lione e chiude la partita sul pareggio, uno a uno.",
        "Cartellino giallo per il portiere, che ha perso troppo tempo prima di battere una punizione dal limite.",
        "Contropiede del Lorient, il cross dalla sinistra arriva in area ma il portiere ospite respinge il pericolo."
    ]

    static func ticker() -> String {
        let entries = tickerEntries.map { "<div class=\"match-comment\"><div class=\"match-comment-body\">\($0)</div></div>" }
        return "<div class=\"live-match\">\(entries.joined())</div>"
    }

    @Test func commentsBeforeAnyParagraphOfThePageAreItsText() throws {
        // A live ticker whose entries are classed as comments, with no text of the page's own before
        // them: they are the page's content, every entry of them.
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: Self.ticker())))
        #expect(result.paragraphs == Self.tickerEntries)
    }

    @Test func commentsAfterTheArticleAreNotText() throws {
        let article = "<div class=\"story\">" + Self.article.map { "<p>\($0)</p>" }.joined() + "</div>"
        let result = MainTextExtractor().extract(try HTMLParser().parse(Self.page(body: article + Self.ticker())))
        #expect(result.paragraphs == Self.article)
    }

    @Test func pageWithoutTextGivesEmptyResult() throws {
        let result = MainTextExtractor().extract(try HTMLParser().parse("<html><body><nav><a href=/>Home</a></nav></body></html>"))
        #expect(result.text.isEmpty)
        #expect(result.body == nil)
    }
}
