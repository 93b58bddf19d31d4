#!/usr/bin/env python3
"""Synthetic results-table and dateline lines for the English NER trainer, from the CC0 club list and the KB.

News wires print results and standings as bare lines (`Arsenal 2 Chelsea 1`, a league table row of
seven numbers after the club, `Bayern Munich v Hamburg`), where a club name is an organisation that no
sentence context announces. The open training corpora have almost no such lines, so this writes some:
club names drawn from `Resources/Languages/en/ner-clubs.tsv` (openfootball, CC0 1.0) into four line
shapes, labelled `B-ORG`/`I-ORG`, a quarter of them in capitals. Wire datelines (`MINSK (AP) —`), which
the English text layer makes sentences of their own, are just as absent: `--datelines N` adds N of them,
a KB city (`"subtype": "city"`, English name, in capitals) as `LOC`, perhaps `, Country`, and a KB news
agency (`"kind": "news_agency"`) in brackets as `ORG`. Deterministic (fixed seed).

    python3 scripts/ner-results-tables.py [--clubs PATH] [--count 3000] [--kb PATH --datelines 1000] --out PATH
"""
import argparse
import json
import os
import random


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--clubs", default=os.path.join(here, "..", "Sources/CronistaNLP/Resources/Languages/en/ner-clubs.tsv"))
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--kb", default=os.path.join(here, "..", "Sources/CronistaNLP/Resources/KB/entities.jsonl"))
    ap.add_argument("--datelines", type=int, default=0)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    clubs = []
    with open(args.clubs, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            name = line.rstrip("\n").split("\t")[1]
            words = name.split()
            # Short forms as results tables print them; no abbreviated forms with periods.
            if 1 <= len(words) <= 3 and "." not in name and all(w[0].isupper() for w in words):
                clubs.append(words)
    rng = random.Random(16)

    def club(upper):
        w = rng.choice(clubs)
        return [(x.upper() if upper else x, ("B-ORG" if i == 0 else "I-ORG")) for i, x in enumerate(w)]

    def num(hi):
        return (str(rng.randint(0, hi)), "O")

    with open(args.out, "w", encoding="utf-8") as out:
        for _ in range(args.count):
            upper = rng.random() < 0.25
            shape = rng.randrange(4)
            if shape == 0:  # Arsenal 2 Chelsea 1
                s = club(upper) + [num(5)] + club(upper) + [num(5)]
            elif shape == 1:  # a league table row
                s = club(upper) + [num(38) for _ in range(6)] + [num(90)]
            elif shape == 2:  # fixture
                s = club(upper) + [("v" if rng.random() < 0.7 else "vs", "O")] + club(upper)
            else:  # Arsenal 2, Chelsea 1
                s = club(upper) + [num(4), (",", "O")] + club(upper) + [num(4)]
            for t, label in s:
                out.write(f"{t}\t{label}\n")
            out.write("\n")
        if args.datelines:
            cities, countries, agencies = [], [], []
            with open(args.kb, encoding="utf-8") as f:
                for line in f:
                    e = json.loads(line)
                    en = (e.get("names") or {}).get("en") or []
                    if not en or not all(w[:1].isupper() for w in en[0].split()):
                        continue
                    if e.get("subtype") == "city":
                        cities.append(en[0].split())
                    elif e.get("subtype") == "country":
                        countries.append(en[0].split())
                    elif e.get("kind") == "news_agency" and len(en[0].split()) <= 3:
                        agencies.append(en[0].split())
                    for a in e.get("aliases") or []:
                        if e.get("kind") == "news_agency" and a.isupper() and 2 <= len(a) <= 5:
                            agencies.append([a])
            cities.sort(); countries.sort(); agencies.sort()

            def span(words, typ, upper=False):
                return [(w.upper() if upper else w, ("B-" if i == 0 else "I-") + typ) for i, w in enumerate(words)]

            for _ in range(args.datelines):
                s = span(rng.choice(cities), "LOC", upper=rng.random() < 0.8)
                if rng.random() < 0.3:
                    s += [(",", "O")] + span(rng.choice(countries), "LOC")
                s += [("(", "O")] + span(rng.choice(agencies), "ORG") + [(")", "O"), (rng.choice(["—", "-", "–"]), "O")]
                for t, label in s:
                    out.write(f"{t}\t{label}\n")
                out.write("\n")
    print(f"{args.count} results lines from {len(clubs)} club names, {args.datelines} datelines -> {args.out}")


if __name__ == "__main__":
    main()
