import CronistaCore

extension EventFinder {
    /// Joins later mentions of an event to it (`coref`): an event noun without its own actor (`i
    /// colloqui`), a restatement by the same lemma and source (a headline and its body), more words of
    /// one speech act in one quotation. Events left without a source are dropped.
    func join(_ found: [Candidate]) -> [Event] {
        var kept: [Candidate] = []
        for c in found {
            if let i = kept.lastIndex(where: { sameEvent($0, c) }) {
                // The fuller mention carries the event: a verb over a noun, more named participants.
                if better(c, than: kept[i]) {
                    var main = c
                    main.event.coref = [kept[i].event.trigger] + kept[i].event.coref
                    if main.event.quote == nil { main.event.quote = kept[i].event.quote }
                    if main.event.location == nil { main.event.location = kept[i].event.location }
                    kept[i] = main
                } else {
                    kept[i].event.coref.append(c.event.trigger)
                }
                continue
            }
            if c.event.source.isEmpty { continue }
            kept.append(c)
        }
        return kept.map(\.event)
    }

    func better(_ b: Candidate, than a: Candidate) -> Bool {
        guard b.explicitSource && !b.event.source.isEmpty else { return false }
        if !a.explicitSource || a.event.source.isEmpty { return true }
        if a.kind == .noun && b.kind == .verb { return true }
        return b.event.source.count + b.event.target.count > a.event.source.count + a.event.target.count
    }

    func sameEvent(_ a: Candidate, _ b: Candidate) -> Bool {
        guard a.event.type == b.event.type else { return false }
        let ea = Set(a.event.source.compactMap(\.entity))
        let eb = Set(b.event.source.compactMap(\.entity))
        // One speech act in one quotation.
        if let qa = a.event.quote, let qb = b.event.quote, qa.quote == qb.quote, qa.role == .act, qb.role == .act { return true }
        // A noun re-mention without an actor of its own, or with the same one.
        if b.kind == .noun && (!b.explicitSource || b.event.source.isEmpty || (!eb.isEmpty && eb.isSubset(of: ea))) {
            return b.sentence - a.sentence <= 6
        }
        // The same act said again: same lemma, same named source, same targets.
        if a.lemma == b.lemma, !ea.isEmpty, ea == eb {
            let ta = Set(a.event.target.compactMap(\.entity))
            let tb = Set(b.event.target.compactMap(\.entity))
            return ta == tb || tb.isEmpty
        }
        return false
    }
}
