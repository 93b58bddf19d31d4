import CronistaCore
import CronistaNLP
import Foundation
import Testing

/// English quotes (the `en` pack's cues, lemma and word classes) on our own sentences, end to end
/// through the standard engine with the language declared.
@Suite("English quotes")
struct EnglishQuoteTests {
    static let engine: Engine? = try? Engine()

    func quotes(_ text: String) throws -> [(content: String, kind: String, speaker: String?, cue: String?)] {
        let engine = try #require(Self.engine)
        let doc = try engine.analyze(
            DocumentInput(id: "t", text: text, metadata: DocumentMetadata(declaredLanguage: "en"), origin: "test"))
        #expect(doc.language == "en")
        return doc.quotes.map { q in
            (
                String(doc.text(in: q.content)), q.kind.label, q.speaker.map { String(doc.text(in: $0.range)) },
                q.cue.map { String(doc.text(in: $0)) }
            )
        }
    }

    /// (text, content, kind, speaker, cue).
    static let cases: [(String, String, String, String, String)] = [
        (
            "\"We will not close the hospital,\" the health minister said.", "We will not close the hospital,", "direct",
            "the health minister", "said"
        ),
        ("\"The river is rising fast,\" said Ann Porter, a local farmer.", "The river is rising fast,", "direct", "Ann Porter", "said"),
        (
            "The mayor said that the new tram line would open in the spring.", "the new tram line would open in the spring", "indirect",
            "The mayor", "said"
        ),
        (
            "Officials said the storm had damaged more than 200 homes.", "the storm had damaged more than 200 homes", "indirect",
            "Officials", "said"
        ),
        (
            "The bridge will stay closed until June, the engineer told reporters.", "The bridge will stay closed until June", "indirect",
            "the engineer", "told"
        ),
        ("The union urged members to reject the offer.", "reject the offer", "indirect", "The union", "urged"),
        (
            "Ms Clarke warned that the council had ignored the \"serious risks\" of the plan for months.",
            // The speaker is the name, the honorific outside it (NameConventions).
            "the council had ignored the \"serious risks\" of the plan for months", "mixed", "Clarke", "warned"
        ),
        (
            "Prices will keep rising next year, according to the central bank.", "Prices will keep rising next year", "indirect",
            "the central bank", "according to"
        )
    ]

    @Test("Direct, indirect, mixed and 'according to' quotes with their speakers and cues", arguments: cases)
    func quote(text: String, content: String, kind: String, speaker: String, cue: String) throws {
        let found = try quotes(text)
        let q = try #require(found.first { $0.content.contains(content) || content.contains($0.content) }, "\(text): \(found)")
        #expect(q.content == content, "\(found)")
        #expect(q.kind == kind)
        #expect(q.speaker?.hasSuffix(speaker) == true || q.speaker.map { speaker.hasPrefix($0) } == true, "\(found)")
        #expect(q.cue == cue)
    }

    @Test("Nouns that look like cues are no cues: 'the states', 'in order to'")
    func nounsAreNoCues() throws {
        #expect(try quotes("Several states hold their primaries in March.").isEmpty)
        #expect(try quotes("The council raised taxes in order to pay for the new school.").isEmpty)
    }

    @Test("Older wire copy's doubled marks are quotation marks: ''…'' and ``…''")
    func doubledMarks() throws {
        let found = try quotes("''The roads are clear now,'' the police chief said. ``We reopened them at dawn,'' he added.")
        #expect(found.map(\.content) == ["The roads are clear now,", "We reopened them at dawn,"], "\(found)")
        #expect(found.map(\.kind) == ["direct", "direct"])
        #expect(found.first?.speaker == "the police chief")
        // A lone apostrophe is no mark.
        #expect(try quotes("The drivers' union said nothing about the plan.").isEmpty)
    }

