import CronistaCore
import CronistaNLP
import CronistaStorage
import Testing

/// The behaviour every ``DocumentStore`` backend must have. Each check takes a fresh, empty store
/// from `makeStore`; `SQLiteStoreTests` and `PostgresStoreTests` run every check on their backend.
struct StoreContract: Sendable {
    let makeStore: @Sendable () async throws -> any DocumentStore

    /// A fresh store holding the seed article, the second article and the dev documents.
    func loadedStore() async throws -> (any DocumentStore, [StorableDocument]) {
        let store = try await makeStore()
        var docs = [
            try StoreFixtures.storable(try StoreFixtures.seedDocument()), try StoreFixtures.storable(try StoreFixtures.secondDocument())
        ]
        for d in StoreFixtures.devDocuments { docs.append(try StoreFixtures.storable(d)) }
        // Two batches, as ingest would write them.
        let half = docs.count / 2
        let r1 = try await store.store(Array(docs[..<half]))
        let r2 = try await store.store(Array(docs[half...]))
        #expect(r1.stored.count + r2.stored.count == docs.count)
        #expect(r1.skipped.isEmpty && r2.skipped.isEmpty)
        return (store, docs)
    }

    // MARK: Round trip

    func roundTrip() async throws {
        let (store, docs) = try await loadedStore()
        defer { Task { try? await store.close() } }
        #expect(StoreFixtures.devDocuments.count == 53, "the dev set has 53 documents")
        let stats = try await store.statistics()
        #expect(stats.documents == docs.count)
        #expect(stats.entities == docs.reduce(0) { $0 + $1.entities.count })
        #expect(stats.mentions == docs.reduce(0) { $0 + $1.mentions.count })
        #expect(stats.quotes == docs.reduce(0) { $0 + $1.quotes.count })
        #expect(stats.quotes >= 4)
        // The analysis comes back byte for byte as `Document.analysisJSON()` wrote it.
        let seed = try StoreFixtures.seedDocument()
        #expect(try await store.analysisJSON(documentID: seed.id) == String(decoding: seed.analysisJSON(), as: UTF8.self))
        for d in StoreFixtures.devDocuments.prefix(5) {
            #expect(try await store.analysisJSON(documentID: d.id) == String(decoding: d.analysisJSON(), as: UTF8.self))
        }
        #expect(try await store.analysisJSON(documentID: "no-such-document") == nil)
        #expect(try await store.contains(id: seed.id))
        #expect(try await store.contains(hash: StorableDocument.contentHash(of: seed.text)))
        #expect(!(try await store.contains(id: "no-such-document")))
        #expect(!(try await store.contains(hash: StorableDocument.contentHash(of: "no such text"))))
        let known = try await store.existing(
            ids: [seed.id, "nope"], hashes: [StorableDocument.contentHash(of: StoreFixtures.secondText), "0"])
        #expect(known.ids == [seed.id])
        #expect(known.hashes == [StorableDocument.contentHash(of: StoreFixtures.secondText)])
    }

    // MARK: Speaker search

