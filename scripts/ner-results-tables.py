#!/usr/bin/env python3
"""Synthetic sports-results lines for the English NER trainer, from the CC0 club list.

News wires print results and standings as bare lines (`Arsenal 2 Chelsea 1`, a league table row of
seven numbers after the club, `Bayern Munich v Hamburg`), where a club name is an organisation that no
sentence context announces. The open training corpora have almost no such lines, so this writes some:
club names drawn from `Resources/Languages/en/ner-clubs.tsv` (openfootball, CC0 1.0) into four line
shapes, labelled `B-ORG`/`I-ORG`, a quarter of them in capitals. Deterministic (fixed seed).

    python3 scripts/ner-results-tables.py [--clubs PATH] [--count 3000] --out PATH
"""
import argparse
import os
import random


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--clubs", default=os.path.join(here, "..", "Sources/CronistaNLP/Resources/Languages/en/ner-clubs.tsv"))
    ap.add_argument("--count", type=int, default=3000)
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
    print(f"{args.count} lines from {len(clubs)} club names -> {args.out}")


if __name__ == "__main__":
    main()
