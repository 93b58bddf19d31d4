#!/usr/bin/env python3
"""PolNeAR train (brat files) as the shared quote gold format, for error analysis of the English quote
rules on the largest set there is to read (840 documents; issue 16 develops on dev, PolNeAR's own README
asks that dev and test be left uninspected, and test is run once to report).

    scripts/polnear-train-gold.py ../shared/data/quotes/polnear/data/train OUT_DIR
    cronista analyze --language en OUT_DIR/train.docs.jsonl > P.jsonl
    python3 ../shared/tools/score.py quotes OUT_DIR/train.gold.jsonl P.jsonl

Writes OUT_DIR/train.docs.jsonl and OUT_DIR/train.gold.jsonl. Keep OUT_DIR outside the repository:
the texts are the publishers' and PolNeAR is for research use only. The conversion follows the shared
dev/test gold: the first annotator of a multiply annotated article, a discontinuous content as its outer
bounds, the kind from the quotation marks (direct when the content opens and closes with one, mixed when
it holds one), the speaker as the Source span with no coreference.
"""
import json
import os
import sys


def spans(field):
    return [tuple(map(int, part.split())) for part in field.split(";")]


def convert(root, out):
    seen, docs, golds = set(), [], []
    for name in sorted(os.listdir(os.path.join(root, "attributions"))):
        base = name.rsplit("_", 1)[0]  # the annotator's suffix
        if base in seen:
            continue
        seen.add(base)
        with open(os.path.join(root, "text", base + ".txt"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(root, "attributions", name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        tags = {}
        for line in lines:
            parts = line.split("\t")
            if parts[0].startswith("T") and len(parts) > 1:
                kind, where = parts[1].split(" ", 1)
                tags[parts[0]] = (kind, spans(where))
        quotes = []
        for line in lines:
            parts = line.split("\t")
            if not parts[0].startswith("E") or len(parts) < 2:
                continue
            args = {}
            for a in parts[1].split()[1:]:
                if ":" in a:
                    role, tag = a.split(":", 1)
                    args[role.rstrip("0123456789")] = tag
            if args.get("Content") not in tags:
                continue
            content = tags[args["Content"]][1]
            start, end = min(s for s, _ in content), max(e for _, e in content)
            body = text[start:end].strip()
            if body[:1] in "\"“" and body.rstrip()[-1:] in "\"”":
                kind = "direct"
            elif any(c in body for c in "\"“”"):
                kind = "mixed"
            else:
                kind = "indirect"
            cue = tags.get(args.get("Cue"))
            source = tags.get(args.get("Source"))
            quotes.append({
                "kind": kind, "start": start, "end": end, "text": text[start:end],
                "cue": {"start": cue[1][0][0], "end": cue[1][-1][1], "text": text[cue[1][0][0]:cue[1][-1][1]]} if cue else None,
                "speaker": {"name": text[source[1][0][0]:source[1][-1][1]], "kb": None,
                            "mentions": [list(s) for s in source[1]]} if source else None,
            })
        quotes.sort(key=lambda q: q["start"])
        docs.append({"id": base, "text": text})
        golds.append({"id": base, "language": "en", "text": text, "quotes": quotes})
    os.makedirs(out, exist_ok=True)
    for fname, rows in (("train.docs.jsonl", docs), ("train.gold.jsonl", golds)):
        with open(os.path.join(out, fname), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {sum(len(g['quotes']) for g in golds)} attributions", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    convert(sys.argv[1], sys.argv[2])
