import Foundation
import Testing

@testable import CronistaHTML

/// The seed article (read from the shared data at test time, never copied into the repository) wrapped
/// in a news site's page: navigation, a cookie banner, a share bar, related links, a newsletter box,
/// comments and a footer. The main text must be exactly the seed text, and the metadata the page's.
@Suite struct SeedPageTests {
    static func seedText() throws -> String {
        try String(contentsOfFile: SharedData.path("data/quotes/seed/000_193cd34c33125298.txt"), encoding: .utf8)
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// An Italian news page around the seed's paragraphs (one `<p>` each, some with inline markup).
    static func page(_ seed: String) -> String {
        let paragraphs = seed.components(separatedBy: "\n\n").map { "<p>\(escaped($0))</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="it-IT" class="no-js">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Putin e Lukashenko al Cremlino: «L'attacco alla Nato è una bugia» | Il Quotidiano di Prova</title>
            <meta name="description" content="I due presidenti a colloquio a Mosca.">
            <meta property="og:site_name" content="Il Quotidiano di Prova">
            <meta property="og:title" content="Putin e Lukashenko al Cremlino: «L'attacco alla Nato è una bugia»">
            <meta property="og:type" content="article">
            <link rel="canonical" href="https://quotidiano-prova.example/esteri/2023/04/06/putin-lukashenko-cremlino">
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Putin e Lukashenko al Cremlino: «L'attacco alla Nato è una bugia»",
             "datePublished":"2023-04-06T10:12:00+02:00","dateModified":"2023-04-06T18:40:00+02:00",
             "author":[{"@type":"Person","name":"Redazione Esteri"}],
             "publisher":{"@type":"Organization","name":"Il Quotidiano di Prova"}}
            </script>
            <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"sezione": "esteri"});</script>
            <style>.cookie-banner{position:fixed;bottom:0}</style>
            </head>
            <body class="article-page">
            <div id="cookie-banner" class="cookie-banner" role="dialog">
              <p>Usiamo cookie tecnici e, con il tuo consenso, cookie di profilazione nostri e di terze parti per
              mostrarti pubblicità in linea con le tue preferenze. <a href="/privacy">Informativa estesa</a></p>
              <button class="accept">Accetta tutti</button> <button class="reject">Rifiuta</button>
            </div>
            <a class="skip-link" href="#contenuto">Vai al contenuto</a>
            <header class="site-header">
              <div class="masthead"><a href="/" class="logo">Il Quotidiano di Prova</a></div>
              <nav class="main-menu"><ul>
                <li><a href="/">Home</a></li><li><a href="/politica">Politica</a></li><li><a href="/esteri">Esteri</a></li>
                <li><a href="/economia">Economia</a></li><li><a href="/sport">Sport</a></li><li><a href="/cultura">Cultura</a></li>
              </ul></nav>
              <div class="breadcrumb"><a href="/">Home</a> › <a href="/esteri">Esteri</a></div>
            </header>
            <main id="contenuto">
            <article class="article">
              <header class="article-header">
                <span class="kicker">Il vertice</span>
                <h1 class="article-title">Putin e Lukashenko al Cremlino: «L'attacco alla Nato è una bugia»</h1>
                <div class="article-meta"><span class="byline">di <a href="/autori/redazione-esteri">Redazione Esteri</a></span>
                <time datetime="2023-04-06T10:12:00+02:00">6 aprile 2023</time></div>
              </header>
              <div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
              <figure class="article-image"><img src="/foto/cremlino.jpg" alt="Il Cremlino">
                <figcaption>Il Cremlino, a Mosca (foto d'archivio)</figcaption></figure>
              <div class="article-body">
            \(paragraphs)
              </div>
              <div class="tags"><a href="/tag/russia">Russia</a> <a href="/tag/bielorussia">Bielorussia</a> <a href="/tag/nato">Nato</a></div>
              <section class="related-articles"><h3>Leggi anche</h3><ul>
                <li><a href="/esteri/a">Ucraina, nuovi attacchi nella notte sulla capitale</a></li>
                <li><a href="/esteri/b">Nato, il vertice dei ministri degli Esteri a Bruxelles</a></li>
                <li><a href="/esteri/c">Bielorussia, le opposizioni chiedono nuove elezioni</a></li></ul></section>
            </article>
            <div class="newsletter-box"><h3>La newsletter del mattino</h3><p>Le notizie più importanti ogni giorno alle sette,
              direttamente nella tua casella di posta.</p><form><input type="email"><button>Iscriviti</button></form></div>
            <section id="comments" class="comments"><h3>3 commenti</h3>
              <div class="comment"><span class="comment-author">Marco</span><p>Non credo a una sola parola di quello che dicono,
              e non dovremmo crederci nemmeno noi, dopo tutto quello che è successo in questi anni.</p></div></section>
            </main>
            <aside class="sidebar"><h3>I più letti</h3><ol>
              <li><a href="/x">Maltempo, allerta rossa in tre regioni</a></li><li><a href="/y">Borsa, giornata positiva a Milano</a></li></ol></aside>
            <footer class="site-footer"><p>© 2023 Il Quotidiano di Prova — Testata registrata. P. IVA 00000000000</p>
              <ul><li><a href="/chi-siamo">Chi siamo</a></li><li><a href="/contatti">Contatti</a></li><li><a href="/privacy">Privacy</a></li></ul>
            </footer>
            </body></html>
            """
    }

    @Test func seedArticleComesOutExactly() throws {
        let seed = try Self.seedText()
        let doc = try HTMLParser().parse(bytes: Array(Self.page(seed).utf8))
        let result = MainTextExtractor().extract(doc)
        #expect(result.paragraphs.joined(separator: "\n\n") == seed)
    }

    @Test func seedPageMetadata() throws {
        let doc = try HTMLParser().parse(bytes: Array(Self.page(try Self.seedText()).utf8))
        let m = MetadataExtractor(today: "2026-12-04").extract(doc)
        #expect(m.title == "Putin e Lukashenko al Cremlino: «L'attacco alla Nato è una bugia»")
        #expect(m.published == "2023-04-06")
        #expect(m.author == "Redazione Esteri")
        #expect(m.siteName == "Il Quotidiano di Prova")
        #expect(m.language == "it-it")
        #expect(m.canonicalURL == "https://quotidiano-prova.example/esteri/2023/04/06/putin-lukashenko-cremlino")
    }
}
