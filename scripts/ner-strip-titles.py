#!/usr/bin/env python3
"""Training-data mapping for English NER: a person's title is not part of the name.

CoNLL-2003, OntoNotes and Universal NER leave titles and honorifics outside PER spans (`Mr [Smith]`,
`President [Obama]`), but some open corpora include them (the Broad Twitter Corpus and WNUT-17 often
tag `President Obama` as one person). This rewrites `token<TAB>label` files so that a person span of
two or more tokens that begins with a title begins after it (the title becomes `O`).

Titles are the one-word role heads of the English pack's role-nouns.txt (`president`, `minister`,
`governor`...) and those given with --titles (honorifics such as `mr mr. dr dr.`, ranks, `king`,
`pope`); a title given with a full stop also counts without it. Matching ignores case.

GUM's spans are silver (the proper-noun run around the entity's head), which leaves out a capitalised
adjective at the start of a name (`United [States]`, `New [York]`, `Democratic [Party]`: 352 spans);
`--join-left gum-open` puts such words back into the span in the files whose name starts so (see
`join_left`).

    python3 scripts/ner-strip-titles.py --out-dir DIR [--join-left PREFIX] [--titles mr. dr. king ... --] FILE.tsv ...
"""
import argparse
import os
import sys

PACK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "CronistaNLP", "Resources", "Languages", "en")


def pack_titles():
    titles = set()
    for line in open(os.path.join(PACK, "role-nouns.txt"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        head = line.split(":", 1)[1].strip()
        if " " not in head and "-" not in head:
            titles.add(head.lower())
    return titles


def strip(lines, titles):
    """`lines`: one file's lines; yields the rewritten lines and counts the stripped titles."""
    rows = [l.rstrip("\n").split("\t") if l.strip() else None for l in lines]
    stripped = 0
    i = 0
    while i < len(rows):
        r = rows[i]
        # A PER span's first token, a title, followed by more of the same span: drop the title,
        # repeatedly (`Prime Minister`, `Mr. President` are two-word titles only when both are titles).
        while (r is not None and r[-1] == "B-PER" and r[0].lower() in titles and i + 1 < len(rows)
               and rows[i + 1] is not None and rows[i + 1][-1] == "I-PER"):
            r[-1] = "O"
            rows[i + 1][-1] = "B-PER"
            stripped += 1
            i += 1
            r = rows[i]
        i += 1
    return ["\t".join(r) + "\n" if r is not None else "\n" for r in rows], stripped


# Capitalised words that begin a sentence's clause or point at a name rather than being part of it.
NOT_NAME = set("""
the a an this that these those my your his her its our their in on at of for from by with to and or but
as if when while after before since during about under over into no not all some any each every both
professor doctor mister
""".split())


def join_left(lines, titles):
    """GUM's silver spans are the proper-noun run around the entity's head (see the corpus README), so a
    capitalised adjective that begins the name is left out: `United [States]`, `New [York]`,
    `Red [Cross]`, `Democratic [Party]`. A span is extended leftwards over capitalised `O` words that are
    not sentence-initial, not titles and not function words, as CoNLL and Universal NER tag the name."""
    rows = [l.rstrip("\n").split("\t") if l.strip() else None for l in lines]
    joined = 0
    for i, r in enumerate(rows):
        if r is None or not r[-1].startswith("B-"):
            continue
        typ = r[-1][2:]
        j = i
        while (j - 1 > 0 and rows[j - 1] is not None and rows[j - 2] is not None and rows[j - 1][-1] == "O"
               and rows[j - 1][0][:1].isupper() and rows[j - 1][0].lower() not in titles
               and rows[j - 1][0].lower() not in NOT_NAME and rows[j - 1][0].isalpha()):
            j -= 1
        if j < i:
            rows[j][-1] = "B-" + typ
            for k in range(j + 1, i + 1):
                rows[k][-1] = "I-" + typ
            joined += 1
    return ["\t".join(r) + "\n" if r is not None else "\n" for r in rows], joined


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--titles", nargs="*", default=[], help="more titles (lower case)")
    ap.add_argument("--join-left", default="", help="files whose name starts with this (gum-open) get join_left")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    titles = pack_titles() | {t.lower() for t in a.titles} | {t.lower().rstrip(".") for t in a.titles}
    os.makedirs(a.out_dir, exist_ok=True)
    for f in a.files:
        out, n = strip(open(f, encoding="utf-8").readlines(), titles)
        if a.join_left and os.path.basename(f).startswith(a.join_left):
            out, j = join_left(out, titles)
            print(f"{os.path.basename(f)}: {j} spans joined with the capitalised words before them", file=sys.stderr)
        with open(os.path.join(a.out_dir, os.path.basename(f)), "w", encoding="utf-8") as w:
            w.writelines(out)
        print(f"{os.path.basename(f)}: {n} titles taken out of PER spans", file=sys.stderr)


if __name__ == "__main__":
    main()
