/// A verb group: the tokens around one lexical verb (auxiliaries, modal, clitics, negation).
/// Token indices are positions in ``Document/tokens``.
public struct VerbGroup: Sendable, Hashable {
    /// Every token of the group, from the first clitic or negation to the lexical verb.
    public var tokens: Range<Int>
    /// The lexical verb (the group's last token).
    public var head: Int
    /// The auxiliaries (`ha`, `è stato`), a contiguous run inside ``tokens``; empty when none.
    public var auxiliaries: Range<Int>
    /// A modal verb (`può`, `vuole`), if any.
    public var modal: Int?
    /// Clitic pronouns before the verb (`gli`, `si`, `lo`); empty when none.
    public var clitics: Range<Int>
    /// The negation (`non`), if any.
    public var negation: Int?
    /// A participle after a passive auxiliary (`è stato detto`).
    public var passive: Bool
    /// The lexical verb's lemma, when the language pack knows it (its reporting cues do).
    public var lemma: String?

    public init(
        tokens: Range<Int>, head: Int, auxiliaries: Range<Int> = 0..<0, modal: Int? = nil, clitics: Range<Int> = 0..<0,
        negation: Int? = nil, passive: Bool = false, lemma: String? = nil
    ) {
        self.tokens = tokens
        self.head = head
        self.auxiliaries = auxiliaries
        self.modal = modal
        self.clitics = clitics
        self.negation = negation
        self.passive = passive
        self.lemma = lemma
    }
}

/// A clause complement: what a verb reports or asks (`che …`, `di` + infinitive).
public struct ClauseComplement: Sendable, Hashable {
    public enum Kind: String, Sendable { case finite, infinitive }
    public var kind: Kind
    /// The complementiser or infinitive marker (`che`, `di`), if any.
    public var marker: Int?
    /// The complement's tokens, marker excluded.
    public var tokens: Range<Int>

    public init(kind: Kind, marker: Int?, tokens: Range<Int>) {
        self.kind = kind
        self.marker = marker
        self.tokens = tokens
    }
}

/// One clause: a verb group with its arguments. Token ranges index ``Document/tokens``.
public struct Clause: Sendable, Hashable {
    /// Index of the sentence in ``Document/sentences``.
    public var sentence: Int
    public var verb: VerbGroup
    /// The subject's tokens: overt, or (``subjectIsInherited``) the previous clause's subject (pro-drop).
    public var subject: Range<Int>?
    public var subjectIsInherited: Bool
    /// The direct object (a noun phrase right after the verb), if any.
    public var object: Range<Int>?
    /// The agent of a passive (`da` + noun phrase), if any.
    public var passiveAgent: Range<Int>?
    public var complement: ClauseComplement?
    /// Index (in the document's clauses) of the clause this one is coordinated with (`… e ha aggiunto`).
    public var coordinatedWith: Int?

    public init(
        sentence: Int, verb: VerbGroup, subject: Range<Int>? = nil, subjectIsInherited: Bool = false, object: Range<Int>? = nil,
        passiveAgent: Range<Int>? = nil, complement: ClauseComplement? = nil, coordinatedWith: Int? = nil
    ) {
        self.sentence = sentence
        self.verb = verb
        self.subject = subject
        self.subjectIsInherited = subjectIsInherited
        self.object = object
        self.passiveAgent = passiveAgent
        self.complement = complement
        self.coordinatedWith = coordinatedWith
    }
}
