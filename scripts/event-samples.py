#!/usr/bin/env python3
"""Two analysed documents with events and time expressions, as JSON Lines for
`cronista ingest --analysed` (each line an analysis with the document's "text"): our own sentences,
the offsets found in the text (Python counts code points, the contract's unit). The same documents
as the Swift tests' EventSamples; scripts/test-browser and scripts/test-api-schema store them."""
import json
def span(text, needle, n=1):
    i = -1
    for _ in range(n):
        i = text.index(needle, i + 1)
    return {"start": i, "end": i + len(needle), "text": needle}  # Python counts code points
def part(text, entity, needle, n=1, country=None, sector=None):
    p = dict(span(text, needle, n), entity=entity)
    if country: p["country"] = country
    if sector: p["sector"] = sector
    return p
def event(text, id, type, mode, trigger, source, target=(), location=None, date=None, quote=None, claim=None):
    return {"id": id, "type": type, "mode": mode, "trigger": span(text, trigger), "coref": [], "source": list(source),
            "target": list(target), "location": location, "date": date, "quote": quote, "claim": span(text, claim) if claim else None}
def entity(text, id, type, name, kb, mentions):
    return {"id": id, "type": type, "name": name, "kb": kb, "mentions": [dict(span(text, m, n), form="name") for m, n in mentions]}
t = ("Roma, 5 marzo. Ieri il ministro degli Esteri Antonio Tajani ha accusato la Russia di violare la tregua. "
     "Giovedì Tajani incontrerà a Bruxelles Kaja Kallas. «Mosca mente sulla tregua», ha detto Tajani.")
print(json.dumps({
    "id": "ev-tajani-2024-03-05", "text": t, "language": "it", "title": "Tajani accusa la Russia", "published": "2024-03-05",
    "source": "agenzia", "sentences": [],
    "entities": [entity(t, "e1", "PER", "Antonio Tajani", "Q440710", [("Antonio Tajani", 1), ("Tajani", 2), ("Tajani", 3)]),
                 entity(t, "e2", "LOC", "Russia", "Q159", [("Russia", 1)]), entity(t, "e3", "LOC", "Bruxelles", "Q239", [("Bruxelles", 1)]),
                 entity(t, "e4", "PER", "Kaja Kallas", "Q11869065", [("Kaja Kallas", 1)]), entity(t, "e5", "LOC", "Mosca", "Q649", [("Mosca", 1)])],
    "quotes": [dict(span(t, "Mosca mente sulla tregua"), id="q1", kind="direct", cue=span(t, "ha detto"),
                    speaker=part(t, "e1", "Tajani", 3), about=["e5"], date="2024-03-05")],
    "events": [event(t, "ev1", "ACCUSE", "disapprove", "ha accusato", [part(t, "e1", "Antonio Tajani", 1, "ITA", "GOV")],
                     [part(t, "e2", "Russia", 1, "RUS", "GOV")], date="2024-03-04", claim="violare la tregua"),
               event(t, "ev2", "CONSULT", "meet", "incontrerà", [part(t, "e1", "Tajani", 2, "ITA", "GOV")],
                     [part(t, "e4", "Kaja Kallas", 1, "EUR", "GOV")], location=part(t, "e3", "Bruxelles"), date="2024-03-07"),
               event(t, "ev3", "ACCUSE", "allege", "mente", [part(t, "e1", "Tajani", 3, "ITA", "GOV")],
                     [part(t, "e5", "Mosca", 1, "RUS", "GOV")], date="2024-03-05", quote={"id": "q1", "role": "act"})],
    "times": [dict(span(t, "5 marzo"), id="t1", type="DATE", value="2024-03-05"), dict(span(t, "Ieri"), id="t2", type="DATE", value="2024-03-04"),
              dict(span(t, "Giovedì"), id="t3", type="DATE", value="2024-03-07")]}, ensure_ascii=False))
m = ("Minsk, 20 novembre. Aleksander Lukashenko ha accusato la Polonia di ammassare truppe al confine. "
     "Secondo il presidente, migliaia di soldati polacchi sono pronti a entrare.")
print(json.dumps({
    "id": "ev-minsk-2023-11-20", "text": m, "language": "it", "title": "Lukashenko accusa la Polonia", "published": "2023-11-20",
    "source": "Belta", "sentences": [],
    "entities": [entity(m, "e1", "PER", "Aleksander Lukashenko", "Q2866", [("Aleksander Lukashenko", 1)]),
                 entity(m, "e2", "LOC", "Polonia", "Q36", [("Polonia", 1)]), entity(m, "e3", "LOC", "Minsk", "Q2280", [("Minsk", 1)])],
    "quotes": [],
    "events": [event(m, "ev1", "ACCUSE", "disapprove", "ha accusato", [part(m, "e1", "Aleksander Lukashenko", 1, "BLR", "GOV")],
                     [part(m, "e2", "Polonia", 1, "POL", "GOV")], date="2023-11-20"),
               event(m, "ev2", "MOBILIZE", None, "ammassare truppe", [part(m, "e2", "Polonia", 1, "POL", "GOV")],
                     location=part(m, None, "confine")),
               event(m, "ev3", "THREATEN", "aggression", "pronti a entrare", [part(m, None, "migliaia di soldati polacchi", 1, "POL", "MIL")])],
    "times": [dict(span(m, "20 novembre"), id="t1", type="DATE", value="2023-11-20")]}, ensure_ascii=False))
