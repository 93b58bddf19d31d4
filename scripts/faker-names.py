#!/usr/bin/env python3
"""Stages name lists for the English pack from the person providers of Faker (github.com/joke2k/faker,
MIT), whose lists are each country's commonest surnames and given names (the 1,000 surnames of the US
census, those of Ireland, Britain, Spain, Germany, the Netherlands...).

    python3 scripts/faker-names.py surnames --faker FAKER --common-words ../shared/data/ner/en-open/*.tsv \\
        --out Sources/CronistaNLP/Resources/Languages/en/ner-surnames.tsv
    python3 scripts/faker-names.py first-names --faker FAKER --out Sources/CronistaNLP/Resources/Languages/en/first-names.tsv

`surnames`: `PER<TAB>Surname` lines for the NER gazetteer (`scripts/ner-gazetteer.py --extra`). A lone
surname is the name most often mistyped in news (`Klein did not appear` read as an organisation,
`cleared Duffy` as a place): the gazetteer code tells the tagger that the word is a surname somewhere. A
surname that the open training corpora write in lower case (`Rich`, `Young`, `Bell`) is left out, as are
those the knowledge base types as a place or an organisation.

`first-names`: `m<TAB>Name` / `f<TAB>Name` lines, so that `he` and `she` join a person of that gender. A
name that one list gives as male and another as female (`Andrea`, `Jean`, `Robin`) is left out.

`FAKER` is a git directory or work tree of the Faker repository (the commit is written into the file).
"""
import argparse
import ast
import json
import os
import subprocess

LOCALES = ("en_US en_GB en_IE en_NZ en de_DE de_AT es_ES es_MX es_AR pt_BR pt_PT fr_FR it_IT nl_NL cs_CZ "
           "hu_HU ro_RO sv_SE no_NO da_DK fi_FI tr_TR hr_HR id_ID").split()
SURNAME_FIELDS = {"last_names": None, "last_names_male": None, "last_names_female": None, "last_names_nonbinary": None}
FIRST_NAME_FIELDS = {"first_names_male": "m", "first_names_female": "f"}
FIRST_NAME_LOCALES = LOCALES + ["ru_RU", "uk_UA", "pl_PL"]


def literals(source, fields):
    """(fields[name of the literal], string) for the strings of the literals assigned to `fields` in one
    provider module: a tuple, a list, a dict, or an OrderedDict of name/weight pairs."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Assign):
            continue
        for t in node.targets:
            if not (isinstance(t, ast.Name) and t.id in fields):
                continue
            value = node.value.args[0] if isinstance(node.value, ast.Call) and node.value.args else node.value
            try:
                items = ast.literal_eval(value)
            except ValueError:
                continue
            if isinstance(items, dict):
                items = list(items)
            for x in items:
                name = x[0] if isinstance(x, tuple) else x
                if isinstance(name, str) and name[:1].isupper() and " " not in name and len(name) >= 2:
                    out.add((fields[t.id], name))
    return out


def provider_names(faker, locales, fields):
    """The Faker commit and the (tag, name) pairs of the `fields` literals of `locales`' person providers."""
    git = ["git", "-C", faker] if os.path.isdir(os.path.join(faker, ".git")) else ["git", "--git-dir", faker]
    commit = subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    found = set()
    for loc in locales:
        src = subprocess.run(git + ["show", f"{commit}:faker/providers/person/{loc}/__init__.py"], capture_output=True, text=True)
        if src.returncode == 0:
            found |= literals(src.stdout, fields)
    return commit, found


def header(what, commit):
    return (f"# {what}: scripts/faker-names.py over the person providers of\n"
            f"# github.com/joke2k/faker {commit}, licence MIT (Copyright (c) 2012 Daniele Faraglia).\n")


def surnames(a):
    commit, found = provider_names(a.faker, LOCALES, SURNAME_FIELDS)
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
    names = {n for _, n in found}
    kept = sorted(n for n in names if n.lower() not in common and n not in places)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header("Surnames (PER) for the English NER gazetteer", commit))
        for n in kept:
            f.write(f"PER\t{n}\n")
    print(f"{len(kept)} of {len(names)} surnames -> {a.out}")


def first_names(a):
    commit, found = provider_names(a.faker, FIRST_NAME_LOCALES, FIRST_NAME_FIELDS)
    genders = {}
    for g, n in found:
        genders.setdefault(n, set()).add(g)
    kept = sorted((next(iter(g)), n) for n, g in genders.items() if len(g) == 1)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header("First names and their usual gender (m, f) for the English pack's pronouns", commit))
        for g, n in kept:
            f.write(f"{g}\t{n}\n")
    print(f"{len(kept)} first names ({len(genders) - len(kept)} of both genders left out) -> {a.out}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("list", choices=["surnames", "first-names"])
    ap.add_argument("--faker", required=True, help="the Faker repository (git directory or work tree)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--common-words", nargs="*", default=[], help="surnames: token<TAB>label files whose lower-case words are no surname")
    ap.add_argument("--kb", default=os.path.join(here, "..", "Sources", "CronistaNLP", "Resources", "KB", "entities.jsonl"))
    a = ap.parse_args()
    surnames(a) if a.list == "surnames" else first_names(a)


if __name__ == "__main__":
    main()