    func speakerSearch() async throws {
        let (store, _) = try await loadedStore()
        defer { Task { try? await store.close() } }
        let hits = try await store.quotes(QuoteQuery(speaker: "Lukashenko"))
        #expect(hits.map(\.documentID) == ["000_193cd34c33125298", "belta-2023-01-05"], "newest first")
        let h = try #require(hits.first)
        #expect(h.quoteID == "q1")
        #expect(h.kind == "direct")
        #expect(h.content.startScalar == StoreFixtures.lukashenkoQuote.start && h.content.endScalar == StoreFixtures.lukashenkoQuote.end)
        #expect(h.content.text.hasPrefix("Loro (i francesi, ndr) stanno cercando di spaventarci"))
        #expect(h.content.text.hasSuffix("Non abbiamo mai nemmeno discusso di questo problema"))
        #expect(h.content.text == StoreFixtures.slice(StoreFixtures.seedText, h.content.startScalar, h.content.endScalar))
        #expect(h.cue == ScalarSpan(startScalar: 1053, endScalar: 1061, text: "ha detto"))
        #expect(h.speaker == ScalarSpan(startScalar: 1062, endScalar: 1072, text: "Lukashenko"))
        #expect(h.speakerName == "Aleksander Lukashenko")
        #expect(h.speakerKB == "Q2866")
        #expect(h.published == "2024-04-12" && h.source == "ansa")
        // The sentence range: from the sentence the quote opens in to the one its speaker closes.
        let seed = try StoreFixtures.seedDocument()
        let index = OffsetIndex(seed.text)
        let touching = seed.sentences.map { index.scalarRange($0.range) }.filter { $0.end > 776 && $0.start < 1072 }
        #expect(!touching.isEmpty)
        #expect(h.sentenceStartScalar == touching.first!.start && h.sentenceEndScalar == touching.last!.end)
        #expect(h.sentenceStartScalar <= 775 && h.sentenceEndScalar >= 1073)
        #expect(StoreFixtures.slice(StoreFixtures.seedText, h.sentenceStartScalar, h.sentenceEndScalar).contains("\", ha detto Lukashenko"))

        // Name, alias, KB id; any case, any accents.
        for s in ["lukashenko", "LUKASHENKO", "Aleksander Lukashenko", "aleksander", "Q2866", "q2866", "  Lukashenko "] {
            #expect(try await store.quotes(QuoteQuery(speaker: s)).count == 2, "speaker '\(s)'")
        }
        let sejourne = try await store.quotes(QuoteQuery(speaker: "Séjourné"))
        #expect(sejourne.count == 1)
        #expect(sejourne.first?.kind == "mixed")
        #expect(sejourne.first?.speaker?.text == "il quale")
        #expect(sejourne.first?.speakerName == "Stèphane Sèjournè")
        #expect(sejourne.first?.content.text == "Parigi non ha più \"interesse\" a discutere con Mosca")
        // A speaker that is not an entity is found by its own words.
        let ministry = try await store.quotes(QuoteQuery(speaker: "il Ministero degli Esteri russo"))
        #expect(ministry.count == 1)
        #expect(ministry.first?.speakerName == nil && ministry.first?.speakerKB == nil)
        #expect(ministry.first?.content.text.hasPrefix("L’ ambasciatore francese") == true)
        // Putin is mentioned but never quoted.
        #expect(try await store.quotes(QuoteQuery(speaker: "Putin")).isEmpty)
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenk")).isEmpty, "whole words only")
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", limit: 1)).count == 1)
    }

    /// Keys are found whatever their script, and KB ids that are not Wikidata ids (with `:`, `/`,
    /// `-`) are found whole, never by their parts.
    func nonLatinNamesAndKBIds() async throws {
        let store = try await makeStore()
        defer { Task { try? await store.close() } }
        let doc = try StoreFixtures.storable(try StoreFixtures.foreignDocument())
        #expect(try await store.store([doc]).stored == [doc.id])
        for s in ["Лавров", "лавров", "Сергей Лавров", "kb:per/lavrov-s", "KB:PER/LAVROV-S"] {
            let hits = try await store.quotes(QuoteQuery(speaker: s))
            #expect(hits.map(\.content.text) == ["Никаких переговоров"], "speaker '\(s)'")
        }
        #expect(try await store.quotes(QuoteQuery(speaker: "lavrov-s")).isEmpty, "a part of a KB id is not a key")
        #expect(try await store.quotes(QuoteQuery(speaker: "per")).isEmpty)
        let kremlin = try await store.entities(named: "kb:loc/kremlin", limit: 5)
        #expect(kremlin.map(\.name) == ["Cremlino"])
        #expect(try await store.entities(named: "Сергей", limit: 5).map(\.kb) == ["kb:per/lavrov-s"])
        #expect(try await store.documents(mentioningAll: ["Лавров", "kb:loc/kremlin"], limit: 5).map(\.id) == [doc.id])
    }

