import CronistaStorage
import Foundation
import Testing

/// The near-duplicate fingerprint and the grouping rule every store applies at ingest.
@Suite struct StorySignatureTests {
    static let sentences = [
        "Il consiglio comunale di Trento ha approvato ieri sera il nuovo piano per le piste ciclabili della città.",
        "Il progetto prevede dodici chilometri di percorsi protetti tra la stazione e il quartiere delle Albere.",
        "La sindaca ha spiegato che i lavori cominceranno in primavera e dureranno circa diciotto mesi.",
        "L'opposizione ha votato contro, sostenendo che il costo dell'opera sia stato sottovalutato.",
        "Secondo l'assessore alla mobilità il comune userà anche fondi europei destinati alla transizione ecologica.",
        "I commercianti del centro temono che i cantieri allontanino i clienti durante le feste.",
        "Un'associazione di ciclisti ha invece accolto la decisione con favore e chiede tempi certi.",
        "La prossima seduta del consiglio discuterà le tariffe dei parcheggi nelle zone periferiche."
    ]
    static let article = sentences.joined(separator: " ")

    /// Another article on the same subject, with the same names, written differently.
    static let sameTopic = """
        Piste ciclabili a Trento: dopo una lunga discussione arriva il via libera del consiglio comunale. \
        Per la sindaca si tratta di una svolta per la città, mentre l'opposizione parla di spese fuori controllo. \
        Le Albere e la stazione saranno collegate da una rete di corsie riservate alle biciclette. \
        I ciclisti chiedono che il cantiere parta subito, i negozianti sono preoccupati per il periodo natalizio.
        """

    @Test func equalTextsAndCaseMatch() {
        let a = StorySignature(text: Self.article)
        #expect(a.similarity(StorySignature(text: Self.article)) == 1)
        #expect(a.similarity(StorySignature(text: Self.article.uppercased())) == 1)
        // Punctuation and spacing are not words.
        #expect(a.similarity(StorySignature(text: Self.article.replacingOccurrences(of: ",", with: " ;  "))) == 1)
        #expect(a.values.count == StorySignature.count)
        #expect(!a.isEmpty)
    }

    @Test func rewritesAreSimilarOtherArticlesAreNot() {
        let a = StorySignature(text: Self.article)
        // A wire copy with a new headline, a sentence dropped and two swapped.
        var edited = Self.sentences
        edited.remove(at: 5)
        edited.swapAt(1, 2)
        let rewrite = StorySignature(text: "Trento, sì alle nuove ciclabili\n" + edited.joined(separator: " "))
        #expect(a.similarity(rewrite) >= StoryGrouping.threshold)
        #expect(a.similarity(rewrite) < 1)
        let other = StorySignature(text: Self.sameTopic)
        #expect(a.similarity(other) < 0.1)
    }

    @Test func shortTextsHaveNoShingle() {
        let s = StorySignature(text: "Due parole")
        #expect(s.isEmpty)
        #expect(s.bandKeys.isEmpty)
        #expect(s.similarity(s) == 0)
        #expect(!StorySignature(text: "tre parole qui").isEmpty)
    }

    @Test func bytesRoundTrip() throws {
        let s = StorySignature(text: Self.article)
        #expect(s.bytes.count == StorySignature.byteCount)
        #expect(StorySignature(bytes: s.bytes) == s)
        #expect(StorySignature(bytes: s.bytes.dropLast()) == nil)
        // Little-endian, value by value.
        let v = s.values[0]
        #expect(Array(s.bytes.prefix(4)) == [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)])
    }

    @Test func bandKeysAreSharedByCopies() {
        let a = StorySignature(text: Self.article)
        #expect(a.bandKeys.count == StorySignature.bandCount)
        #expect(Set(a.bandKeys).count == StorySignature.bandCount)
        var edited = Self.sentences
        edited.removeLast()
        let b = StorySignature(text: edited.joined(separator: " "))
        #expect(!Set(a.bandKeys).isDisjoint(with: b.bandKeys))
        #expect(Set(a.bandKeys).isDisjoint(with: StorySignature(text: Self.sameTopic).bandKeys))
    }

    @Test func groupingJoinsTheNearestStory() {
        let a = StorySignature(text: Self.article)
        var edited = Self.sentences
        edited.removeFirst()
        let copy = StorySignature(text: edited.joined(separator: " "))
        let other = StorySignature(text: Self.sameTopic)
        // Within one batch: the copy joins the first document's story, the other starts its own.
        #expect(
            StoryGrouping.assign([(own: 1, signature: a), (own: 2, signature: copy), (own: 3, signature: other)], candidates: [[], [], []])
                == [1, 1, 3])
        // A stored candidate: the most similar one wins, a dissimilar one is ignored.
        let stored: [StoryGrouping.Candidate<Int>] = [
            .init(story: 7, signature: other), .init(story: 9, signature: copy), .init(story: 8, signature: a)
        ]
        #expect(StoryGrouping.assign([(own: 5, signature: a)], candidates: [stored]) == [8])
        #expect(StoryGrouping.assign([(own: 5, signature: copy)], candidates: [[.init(story: 7, signature: other)]]) == [5])
    }
}
