#!/usr/bin/env python3
"""Precision and recall of story grouping (near-duplicate detection at ingest).

Builds a set from the KIND Wikinews training articles, ingests it with `cronista ingest` into a
fresh SQLite store, and compares the stories the store made with the set's own grouping, over every
pair of documents in the set.

The set (deterministic, seed 20):
- originals: articles with at least five body sentences (after the headline line);
- for each original, two rewrites, the positives:
  * heavy: a new headline (the first clause of the first sentence), 15-30 % of the body
    sentences dropped, one sentence moved elsewhere, and a paragraph of 2-3 sentences from
    another article added (background an outlet adds);
  * light: one of those four edits alone;
- hard negatives: for each original, the (up to three) other training articles that share the
  most of its gold named entities (at least two): the same people and places, another article.
  (KIND has no dates, so "the same day" cannot be used.)
Gold: an original and its rewrites are one story; every other pair is not.

Usage: scripts/eval-stories.py [--cronista .build/release/cronista] [--originals 300] [--seed 20] [--negatives 3] [--keep DIR]
"""
import argparse
import itertools
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("CRONISTA_SHARED", os.path.join(HERE, "..", "..", "shared"))
TRAIN = os.path.join(SHARED, "data/ner/kind/docs/wikinews_train.docs.jsonl")

SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[«\"A-ZÀ-ÖØ-Þ0-9])")


def sentences(body):
    return [s for s in SENTENCE.split(body.strip()) if s.strip()]


def split(text):
    head, _, body = text.partition("\n")
    return head, sentences(body)


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def new_headline(body):
    first = body[0]
    clause = re.split(r"[,:;]", first)[0].split()
    return " ".join(clause[:12]).rstrip(".")


def rewrite(head, body, other_body, rng, edits):
    body = list(body)
    if "drop" in edits:
        n = max(1, round(len(body) * rng.uniform(0.15, 0.30)))
        for i in sorted(rng.sample(range(1, len(body)), min(n, len(body) - 2)), reverse=True):
            del body[i]
    if "move" in edits and len(body) >= 3:
        i = rng.randrange(len(body))
        s = body.pop(i)
        j = rng.randrange(len(body) + 1)
        while j == i and len(body) > 1:
            j = rng.randrange(len(body) + 1)
        body.insert(j, s)
    if "add" in edits and other_body:
        # A paragraph of up to a quarter of the article's length (at least one sentence).
        budget = 0.25 * sum(len(x.split()) for x in body)
        start = rng.randrange(len(other_body))
        added = [other_body[start]]
        for x in other_body[start + 1:start + 3]:
            if sum(len(a.split()) for a in added) + len(x.split()) > budget:
                break
            added.append(x)
        body.insert(rng.randrange(1, len(body) + 1), " ".join(added))
    if "headline" in edits:
        head = new_headline(body)
    return head + "\n" + " ".join(body)


def build(originals, seed, negatives=3):
    docs = [json.loads(l) for l in open(TRAIN, encoding="utf-8")]
    rng = random.Random(seed)
    eligible = [d for d in docs if len(split(d["text"])[1]) >= 5]
    chosen = rng.sample(eligible, min(originals, len(eligible)))
    names = {d["id"]: {fold(e["text"]) for e in d["entities"]} for d in docs}
    by_id = {d["id"]: d for d in docs}
    out, gold = [], {}
    used = set()

    def add(doc_id, text, story):
        if doc_id in used:
            return
        used.add(doc_id)
        out.append({"id": doc_id, "text": text})
        gold[doc_id] = story

    # Added paragraphs come from articles outside the set: a rewrite holding most of another
    # article of the set would be a copy of that one too.
    chosen_ids = {d["id"] for d in chosen}
    sources = [d for d in eligible if d["id"] not in chosen_ids]
    source_ids = set()
    for d in chosen:
        head, body = split(d["text"])
        add(d["id"], d["text"], d["id"])
        other = rng.choice(sources)
        source_ids.add(other["id"])
        other_body = split(other["text"])[1]
        add(d["id"] + "-heavy", rewrite(head, body, other_body, rng, {"headline", "drop", "move", "add"}), d["id"])
        # One edit; another when it leaves the text as it was (a headline that was already the
        # first clause).
        for edit in rng.sample(["headline", "drop", "move", "add"], 4):
            light = rewrite(head, body, other_body, rng, {edit})
            if light != d["text"]:
                add(d["id"] + "-light-" + edit, light, d["id"])
                break
    for d in chosen:
        ranked = []
        for o in docs:
            if o["id"] == d["id"] or o["id"] in source_ids:
                continue
            n = len(names[d["id"]] & names[o["id"]])
            if n >= 2:
                ranked.append((-n, o["id"]))
        for _, oid in sorted(ranked)[:negatives]:
            add(oid, by_id[oid]["text"], oid)
    return out, gold


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cronista", default=os.path.join(HERE, "..", ".build", "release", "cronista"))
    ap.add_argument("--originals", type=int, default=300)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--negatives", type=int, default=3, help="hard negatives per original (most shared entities first)")
    ap.add_argument("--keep", help="write the set and the store into this directory")
    args = ap.parse_args()

    docs, gold = build(args.originals, args.seed, args.negatives)
    work = args.keep or tempfile.mkdtemp(prefix="eval-stories-")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "stories-set.jsonl")
    with open(data, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    db = os.path.join(work, "stories.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    t0 = time.time()
    subprocess.run([args.cronista, "ingest", data, "--db", db], check=True, stderr=subprocess.DEVNULL)
    elapsed = time.time() - t0
    con = sqlite3.connect(db)
    story = dict(con.execute("SELECT d.id, m.story FROM story_member m JOIN document d ON d.doc = m.doc"))
    con.close()
    missing = [d["id"] for d in docs if d["id"] not in story]
    if missing:
        sys.exit(f"{len(missing)} document(s) without a story, e.g. {missing[:3]}")

    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations([d["id"] for d in docs], 2):
        same_gold = gold[a] == gold[b]
        same = story[a] == story[b]
        if same and same_gold:
            tp += 1
        elif same:
            fp += 1
            wrong.append(("false positive", a, b))
        elif same_gold:
            fn += 1
            wrong.append(("missed", a, b))
    positives = sum(1 for d in docs if d["id"] != gold[d["id"]])
    originals = len({gold[d["id"]] for d in docs if d["id"] != gold[d["id"]]})
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"set: {len(docs)} documents: {originals} originals, {positives} rewrites, "
          f"{len(docs) - positives - originals} hard negatives")
    print(f"pairs: {tp + fn} same-story in gold, {tp + fp} grouped by the store")
    print(f"precision {100 * p:.1f} %  recall {100 * r:.1f} %  (tp {tp}, fp {fp}, fn {fn})")
    print(f"ingest wall time {elapsed:.1f} s  ({args.cronista})")
    for kind, a, b in wrong[:20]:
        print(f"  {kind}: {a} ~ {b}")
    if not args.keep:
        import shutil
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