    /// Names are found however they are spelled: with or without the periods of an abbreviation,
    /// any accents, any apostrophe or dash; Cyrillic by its own letters (`й` is not `и`).
    func spellingVariantsFindEachOther() async throws {
        let store = try await makeStore()
        defer { Task { try? await store.close() } }
        let doc = try StoreFixtures.storable(try StoreFixtures.spellingDocument())
        #expect(try await store.store([doc]).stored == [doc.id])
        for s in ["UN", "U.N.", "u.n.", "un", " U.N "] {
            #expect(try await store.entities(named: s, limit: 5).map(\.name) == ["U.N."], "'\(s)'")
        }
        for s in ["Séjourné", "Sejourne", "Sèjournè", "SÉJOURNÉ", "Se\u{301}journe\u{301}", "Stephane Sejourne"] {
            #expect(try await store.entities(named: s, limit: 5).map(\.name) == ["Stéphane Séjourné"], "'\(s)'")
        }
        for s in ["D’Alema", "D'Alema", "d‘alema", "Massimo D'Alema", "MASSIMO D’ALEMA", "Alema"] {
            #expect(try await store.entities(named: s, limit: 5).map(\.name) == ["Massimo D’Alema"], "'\(s)'")
        }
        for s in ["Emilia-Romagna", "Emilia–Romagna", "Emilia — Romagna", "emilia romagna"] {
            #expect(try await store.entities(named: s, limit: 5).map(\.name) == ["Emilia–Romagna"], "'\(s)'")
        }
        // A speaker that is no entity, by its folded text; one that is, by its entity's keys.
        for s in ["Сергей Шойгу", "сергей шойгу", "СЕРГЕЙ ШОЙГУ"] {
            #expect(try await store.quotes(QuoteQuery(speaker: s)).map(\.content.text) == ["Nessun accordo"], "speaker '\(s)'")
        }
        #expect(try await store.quotes(QuoteQuery(speaker: "Сергеи Шоигу")).isEmpty, "й is a letter of its own")
        for s in ["D'Alema", "D’Alema", "Massimo D'Alema"] {
            let hits = try await store.quotes(QuoteQuery(speaker: s))
            #expect(hits.map(\.content.text) == ["Serve pazienza"], "speaker '\(s)'")
            #expect(hits.first?.speakerName == "Massimo D’Alema")
        }
        // The entity pages' keys use the same fold.
        let un = try #require(try await store.entities(named: "UN", limit: 1).first)
        #expect(un.key.id == "ORG:un")
        #expect(try await store.entity(try #require(EntityKey("ORG:un")))?.name == "U.N.")
        #expect(try await store.entity(try #require(EntityKey("PER:massimo_d_alema")))?.mentions == 2)
        #expect(try await store.documents(mentioningAll: ["UN", "Sejourne", "D'Alema"], limit: 5).map(\.id) == [doc.id])
    }

    // MARK: About whom

