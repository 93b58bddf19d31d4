#!/usr/bin/env python3
"""Football club names for the English NER gazetteer, from openfootball's club lists (CC0 1.0).

Reads every `*.clubs.txt` of a checkout of github.com/openfootball/clubs (not the `*.lang.*` files in
other scripts): a club line is `Name, [year,] [@ stadium,] city`, its alias lines start with `|` and
hold names separated by `|`; `#` starts a comment, `[de]`-style tags mark names in other languages (left
out), `ii) ` marks a reserve team and `$$Sponsor$$` a sponsor's prefix (both dropped). Writes
`ORG<TAB>name` lines, sorted. Names shorter than three characters or of digits only are left out.

    python3 scripts/ner-clubs.py CLUBS_CHECKOUT [--commit SHA] [--out PATH]
"""
import argparse
import glob
import os
import re

TAG = re.compile(r"\[[a-z]{2}\]")
SPONSOR = re.compile(r"\$\$[^$]*\$\$")


def names(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = re.sub(r"^(\s*)[iv]+\) ", r"\1", line.split("#", 1)[0].rstrip())
            if not line.strip() or line.lstrip().startswith("="):
                continue
            if line.lstrip().startswith("|"):
                parts = line.strip().lstrip("|").split("|")
            elif not line[0].isspace():
                parts = [line.split(",", 1)[0]]
            else:
                continue
            for p in parts:
                if TAG.search(p):
                    continue
                n = " ".join(SPONSOR.sub(" ", p).split())
                if len(n) >= 3 and not n.replace(" ", "").isdigit() and "\t" not in n:
                    yield n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("checkout")
    ap.add_argument("--commit", default="")
    ap.add_argument("--out", default=os.path.join(here, "..", "Sources/CronistaNLP/Resources/Languages/en/ner-clubs.tsv"))
    args = ap.parse_args()
    files = sorted(p for p in glob.glob(os.path.join(args.checkout, "**", "*.clubs.txt"), recursive=True))
    out = set()
    for p in files:
        out.update(names(p))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Football club names (ORG) for the English NER gazetteer: scripts/ner-clubs.py over the club lists of\n")
        f.write(f"# github.com/openfootball/clubs {args.commit}, licence CC0 1.0 (public domain dedication).\n")
        for n in sorted(out):
            f.write(f"ORG\t{n}\n")
    print(f"{len(out)} names from {len(files)} files -> {args.out}")


if __name__ == "__main__":
    main()
