#!/usr/bin/env python3
"""All-capitals copies of NER training sentences, for headlines and results tables written in capitals.

Reads `token<TAB>label` files (blank line between sentences) and writes every SHARE-th sentence (by a
fixed hash of its tokens, so the choice is deterministic) with its tokens upper-cased and its labels kept.
Give the output to `cronista train ner --train` beside the originals.

    python3 scripts/ner-upper-copy.py FILE... [--share 4] --out PATH
"""
import argparse
import zlib


def sentences(path):
    cur = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    yield cur
                cur = []
                continue
            parts = line.split("\t")
            cur.append((parts[0], parts[-1]))
    if cur:
        yield cur


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--share", type=int, default=4, help="copy one sentence in SHARE")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for path in args.files:
            for s in sentences(path):
                if zlib.crc32("\x00".join(t for t, _ in s).encode()) % args.share:
                    continue
                for t, label in s:
                    out.write(f"{t.upper()}\t{label}\n")
                out.write("\n")
                n += 1
    print(f"{n} sentences -> {args.out}")


if __name__ == "__main__":
    main()
