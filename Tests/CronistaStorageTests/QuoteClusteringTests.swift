import CronistaStorage
import Testing

/// The grouping of quote hits into statements carried by several documents.
@Suite struct QuoteClusteringTests {
    static func hit(
        _ doc: String, _ text: String, speakerKB: String? = "Q1", published: String? = "2025-03-10", date: String? = nil,
        quote: String = "q1"
    ) -> QuoteHit {
        QuoteHit(
            documentID: doc, title: nil, published: published, source: nil, quoteID: quote, kind: "direct",
            content: ScalarSpan(startScalar: 0, endScalar: text.unicodeScalars.count, text: text), cue: nil,
            speaker: ScalarSpan(startScalar: 0, endScalar: 5, text: "Rossi"), speakerName: speakerKB == nil ? nil : "Mario Rossi",
            speakerKB: speakerKB, sentenceStartScalar: 0, sentenceEndScalar: text.unicodeScalars.count,
            speakerType: speakerKB == nil ? nil : "PER",
            date: date)
    }

    static let statement = "Il ponte sarà riaperto entro la fine di giugno, senza costi aggiuntivi per i cittadini"

    @Test func sameWordsSameSpeakerCloseDaysAreOneStatement() {
        let hits = [
            Self.hit("c", Self.statement, published: "2025-03-12"),
            // Another outlet: different case, accents and punctuation, the first part only.
            Self.hit("b", "il ponte sara riaperto entro la fine di giugno", published: "2025-03-11"),
            Self.hit("a", Self.statement + ".", published: "2025-03-10")
        ]
        let clusters = QuoteClustering.cluster(hits)
        #expect(clusters.count == 1)
        let c = clusters[0]
        #expect(c.first.documentID == "a", "first appearance: the earliest published")
        #expect(c.variants.map(\.documentID) == ["a", "b", "c"])
        #expect(c.documents == ["a", "b", "c"])
    }

    @Test func otherSpeakerOtherWordsOrFarDaysAreNot() {
        let hits = [
            Self.hit("a", Self.statement),
            Self.hit("b", Self.statement, speakerKB: "Q2"),
            Self.hit("c", "Le scuole resteranno chiuse per tutta la settimana a causa della neve"),
            Self.hit("d", Self.statement, published: "2025-05-30"),
            Self.hit("e", Self.statement, speakerKB: nil),
            Self.hit("f", Self.statement, speakerKB: nil)
        ]
        let clusters = QuoteClustering.cluster(hits)
        #expect(clusters.count == 6)
        // In the order of the hits given.
        #expect(clusters.map(\.first.documentID) == ["a", "b", "c", "d", "e", "f"])
        #expect(clusters.allSatisfy { $0.documents.count == 1 })
    }

    @Test func theQuoteDateCountsBeforePublication() {
        // Published months apart, said within days: one statement.
        let hits = [
            Self.hit("a", Self.statement, published: "2025-01-05", date: "2025-01-04"),
            Self.hit("b", Self.statement, published: "2025-04-01", date: "2025-01-06")
        ]
        #expect(QuoteClustering.cluster(hits).map(\.documents) == [["a", "b"]])
        // Two quotes of one document count it once.
        let twice = [Self.hit("a", Self.statement), Self.hit("a", Self.statement, quote: "q4"), Self.hit("b", Self.statement)]
        let c = QuoteClustering.cluster(twice)
        #expect(c.count == 1 && c[0].variants.count == 3 && c[0].documents == ["a", "b"])
    }
}