    /// What A said about B: `about` matches the entities a quote's content mentions by name, one
    /// word of it, an alias or a KB id, accent- and case-insensitively, as `speaker` does, and
    /// each hit lists them in order.
    func aboutSearch() async throws {
        let (store, docs) = try await loadedStore()
        defer { Task { try? await store.close() } }
        let putin = QuoteAbout(name: "Vladimir Putin", type: "PER", kb: "Q7747")
        for b in ["Putin", "putin", "PUTIN", "Vladimir Putin", "vladimir", "Q7747", " Putin "] {
            let hits = try await store.quotes(QuoteQuery(speaker: "Lukashenko", about: b))
            #expect(hits.map(\.documentID) == ["000_193cd34c33125298"], "about '\(b)'")
            #expect(hits.first?.content.startScalar == StoreFixtures.lukashenkoQuote.start)
            #expect(hits.first?.about == [putin], "about '\(b)'")
        }
        // Telegram is named in the seed, outside every quote.
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", about: "Telegram")).isEmpty)
        #expect(try await store.quotes(QuoteQuery(about: "Telegram")).isEmpty)
        // Never the speaker's own mention; the other filters still hold.
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", about: "Lukashenko")).isEmpty)
        #expect(
            try await store.quotes(QuoteQuery(speaker: "Lukashenko", about: "Unione europea")).map(\.documentID) == ["belta-2023-01-05"])
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", about: "Q458", from: "2024-01-01")).isEmpty)
        #expect(try await store.quotes(QuoteQuery(about: "Putin", words: "bugia")).map { $0.quoteID } == ["q1"])
        #expect(try await store.quotes(QuoteQuery(about: "Unione europea", words: "bugia")).isEmpty)
        #expect(try await store.quotes(QuoteQuery(about: "Putinn")).isEmpty, "whole words only")
        #expect(try await store.quotes(QuoteQuery(about: "!!!")).isEmpty, "a term with no key matches nothing")
        // About alone: every hit is about an entity with that key.
        let aboutPutin = try await store.quotes(QuoteQuery(about: "Putin", limit: 1000))
        #expect(aboutPutin.contains { $0.documentID == "000_193cd34c33125298" && $0.quoteID == "q1" })
        #expect(aboutPutin.allSatisfy { $0.about.contains { $0.name.contains("Putin") } }, "\(aboutPutin.map(\.about))")
        // Every stored quote comes back with its `about` in order, as the document had it, and is
        // found by each of its entities' KB ids (the dev documents through the real pipeline).
        let all = try await store.quotes(QuoteQuery(limit: 10_000))
        var checked = 0
        for d in docs {
            for q in d.quotes {
                let hit = try #require(all.first { $0.documentID == d.id && $0.quoteID == "q\(q.ordinal + 1)" })
                #expect(hit.about.map(\.name) == q.about.map { d.entities[$0].name }, "\(d.id) q\(q.ordinal + 1)")
                for e in q.about where checked < 40 {
                    guard let kb = d.entities[e].kb else { continue }
                    let found = try await store.quotes(QuoteQuery(about: kb, limit: 10_000))
                    #expect(found.contains { $0.documentID == d.id && $0.quoteID == hit.quoteID }, "\(d.id) \(hit.quoteID) about \(kb)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10, "quotes about linked entities in the dev documents: \(checked)")
    }

    // MARK: Full text, dates, sources

    func fullTextAndFilters() async throws {
        let (store, _) = try await loadedStore()
        defer { Task { try? await store.close() } }
        let bugia = try await store.quotes(QuoteQuery(words: "bugia"))
        #expect(bugia.map(\.documentID) == ["000_193cd34c33125298"])
        #expect(bugia.first?.content.startScalar == 776)
        #expect(try await store.quotes(QuoteQuery(words: "Europa conquistare")).map(\.quoteID) == ["q1"], "all words, any order")
        #expect(try await store.quotes(QuoteQuery(words: "bugia Parigi")).isEmpty, "every word must occur")
        #expect(try await store.quotes(QuoteQuery(words: "inaccettabile")).first?.speaker?.text == "il ministero degli Esteri russo")
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", words: "accordo")).map(\.documentID) == ["belta-2023-01-05"])

        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", from: "2024-03-01")).map(\.documentID) == ["000_193cd34c33125298"])
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", to: "2023-12-31")).map(\.documentID) == ["belta-2023-01-05"])
        #expect(
            try await store.quotes(QuoteQuery(speaker: "Lukashenko", from: "2024-04-12", to: "2024-04-12")).count == 1, "inclusive bounds")
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", from: "2025-01-01")).isEmpty)
        #expect(try await store.quotes(QuoteQuery(source: "belta")).map(\.documentID) == ["belta-2023-01-05"], "source, any case")
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", source: "ANSA")).count == 1)
    }

    // MARK: Entities and co-mentions

    func entitiesAndCoMentions() async throws {
        let (store, _) = try await loadedStore()
        defer { Task { try? await store.close() } }
        let luka = try await store.entities(named: "lukashenko", limit: 10)
        #expect(luka == [EntityHit(name: "Aleksander Lukashenko", type: "PER", kb: "Q2866", documents: 2, mentions: 4)])
        // By KB id: the seed's Putin, and any dev document the engine now links to the same id.
        let putin = try await store.entities(named: "Q7747", limit: 10)
        #expect(!putin.isEmpty && putin.allSatisfy { $0.kb == "Q7747" && $0.type == "PER" })
        // One hit per KB id across documents: the seed and the dev documents that name him.
        #expect(putin.count == 1 && putin[0].name.hasSuffix("Putin") && putin[0].documents >= 2 && putin[0].mentions >= 4, "\(putin)")
        let sejourne = try await store.entities(named: "sejourne", limit: 10)
        #expect(sejourne == [EntityHit(name: "Stèphane Sèjournè", type: "PER", kb: nil, documents: 1, mentions: 2)])
        #expect(try await store.entities(named: "Nessuno Sconosciuto", limit: 10).isEmpty)

        #expect(try await store.documents(mentioningAll: ["Lukashenko", "Putin"], limit: 10).map(\.id) == ["000_193cd34c33125298"])
        #expect(try await store.documents(mentioningAll: ["Séjourné", "Lukashenko"], limit: 10).map(\.id) == ["000_193cd34c33125298"])
        #expect(
            try await store.documents(mentioningAll: ["Lukashenko"], limit: 10).map(\.id) == ["000_193cd34c33125298", "belta-2023-01-05"])
        #expect(try await store.documents(mentioningAll: ["Lukashenko", "Unione europea"], limit: 10).map(\.id) == ["belta-2023-01-05"])
        #expect(try await store.documents(mentioningAll: ["Putin", "Unione europea"], limit: 10).isEmpty)
        let hit = try #require(try await store.documents(mentioningAll: ["Q2866", "Q159"], limit: 10).first)
        #expect(
            hit
                == DocumentHit(
                    id: "000_193cd34c33125298", title: "Lukashenko: attacco alla Nato è una bugia", published: "2024-04-12", source: "ansa",
                    language: "it"))
    }

    // MARK: Entity pages: one entity by key, its quotes, who it appears with; documents; pages of quotes

    func entityPagesAndCursors() async throws {
        let (store, _) = try await loadedStore()
        defer { Task { try? await store.close() } }
        // Keys: a KB id, or type and folded name; both round-trip through their id.
        let luka = try #require(try await store.entities(named: "lukashenko", limit: 10).first).key
        #expect(luka == EntityKey(kb: "Q2866") && luka.id == "Q2866" && EntityKey("Q2866") == luka)
        let sejourne = try #require(try await store.entities(named: "sejourne", limit: 10).first).key
        #expect(sejourne.id == "PER:stephane_sejourne")
        #expect(EntityKey("PER:stephane_sejourne") == EntityKey(type: "PER", nameKey: "stephane sejourne"))
        for bad in ["", "PER:", "PER:Stèphane", "a b", "PER:a:b", "LOC:x y"] { #expect(EntityKey(bad) == nil, "'\(bad)'") }
        #expect(EntityKey("kb:loc/kremlin") == EntityKey(kb: "kb:loc/kremlin"), "the KB's own ids")

        #expect(
            try await store.entity(luka) == EntityHit(name: "Aleksander Lukashenko", type: "PER", kb: "Q2866", documents: 2, mentions: 4))
        #expect(try await store.entity(sejourne) == EntityHit(name: "Stèphane Sèjournè", type: "PER", kb: nil, documents: 1, mentions: 2))
        #expect(try await store.entity(EntityKey(kb: "Q0")) == nil)
        #expect(try await store.entity(EntityKey(type: "ORG", nameKey: "stephane sejourne")) == nil, "the type is part of the key")

        // Co-mentions: the entities of the seed and of the Belta article, each in one shared document.
        let with = try await store.coMentions(of: luka, limit: 50)
        #expect(Set(with.map(\.name)) == ["Vladimir Putin", "Stèphane Sèjournè", "Russia", "Mosca", "Minsk", "Unione europea"], "\(with)")
        #expect(with.allSatisfy { $0.documents == 1 })
        #expect(with.first { $0.kb == "Q159" }?.mentions == 2)
        #expect(try await store.coMentions(of: luka, limit: 2).count == 2)
        let withSejourne = try await store.coMentions(of: sejourne, limit: 50)
        #expect(withSejourne.contains(EntityHit(name: "Aleksander Lukashenko", type: "PER", kb: "Q2866", documents: 1, mentions: 3)))
        #expect(!withSejourne.contains { $0.name == "Stèphane Sèjournè" } && !withSejourne.contains { $0.kb == "Q458" })
        #expect(try await store.coMentions(of: EntityKey(kb: "Q0"), limit: 10).isEmpty)

        // Quotes of exactly one entity.
        #expect(try await store.quotes(QuoteQuery(speakerEntity: luka)).map(\.documentID) == ["000_193cd34c33125298", "belta-2023-01-05"])
        #expect(try await store.quotes(QuoteQuery(speakerEntity: sejourne)).map(\.kind) == ["mixed"])
        #expect(try await store.quotes(QuoteQuery(speakerEntity: EntityKey(kb: "Q7747"))).isEmpty, "Putin is never quoted")
        // Each hit names its speaker's entity, so a page can link to it.
        let sejourneQuote = try #require(try await store.quotes(QuoteQuery(speaker: "Séjourné")).first)
        #expect(sejourneQuote.speakerType == "PER" && sejourneQuote.speakerEntity == sejourne)
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko")).allSatisfy { $0.speakerEntity == luka })
        let ministry = try #require(try await store.quotes(QuoteQuery(speaker: "il Ministero degli Esteri russo")).first)
        #expect(ministry.speakerType == nil && ministry.speakerEntity == nil)

        // One document with its text.
        let seed = try StoreFixtures.seedDocument()
        let stored = try #require(try await store.document(id: seed.id))
        #expect(
            stored.hit
                == DocumentHit(
                    id: seed.id, title: "Lukashenko: attacco alla Nato è una bugia", published: "2024-04-12", source: "ansa", language: "it"
                ))
        #expect(stored.text == StoreFixtures.seedText && stored.analysisJSON == String(decoding: seed.analysisJSON(), as: UTF8.self))
        #expect(try await store.document(id: "no-such-document") == nil)

        // Cursors: pages of any size add up to the whole result, in order, without repeats.
        let all = try await store.quotes(QuoteQuery(limit: 10_000))
        #expect(all.count > 10)
        for size in [1, 3, 7] {
            var pages: [QuoteHit] = []
            var cursor: QuoteCursor?
            while true {
                let page = try await store.quotes(QuoteQuery(after: cursor, limit: size))
                if page.isEmpty { break }
                #expect(page.count <= size)
                pages += page
                cursor = QuoteCursor(after: page.last!)
                #expect(QuoteCursor(token: cursor!.token) == cursor)
                if pages.count > all.count { break }
            }
            #expect(pages == all, "pages of \(size)")
        }
        let first = try await store.quotes(QuoteQuery(speaker: "Lukashenko", limit: 1))
        #expect(first.map(\.documentID) == ["000_193cd34c33125298"])
        let second = try await store.quotes(QuoteQuery(speaker: "Lukashenko", after: QuoteCursor(after: first[0]), limit: 1))
        #expect(second.map(\.documentID) == ["belta-2023-01-05"])
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", after: QuoteCursor(after: second[0]), limit: 1)).isEmpty)
        let odd = QuoteCursor(published: nil, documentID: "città/“x”", ordinal: 12)
        #expect(QuoteCursor(token: odd.token) == odd)
        for bad in ["", "zz", "6162", "616", "ff1f1f"] { #expect(QuoteCursor(token: bad) == nil, "'\(bad)'") }
    }

    // MARK: Idempotency

    func idempotency() async throws {
        let (store, docs) = try await loadedStore()
        defer { Task { try? await store.close() } }
        let before = try await store.statistics()
        // The same documents again: all skipped, nothing doubled.
        let again = try await store.store(docs)
        #expect(again.stored.isEmpty)
        #expect(again.skipped == docs.map(\.id))
        // Same text under another id: skipped on the content hash.
        var renamed = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        renamed.id = "belta-copy"
        #expect(try await store.store([renamed]) == StoreResult(stored: [], skipped: ["belta-copy"]))
        // Same id with another text: a conflict, reported as one, and the stored text is kept.
        let other = try StoreFixtures.storable(
            try StoreFixtures.textLayer(id: "belta-2023-01-05", text: "Un altro testo.", metadata: .init()))
        #expect(try await store.store([other]) == StoreResult(stored: [], skipped: [], conflicts: ["belta-2023-01-05"]))
        #expect(try await store.document(id: "belta-2023-01-05")?.text != "Un altro testo.")
        #expect(try await store.statistics() == before)
        // Duplicates inside one batch: the first is stored, the second counted.
        let a = try StoreFixtures.storable(try StoreFixtures.textLayer(id: "dup-a", text: "Testo nuovo numero uno.", metadata: .init()))
        var b = a
        b.id = "dup-b"
        #expect(try await store.store([a, b, a]) == StoreResult(stored: ["dup-a"], skipped: ["dup-b", "dup-a"]))
        #expect(try await store.statistics().documents == before.documents + 1)
        // One id given to two different texts in one batch: the first is stored, the second is a conflict.
        let c1 = try StoreFixtures.storable(try StoreFixtures.textLayer(id: "dup-c", text: "Prima versione.", metadata: .init()))
        let c2 = try StoreFixtures.storable(
            try StoreFixtures.textLayer(id: "dup-c", text: "Seconda versione, corretta.", metadata: .init()))
        #expect(try await store.store([c1, c2]) == StoreResult(stored: ["dup-c"], skipped: [], conflicts: ["dup-c"]))
        #expect(try await store.document(id: "dup-c")?.text == "Prima versione.")
    }

    // MARK: Replace and delete

    /// `store(_:replacing: true)` puts a corrected article in place of the stored one, and
    /// `delete(ids:)` removes documents; either way no entity, key, quote or full-text row of the
    /// old text is left behind.
    func replaceAndDelete() async throws {
        let (store, docs) = try await loadedStore()
        defer { Task { try? await store.close() } }
        let before = try await store.statistics()
        let old = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        let corrected = try StoreFixtures.storable(try StoreFixtures.correctedSecondDocument())
        #expect(try await store.store([corrected]) == StoreResult(conflicts: [corrected.id]), "not without replacing")
        #expect(try await store.document(id: corrected.id)?.text == StoreFixtures.secondText)

        #expect(try await store.store([corrected], replacing: true) == StoreResult(replaced: [corrected.id]))
        let stored = try #require(try await store.document(id: corrected.id))
        #expect(stored.text == StoreFixtures.correctedSecondText)
        #expect(stored.hit.published == "2023-01-06" && stored.hit.title == "Lukashenko e la Polonia")
        #expect(try await store.analysisJSON(documentID: corrected.id) == corrected.analysisJSON)
        #expect(try await store.quotes(QuoteQuery(words: "firmeremo")).isEmpty, "the old quote's full-text row is gone")
        #expect(try await store.quotes(QuoteQuery(words: "ornitorinchi")).map(\.documentID) == [corrected.id])
        let belta = try await store.quotes(QuoteQuery(speaker: "Lukashenko", source: "Belta"))
        #expect(belta.map(\.content.text) == ["Non venderemo mai ornitorinchi a Varsavia"])
        #expect(try await store.entities(named: "Varsavia", limit: 10).map(\.documents) == [1])
        let after = try await store.statistics()
        #expect(after.documents == before.documents)
        #expect(after.entities == before.entities - old.entities.count + corrected.entities.count)
        #expect(after.mentions == before.mentions - old.mentions.count + corrected.mentions.count)
        #expect(after.quotes == before.quotes - old.quotes.count + corrected.quotes.count)
        // The same text again is skipped, not replaced; a text stored under another id is not
        // taken over (the other document keeps it, this one is left as it was).
        #expect(try await store.store([corrected], replacing: true) == StoreResult(skipped: [corrected.id]))
        var stolen = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        stolen.id = corrected.id
        let r = try await store.store([stolen], replacing: true)
        #expect(r.stored.isEmpty && r.replaced.isEmpty)
        #expect(try await store.document(id: corrected.id)?.text == StoreFixtures.correctedSecondText)
        #expect(try await store.statistics() == after)

        // Delete: the document and everything derived from it; unknown ids are left out.
        #expect(try await store.delete(ids: ["no-such-document", corrected.id]) == [corrected.id])
        #expect(!(try await store.contains(id: corrected.id)))
        #expect(!(try await store.contains(hash: corrected.contentHash)))
        #expect(try await store.quotes(QuoteQuery(words: "ornitorinchi")).isEmpty)
        #expect(try await store.entities(named: "Varsavia", limit: 10).isEmpty)
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko", source: "Belta")).isEmpty)
        #expect(
            try await store.statistics()
                == StoreStatistics(
                    documents: before.documents - 1, entities: after.entities - corrected.entities.count,
                    mentions: after.mentions - corrected.mentions.count, quotes: after.quotes - corrected.quotes.count,
                    events: after.events - corrected.events.count,
                    participants: after.participants - corrected.events.reduce(0) { $0 + $1.participants.count },
                    times: after.times - corrected.times.count, stories: after.stories - 1))
        #expect(try await store.delete(ids: [corrected.id]) == [])
        // The id and the text are free again.
        #expect(try await store.store([old]).stored == [old.id])
        #expect(try await store.statistics() == before)
        _ = docs
    }

    // MARK: Transactions and invariants

    func failedBatchRollsBack() async throws {
        let (store, _) = try await loadedStore()
        defer { Task { try? await store.close() } }
        let before = try await store.statistics()
        let good = try StoreFixtures.storable(try StoreFixtures.textLayer(id: "good", text: "Un documento valido.", metadata: .init()))
        var bad = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        bad.id = "bad"
        bad.text += " (variante)"
        bad.contentHash = StorableDocument.contentHash(of: bad.text)
        bad.quotes[0].speakerEntity = 99  // no such entity: a foreign-key violation, found by the database
        await #expect(throws: StoreError.self) { try await store.store([good, bad]) }
        #expect(!(try await store.contains(id: "good")), "the whole batch is rolled back")
        #expect(!(try await store.contains(id: "bad")))
        #expect(try await store.statistics() == before)
        // The store is still usable, and the good document goes in on its own.
        #expect(try await store.store([good]).stored == ["good"])
    }

    func invariantsInTheDatabase() async throws {
        let store = try await makeStore()
        defer { Task { try? await store.close() } }
        let seed = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        // CHECK (start <= end).
        var backwards = seed
        backwards.quotes[0].content = ScalarSpan(startScalar: 145, endScalar: 124, text: "x")
        await #expect(throws: StoreError.self) { try await store.store([backwards]) }
        // A quote outside its sentence range.
        var outside = seed
        outside.quotes[0].sentenceEndScalar = 10
        await #expect(throws: StoreError.self) { try await store.store([outside]) }
        // An alias of a missing entity (a foreign key, or the store's own check where the keys
        // live in a full-text table).
        var orphan = seed
        orphan.aliases.append(.init(entity: 42, key: "orfano"))
        await #expect(throws: StoreError.self) { try await store.store([orphan]) }
        // Unknown label.
        var label = seed
        label.quotes[0].kind = "rumour"
        await #expect(throws: StoreError.self) { try await store.store([label]) }
        #expect(try await store.statistics() == StoreStatistics())
        // A Document that breaks its own invariants is refused before it reaches the database.
        var broken = try StoreFixtures.seedDocument()
        broken.quotes[0].speaker?.entity = 17
        #expect(throws: StoreError.self) { try StorableDocument(document: broken, analysisJSON: Array("{}".utf8)) }
        #expect(try await store.store([seed]).stored == [seed.id])
    }

    /// Every check, in order (for a backend that wants them as one test).
    func all() async throws {
        try await roundTrip()
        try await speakerSearch()
        try await aboutSearch()
        try await nonLatinNamesAndKBIds()
        try await spellingVariantsFindEachOther()
        try await fullTextAndFilters()
        try await entitiesAndCoMentions()
        try await entityPagesAndCursors()
        try await idempotency()
        try await replaceAndDelete()
        try await failedBatchRollsBack()
        try await invariantsInTheDatabase()
        try await eventSearch()
        try await timeline()
        try await eventsLeaveWithTheirDocument()
        try await eventInvariants()
    }
}
