import HTTPTypes
import CronistaStorage
import Hummingbird

/// The web pages: search (`/`), an entity (`/entities/{id}`), a document (`/documents/{id}`), the
/// followed sources (`/sources`).
/// Rendered on the server, escaped, no script.
extension Router where Context == ServerContext {
    func addWebRoutes(_ state: ServerState) {
        let timeout = state.configuration.requestTimeout
        route(.get, "/", timeout) { request, _ in
            try await SearchPage.render(QueryParameters(request.uri.query), state, request: request)
        }
        route(.get, "/entities/{id}", timeout) { request, context in
            try await EntityPage.render(try APIRoutes.entityKey(context), state, request: request)
        }
        route(.get, "/documents/{id}", timeout) { request, context in
            try await DocumentPage.render(try APIRoutes.pathParameter(context, "id"), state, request: request)
        }
        route(.get, "/sources", timeout) { request, _ in
            try await SourcesPage.render(state, request: request)
        }
    }
}

/// One quote as a card: the words, then who said them (linked to the entity), the cue, the
/// article (linked to the quote in the document page), its date and source.
func quoteCard(_ h: QuoteHit, strings: WebStrings, showDocument: Bool = true) -> String {
    let speaker: String
    let speakerName = h.speakerName ?? h.speaker?.text ?? strings["quote.unknown-source"]
    if let key = h.speakerEntity {
        speaker = "<a class=\"speaker\" href=\"\(HTML.escape(HTML.entityURL(key.id)))\">\(HTML.escape(speakerName))</a>"
    } else {
        speaker = "<span class=\"speaker\">\(HTML.escape(speakerName))</span>"
    }
    var meta = [speaker]
    if let cue = h.cue { meta.append("<span class=\"cue\">\(HTML.escape(cue.text))</span>") }
    if showDocument {
        meta.append(
            "<a href=\"\(HTML.escape(HTML.documentURL(h.documentID, quote: h.quoteID)))\">\(HTML.escape(h.title ?? h.documentID))</a>")
    }
    if let p = h.published { meta.append(HTML.escape(p)) }
    if let s = h.source { meta.append(HTML.escape(s)) }
    // Whom it is about, each linked to its entity page.
    let about =
        h.about.isEmpty
        ? ""
        : "\n<div class=\"meta about\">\(HTML.escape(strings["quote.about"])): "
            + h.about.map { "<a class=\"about\" href=\"\(HTML.escape(HTML.entityURL($0.key.id)))\">\(HTML.escape($0.name))</a>" }
            .joined(separator: ", ") + "</div>"
    return """
        <article class="quote" data-quote="\(HTML.escape(h.quoteID))" data-document="\(HTML.escape(h.documentID))" data-speaker="\(HTML.escape(speakerName))">
        \(HTML.quoteBlock(h.content.text, kind: h.kind))
        <div class="meta"><span class="kind" data-kind="\(HTML.escape(h.kind))">\(HTML.escape(strings["kind." + h.kind]))</span> · \(meta.joined(separator: " · "))</div>\(about)
        </article>
        """
}
