import CronistaCore
import Foundation
import Testing

@testable import CronistaNLP

/// English time expressions (the `en` pack's `time-grammar.txt`) on our own sentences, normalised
/// against a fixed `published` (Friday 12 April 2024, ISO week 15, second quarter).
@Suite("English time expressions")
struct EnglishTimeExpressionTests {
    static let engine: Engine? = try? Engine()
    static let published = "2024-04-12"

    /// (extent, type, value) of every time expression of an English `text`.
    func times(_ text: String, published: String? = EnglishTimeExpressionTests.published) throws -> [(String, String, String)] {
        let engine = try #require(Self.engine)
        let doc = try engine.analyze(
            DocumentInput(id: "t", text: text, metadata: DocumentMetadata(published: published, declaredLanguage: "en"), origin: "test"))
        #expect(doc.language == "en")
        return doc.times.map { (String(doc.text(in: $0.range)), $0.kind.label, $0.value) }
    }

    /// Each construction in a sentence of its own: (text, extent, type, value).
    static let constructions: [(String, String, String, String)] = [
        ("The library reopens today after the flood.", "today", "DATE", "2024-04-12"),
        ("The council met yesterday evening at the town hall.", "yesterday evening", "TIME", "2024-04-11TEV"),
        ("The market will stay closed tomorrow.", "tomorrow", "DATE", "2024-04-13"),
        ("The budget was approved last Tuesday by a narrow vote.", "last Tuesday", "DATE", "2024-04-09"),
        ("The plant resumed production on Wednesday.", "Wednesday", "DATE", "2024-04-10"),
        ("The strike began on Friday, the union said.", "Friday", "DATE", "2024-04-12"),
        ("The contract was signed on March 3, 2019, in Leeds.", "March 3, 2019", "DATE", "2019-03-03"),
        ("The ferry sailed on the 21st of February despite the storm.", "the 21st of February", "DATE", "2024-02-21"),
        ("The school was closed in March for repairs.", "March", "DATE", "2024-03"),
        ("The bridge collapsed last May after the floods.", "last May", "DATE", "2023-05"),
        ("You may leave whenever you like.", "", "", ""),
        ("The shop opened in 2019 on the high street.", "2019", "DATE", "2019"),
        ("The team won last week against their rivals.", "last week", "DATE", "2024-W14"),
        ("Sales rose this year despite the strike.", "this year", "DATE", "2024"),
        ("The factory closed two years ago.", "two years ago", "DATE", "2022"),
        ("He has worked in that workshop for three years.", "three years", "DURATION", "P3Y"),
        ("Thefts have risen over the past five years.", "the past five years", "DURATION", "P5Y"),
        ("Profits fell in the third quarter of 2023.", "the third quarter of 2023", "DATE", "2023-Q3"),
        ("Profits fell in the first quarter.", "the first quarter", "DATE", "2024-Q1"),
        ("The meeting starts at 18:30 in the main hall.", "18:30", "TIME", "2024-04-12T18:30"),
        ("The flight landed at 6:40 p.m. after a long delay.", "6:40 p.m.", "TIME", "2024-04-12T18:40"),
        ("The launch is set for 14:00 UTC.", "14:00 UTC", "TIME", "2024-04-12T14:00Z"),
        ("The town was famous for its mills in the 1970s.", "the 1970s", "DATE", "197"),
        ("The newspaper comes out weekly.", "weekly", "SET", "P1W"),
        ("The train runs every day at the same hour.", "every day", "SET", "P1D"),
        ("The crops were planted last spring.", "last spring", "DATE", "2023-SP"),
        ("Currently the road is open again.", "Currently", "DATE", "PRESENT_REF"),
        ("In the past the square hosted a cattle market.", "the past", "DATE", "PAST_REF"),
        ("The bank signed a five-year deal with the club.", "five-year", "DURATION", "P5Y"),
        ("The tickets cost 6.50 at the door.", "", "", ""),
        ("The fire was put out and the next day the road reopened.", "the next day", "DATE", "2024-04-13")
    ]

    @Test("Each English construction has its extent, type and value", arguments: constructions)
    func construction(text: String, extent: String, type: String, value: String) throws {
        let found = try times(text)
        if extent.isEmpty {
            #expect(found.isEmpty, "\(text): \(found)")
            return
        }
        #expect(found.contains { $0.0.hasSuffix(extent) || extent.hasSuffix($0.0) }, "\(text): \(found)")
        let match = found.first { extent.contains($0.0) || $0.0.contains(extent) }
        #expect(match?.1 == type, "\(text): \(found)")
        #expect(match?.2 == value, "\(text): \(found)")
    }

    @Test("Without a published date a weekday or a month stays underspecified")
    func noPublished() throws {
        let found = try times("The talks resumed on Monday and will end in June.", published: nil)
        #expect(found.map(\.2) == ["XXXX-WXX-1", "XXXX-06"])
    }

    @Test("A quote's date: the weekday by its cue, else none for a simple past, published for a present")
    func quoteDates() throws {
        let engine = try #require(Self.engine)
        let text = """
            "We will rebuild the pier," the harbour master said on Tuesday.
            "It is too early to say," a spokesman said.
            "The water is rising," the mayor says.
            """
        let doc = try engine.analyze(
            DocumentInput(
                id: "q", text: text, metadata: DocumentMetadata(published: Self.published, declaredLanguage: "en"), origin: "test"))
        let dates = doc.quotes.map { (String(doc.text(in: $0.content).prefix(12)), $0.date) }
        #expect(dates.count == 3, "\(dates)")
        #expect(dates.first { $0.0.hasPrefix("We will") }?.1 == "2024-04-09")
        #expect(dates.first { $0.0.hasPrefix("It is too") }.map { $0.1 == nil } == true)
        #expect(dates.first { $0.0.hasPrefix("The water") }?.1 == Self.published)
    }
}