    @Test("A quotation that follows one with a speaker continues that speaker")
    func floatingQuote() throws {
        // In the next paragraph (in the same one, it is the same quotation: see below).
        let found = try quotes("\"We did our best,\" the coach said after the match.\n\n\"The players gave everything they had.\"")
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.speaker == "the coach" }, "\(found)")
    }

    @Test("An attribution inside the clause with its subject first makes the whole clause one quote")
    func insertedSubjectFirst() throws {
        let found = try quotes(
            "An early frost, the farmers' association said, could cost growers in the valley most of the apple harvest this year.")
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first?.content
                == "An early frost, the farmers' association said, could cost growers in the valley most of the apple harvest this year")
        #expect(found.first?.speaker == "the farmers' association")
        #expect(found.first?.cue == "said")
    }

    @Test("A subject pronoun after a short object or time phrase opens a reported clause without 'that'")
    func zeroClauseAfterObject() throws {
        let told = try quotes("The ferry company told passengers they would cancel all crossings on Sunday.")
        #expect(told.map(\.content) == ["they would cancel all crossings on Sunday"], "\(told)")
        #expect(told.first?.speaker == "The ferry company")
        let weeks = try quotes("The coach has said for weeks she would pick a younger squad.")
        #expect(weeks.map(\.content) == ["she would pick a younger squad"], "\(weeks)")
    }

    @Test("Speakers: a name with an apposition before 'told', a contracted auxiliary, the first person")
    func speakerForms() throws {
        let apposition = try quotes("\"We ran out of water by noon,\" Maria Lopez, a volunteer from the shelter, told the local radio.")
        #expect(apposition.first?.speaker == "Maria Lopez", "\(apposition)")
        let contracted = try quotes("He's promising that the road will reopen soon.")
        #expect(contracted.first?.speaker == "He", "\(contracted)")
        let mine = try quotes("Anna Berg called the budget a disaster. \"I was wrong about it,\" I said.")
        #expect(mine.first { $0.kind == "direct" }?.speaker == "I", "\(mine)")
    }

    @Test("A quotation its own attribution interrupts is one quote over both pieces")
    func interruptedQuoteJoined() throws {
        let found = try quotes("“The harbour is full,” the captain said, “and we cannot dock tonight.”")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.content == "The harbour is full,” the captain said, “and we cannot dock tonight.")
        #expect(found.first?.speaker == "the captain")
        #expect(found.first?.cue == "said")
    }

    @Test("An interrupting attribution is shown as ' … ' and is not what the quote is about")
    func interruptingAttributionLeftOut() throws {
        let engine = try #require(Self.engine)
        let doc = try engine.analyze(
            DocumentInput(
                id: "t",
                text: "“We cannot keep patching it,” Laura Bennett told reporters at City Hall. “The work has to be done now in London.”",
                metadata: DocumentMetadata(declaredLanguage: "en"), origin: "test"))
        let q = try #require(doc.quotes.first)
        #expect(doc.quotes.count == 1)
        let attribution = try #require(doc.interruptingAttribution(of: q))
        #expect(doc.text(in: attribution) == "” Laura Bennett told reporters at City Hall. “")
        #expect(doc.displayedContent(of: q) == "We cannot keep patching it, … The work has to be done now in London.")
        // About London, named in the words; not City Hall, where they were said.
        let about = q.about.map { doc.entities[$0].name }
        #expect(about.contains("London"), "\(about)")
        #expect(!about.contains("City Hall"), "\(about)")
        // A quote with no attribution inside is shown whole.
        let plain = try engine.analyze(
            DocumentInput(
                id: "p", text: "“We cannot dock tonight,” the captain said.", metadata: DocumentMetadata(declaredLanguage: "en"),
                origin: "test"))
        let p = try #require(plain.quotes.first)
        #expect(plain.interruptingAttribution(of: p) == nil)
        #expect(plain.displayedContent(of: p) == "We cannot dock tonight,")
    }

    @Test("A quotation that goes on after a whole attribution sentence is one quote; the next paragraph's is not")
    func continuationAcrossAttributionSentence() throws {
        let apposition = try quotes(
            "“The harbour is full,” said Ann Porter, head of the port authority. “We cannot dock tonight. Maybe tomorrow.”")
        #expect(apposition.count == 1, "\(apposition)")
        #expect(
            apposition.first?.content
                == "The harbour is full,” said Ann Porter, head of the port authority. “We cannot dock tonight. Maybe tomorrow.")
        #expect(apposition.first?.speaker == "Ann Porter")
        let question = try quotes("“Where is the money?” Mr. Hale said on Monday. “Nobody can tell us.”")
        #expect(question.count == 1, "\(question)")
        #expect(question.first?.speaker == "Hale", "\(question)")
        #expect(question.first?.cue == "said")
        // A new paragraph is a new quotation, and the paragraph before keeps its own (missing) attribution.
        let paragraphs = try quotes(
            "“The harbour is full.”\n\n“We cannot dock tonight,” the captain said. “Maybe tomorrow.”")
        #expect(paragraphs.count == 2, "\(paragraphs)")
        #expect(paragraphs.first?.content == "The harbour is full.")
        #expect(paragraphs.first?.cue == nil, "\(paragraphs)")
        // An indirect clause its attribution interrupts is one quote too.
        let inserted = try quotes("The old mill was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.")
        #expect(
            inserted.map(\.content) == ["The old mill was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999"], "\(inserted)")
        #expect(inserted.first?.speaker == "Clarke")
        // Another cue of its own after the second piece: two quotes.
        let added = try quotes("“The harbour is full,” the captain said. “We cannot dock,” the pilot added.")
        #expect(added.count == 2, "\(added)")
        #expect(added.last?.speaker == "the pilot")
    }
    @Test("Findings, judging verbs with their object, 'asked … how', and a cue that only follows its quote")
    func broaderAttributions() throws {
        let survey = try quotes("A new survey showed that most tenants cannot afford the rent.")
        #expect(survey.map(\.content) == ["most tenants cannot afford the rent"], "\(survey)")
        #expect(survey.first?.speaker == "A new survey")
        let criticized = try quotes("The senator criticized the new water tax.")
        #expect(criticized.map(\.content) == ["the new water tax"], "\(criticized)")
        #expect(criticized.first?.speaker == "The senator")
        let asked = try quotes("A reporter asked the coach how the team would recover.")
        #expect(asked.map(\.content) == ["the team would recover"], "\(asked)")
        let continued = try quotes("“We have no time left,” she continued.")
        #expect(continued.first?.cue == "continued", "\(continued)")
        #expect(continued.first?.speaker == "she")
        // `continued to…` is no cue.
        let shouting = try quotes("“We have no time left,” she continued to shout at the crowd.")
        #expect(shouting.allSatisfy { $0.cue != "continued" }, "\(shouting)")
    }

    @Test("Names with a time noun, a question with no speaker, objects before 'that', 'described X as Y', numbers as subjects")
    func namesQuestionsAndObjects() throws {
        // `Times` is a name here, not a time phrase before the speaker.
        let times = try quotes("The Times said the minister would resign within days.")
        #expect(times.map(\.content) == ["the minister would resign within days"], "\(times)")
        #expect(times.first?.speaker == "The Times")
        // A sentence-initial `Asked whether…,`: the question is reported, its asker unknown.
        let question = try quotes("Asked whether he would run again, the governor smiled and left the room.")
        #expect(question.map(\.content) == ["he would run again"], "\(question)")
        #expect(question.first?.speaker == nil)
        let crowd = try quotes("The senator told a crowd in Miami that the tax would be cut.")
        #expect(crowd.map(\.content) == ["the tax would be cut"], "\(crowd)")
        #expect(crowd.first?.speaker == "The senator")
        let described = try quotes("The mayor described the new stadium as a waste of money.")
        #expect(described.map(\.content) == ["the new stadium as a waste of money"], "\(described)")
        let whether = try quotes("Reporters asked whether the bridge would reopen.")
        #expect(whether.map(\.content) == ["the bridge would reopen"], "\(whether)")
        #expect(whether.first?.speaker == "Reporters")
        // The reduced passive is an Italian construction: in English the subject keeps its promise.
        let promised = try quotes("Smith promised to run a cleaner campaign.")
        #expect(promised.first?.speaker == "Smith", "\(promised)")
        let share = try quotes("47 percent said they would vote for the proposal.")
        #expect(share.first?.speaker == "47 percent", "\(share)")
        // A capitalised gerund opens no noun phrase: the speaker is the subject after the comma.
        let speaking = try quotes("Speaking on radio, the mayor said the roads were safe.")
        #expect(speaking.first?.speaker == "the mayor", "\(speaking)")
    }

    @Test("Bare plural sources, a party and state after a name, a signature after a dash, doubled marks after a word")
    func sourcesOfPoliticalCopy() throws {
        let critics = try quotes("The mayor spoke first. But critics say the money could be better spent on schools.")
        #expect(critics.first?.speaker == "critics", "\(critics)")
        let groups = try quotes(
            "Obama said the reforms were not complete, and human rights groups warned that the army kept its power.")
        #expect(groups.last?.speaker == "human rights groups", "\(groups)")
        let party = try quotes("“He would be a great senator,” Rep. Ann Porter (D-Md.) said in a phone interview.")
        #expect(party.first?.speaker == "Ann Porter", "\(party)")
        #expect(party.first?.cue == "said")
        let state = try quotes("“The veto will be overridden,” Senate Majority Leader Ann Porter, R-Ky., said Tuesday.")
        #expect(state.map(\.content) == ["The veto will be overridden,"], "\(state)")
        #expect(state.first?.speaker == "Ann Porter", "\(state)")
        let signed = try quotes("“We need law and order.” ― Maria Lopez\n\n“Nobody listens to us.” ― Ann Porter")
        #expect(signed.map(\.speaker) == ["Maria Lopez", "Ann Porter"], "\(signed)")
        let doubled = try quotes(
            "What he calls ''smart'' might be seen as evasive. ''Candidates should follow the precedent,'' Mr. Hale said.")
        #expect(doubled.last?.content == "Candidates should follow the precedent,", "\(doubled)")
        #expect(doubled.last?.speaker == "Hale", "\(doubled)")
        // A quotation left open at its paragraph's end does not run on into a paragraph whose own
        // quotation is attributed to someone else.
        let runOn = try quotes(
            "“We will win,” Ann Porter said. “If the money comes, we will build it all.\n“Nobody asked us,” added Rep. Tom Hale. “Not once.”"
        )
        #expect(runOn.contains { $0.content.hasPrefix("Nobody asked us") && $0.speaker == "Tom Hale" }, "\(runOn)")
    }

    @Test("Reports and data after 'according to', objects of 'called for', 'cited', 'showed', a pronoun clause after 'said'")
    func attributionsByObject() throws {
        let report = try quotes("The governor, a former judge, left the meeting early, according to a pool report.")
        #expect(report.map(\.content) == ["The governor, a former judge, left the meeting early"], "\(report)")
        #expect(report.first?.speaker == "a pool report")
        let callFor = try quotes("The senator has called for a ban on assault weapons.")
        #expect(callFor.map(\.content) == ["a ban on assault weapons"], "\(callFor)")
        #expect(callFor.first?.speaker == "The senator")
        let cited = try quotes("The mayor cited an internal audit as proof of the fraud.")
        #expect(cited.map(\.content) == ["an internal audit as proof of the fraud"], "\(cited)")
        let poll = try quotes("A new national poll showed the governor leading by six points.")
        #expect(poll.map(\.content) == ["the governor leading by six points"], "\(poll)")
        #expect(poll.first?.speaker == "A new national poll")
        // The object ends where a clause of its own follows a comma.
        let object = try quotes("The senator criticized the new water tax, and most recently defended the old one.")
        #expect(object.first?.content == "the new water tax", "\(object)")
        let list = try quotes("The mayor cited the audit, two reports and a letter.")
        #expect(list.first?.content == "the audit, two reports and a letter", "\(list)")
        let pronoun = try quotes("The senator spoke for an hour. He said he and the governor differ on taxes.")
        #expect(pronoun.map(\.content) == ["he and the governor differ on taxes"], "\(pronoun)")
    }
}
