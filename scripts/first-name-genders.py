#!/usr/bin/env python3
"""Stages the English pack's first names with their usual gender, so that `he` and `she` join a person
of that gender: `m<TAB>Name` / `f<TAB>Name` lines from the person providers of Faker
(github.com/joke2k/faker, MIT), whose lists are each country's commonest given names. A name that one
list gives as male and another as female (`Andrea`, `Jean`, `Robin`) is left out.

    python3 scripts/first-name-genders.py --faker /path/to/faker --out Sources/CronistaNLP/Resources/Languages/en/first-names.tsv

`--faker` is a git directory or work tree of the Faker repository (the commit is written into the file).
"""
import argparse
import ast
import os
import subprocess

LOCALES = ("en_US en_GB en_IE en_NZ en de_DE de_AT es_ES es_MX es_AR pt_BR pt_PT fr_FR it_IT nl_NL cs_CZ "
           "hu_HU ro_RO sv_SE no_NO da_DK fi_FI tr_TR hr_HR id_ID ru_RU uk_UA pl_PL").split()
FIELDS = {"first_names_male": "m", "first_names_female": "f"}


def names(source):
    """(gender, name) from the `first_names_male` / `first_names_female` literals of one provider module."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Assign):
            continue
        for t in node.targets:
            if not (isinstance(t, ast.Name) and t.id in FIELDS):
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
                    out.add((FIELDS[t.id], name))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--faker", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    git = ["git", "-C", a.faker] if os.path.isdir(os.path.join(a.faker, ".git")) else ["git", "--git-dir", a.faker]
    commit = subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    found = set()
    for loc in LOCALES:
        src = subprocess.run(git + ["show", f"{commit}:faker/providers/person/{loc}/__init__.py"], capture_output=True, text=True)
        if src.returncode == 0:
            found |= names(src.stdout)
    genders = {}
    for g, n in found:
        genders.setdefault(n, set()).add(g)
    kept = sorted((next(iter(g)), n) for n, g in genders.items() if len(g) == 1)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# First names and their usual gender (m, f) for the English pack's pronouns: scripts/first-name-genders.py over\n"
                f"# the person providers of github.com/joke2k/faker {commit}, licence MIT (Copyright (c) 2012 Daniele Faraglia).\n")
        for g, n in kept:
            f.write(f"{g}\t{n}\n")
    print(f"{len(kept)} first names ({len(genders) - len(kept)} of both genders left out) -> {a.out}")


if __name__ == "__main__":
    main()
