#!/usr/bin/env python3
"""Stages surnames for the English NER gazetteer: `PER<TAB>Surname` lines from the person providers of
Faker (github.com/joke2k/faker, MIT), whose lists are the commonest surnames of each country's
statistics (the 1,000 of the US census, those of Ireland, Britain, Spain, Germany, the Netherlands...).

A lone surname is the name most often mistyped in news (`Klein did not appear` read as an
organisation, `cleared Duffy` as a place): the gazetteer code tells the tagger that the word is a
surname somewhere. A surname that the open training corpora write in lower case (`Rich`, `Young`,
`Bell` would pass; `Hall` written `hall` would not) is left out, as are those the knowledge base
already types as a place or an organisation.

    python3 scripts/ner-surnames.py --faker /path/to/faker/checkout --common-words ../shared/data/ner/en-open/*.tsv \
        --out Sources/CronistaNLP/Resources/Languages/en/ner-surnames.tsv

`--faker` is a git directory or work tree of the Faker repository (the commit is written into the file).
"""
import argparse
import ast
import json
import os
import subprocess

LOCALES = ("en_US en_GB en_IE en_NZ en de_DE de_AT es_ES es_MX es_AR pt_BR pt_PT fr_FR it_IT nl_NL cs_CZ "
           "hu_HU ro_RO sv_SE no_NO da_DK fi_FI tr_TR hr_HR id_ID").split()
FIELDS = ("last_names", "last_names_male", "last_names_female", "last_names_nonbinary")


def surnames(source):
    """The names of the `last_names*` literals of one provider module (a tuple, a list, a dict or an
    OrderedDict of name/weight pairs)."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Assign) or not any(isinstance(t, ast.Name) and t.id in FIELDS for t in node.targets):
            continue
        value = node.value
        if isinstance(value, ast.Call) and value.args:
            value = value.args[0]
        try:
            items = ast.literal_eval(value)
        except ValueError:
            continue
        if isinstance(items, dict):
            items = list(items)
        for x in items:
            name = x[0] if isinstance(x, tuple) else x
            if isinstance(name, str):
                out.add(name)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--faker", required=True, help="the Faker repository (git directory or work tree)")
    ap.add_argument("--common-words", nargs="*", default=[], help="token<TAB>label files: their lower-case words are no surname")
    ap.add_argument("--kb", default=os.path.join(here, "..", "Sources", "CronistaNLP", "Resources", "KB", "entities.jsonl"))
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    git = ["git", "-C", a.faker] if os.path.isdir(os.path.join(a.faker, ".git")) else ["git", "--git-dir", a.faker]
    commit = subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    common = set()
    for path in a.common_words:
        with open(path, encoding="utf-8") as f:
            for line in f:
                tok = line.split("\t", 1)[0]
                if tok and tok[0].islower():
                    common.add(tok)
    places = set()
    with open(a.kb, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e.get("type") in ("LOC", "ORG"):
                for names in (e.get("names") or {}).values():
                    places |= set(names or [])
    names = set()
    for loc in LOCALES:
        src = subprocess.run(git + ["show", f"{commit}:faker/providers/person/{loc}/__init__.py"], capture_output=True, text=True)
        if src.returncode == 0:
            names |= surnames(src.stdout)
    kept = sorted(n for n in names if len(n) >= 2 and n[0].isupper() and " " not in n and n.lower() not in common and n not in places)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"# Surnames (PER) for the English NER gazetteer: scripts/ner-surnames.py over the person providers of\n"
                f"# github.com/joke2k/faker {commit}, licence MIT (Copyright (c) 2012 Daniele Faraglia).\n")
        for n in kept:
            f.write(f"PER\t{n}\n")
    print(f"{len(kept)} of {len(names)} surnames -> {a.out}")


if __name__ == "__main__":
    main()
