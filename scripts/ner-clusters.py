#!/usr/bin/env python3
"""Word clusters for the NER tagger, learned once from unlabelled text.

Italian (the default): reads the token column of the KIND files (every file EXCEPT the benchmark `evalita-2023/WN_test*.tsv`),
builds left/right-neighbour co-occurrence vectors for every lower-cased word seen at least MIN_COUNT
times, weights them with positive PMI, reduces them to DIM dimensions (truncated SVD) and runs k-means at
three granularities. Writes `word<TAB>c64<TAB>c256<TAB>c1024` (cluster ids) to
Sources/CronistaNLP/Resources/ner-clusters.tsv. Deterministic (fixed seed). Needs numpy and scipy.

English (`--lang en`): the token column of the open-licence corpora in `data/ner/en-open/` (all files;
CC BY 4.0 / CC BY-SA 4.0, see their README) and the MEANTIME English Wikinews texts
(`data/time/meantime-en/`, CC BY 4.0 / texts CC BY 2.5), split into sentences and tokens by a simple
regular expression. The benchmarks (CoNLL-2003, UNER English-PUD) stay unseen. `--wikitext FILE...` adds
WikiText-2 files (Merity et al. 2016, Wikipedia Good and Featured articles, CC BY-SA 3.0; not in the shipped
clusters: the experiment that tried them read `valid.txt` and `test.txt` of word_language_model/data/wikitext-2 in GitHub `pytorch/examples`,
commit 77f55b9: 430k words): one paragraph a line, tokens split by spaces, `= Heading =` lines skipped,
`@-@` `@,@` `@.@` joined back, `<unk>` (a rare word) kept as a token of its own.

    python3 scripts/ner-clusters.py [--shared ../shared] [--lang it|en] [--wikitext FILE...] [--out PATH]
"""
import argparse
import collections
import glob
import json
import os
import re

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

MIN_COUNT = 3
CONTEXT = 4000
DIM = 100
KS = (64, 256, 1024)


def norm(tok):
    return tok.replace("\u2019", "'").lower()


def sentences(shared):
    files = sorted(glob.glob(os.path.join(shared, "data/ner/kind/dataset/*.tsv")))
    files += sorted(glob.glob(os.path.join(shared, "data/ner/kind/evalita-2023/*.tsv")))
    seen = set()
    for path in files:
        base = os.path.basename(path)
        if base.startswith("WN_test") or "nolabel" in base:
            continue  # the benchmark stays unseen, even unlabelled
        cur = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip():
                    if cur:
                        key = "\x00".join(cur)
                        if key not in seen:
                            seen.add(key)
                            yield cur
                        cur = []
                    continue
                cur.append(norm(line.split("\t")[0]))
        if cur:
            yield cur


EN_TOKEN = re.compile(r"\w+(?=n't)|n't|'\w+|\w+(?:[-.&]\w+)*|[^\w\s]")
EN_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def english_sentences(shared):
    files = sorted(glob.glob(os.path.join(shared, "data/ner/en-open/*.tsv")))
    seen = set()

    def once(cur):
        key = "\x00".join(cur)
        if key not in seen:
            seen.add(key)
            return True
        return False

    for path in files:
        cur = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip():
                    if cur and once(cur):
                        yield cur
                    cur = []
                    continue
                cur.append(norm(line.split("\t")[0]))
        if cur and once(cur):
            yield cur
    with open(os.path.join(shared, "data/time/meantime-en/meantime-en.gold.jsonl"), encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"].replace("\u2019", "'")
            for sentence in EN_SENTENCE.split(text):
                cur = [norm(t) for t in EN_TOKEN.findall(sentence)]
                if cur and once(cur):
                    yield cur


def wikitext_sentences(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("= "):
                    continue
                line = line.replace(" @-@ ", "-").replace(" @,@ ", ",").replace(" @.@ ", ".")
                for sentence in re.split(r"(?<= [.!?]) (?=[A-Z\"])", line):
                    cur = [t if t == "<unk>" else norm(t) for t in sentence.split()]
                    if cur:
                        yield cur


def kmeans(x, k, seed, iters=25):
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        sim = x @ c.T
        a = sim.argmax(1)
        for j in range(k):
            m = a == j
            if m.any():
                v = x[m].sum(0)
                c[j] = v / (np.linalg.norm(v) + 1e-9)
    return (x @ c.T).argmax(1)


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--lang", default="it", choices=["it", "en"])
    ap.add_argument("--wikitext", nargs="*", default=[])
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.out is None:
        args.out = os.path.join(here, "..", f"Sources/CronistaNLP/Resources/Languages/{args.lang}/ner-clusters.tsv")

    sents = list(sentences(args.shared) if args.lang == "it" else english_sentences(args.shared))
    sents += list(wikitext_sentences(args.wikitext))
    counts = collections.Counter(w for s in sents for w in s)
    vocab = sorted([w for w, c in counts.items() if c >= MIN_COUNT], key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:CONTEXT])}
    rows, cols = [], []
    for s in sents:
        padded = ["<s>"] + s + ["</s>"]
        for i in range(1, len(padded) - 1):
            wi = index.get(padded[i])
            if wi is None:
                continue
            for off, side in ((-1, 0), (1, 1), (-2, 2), (2, 3)):
                j = i + off
                c = padded[j] if 0 <= j < len(padded) else "<pad>"
                ci = ctx.get(c, CONTEXT)
                rows.append(wi)
                cols.append(side * (CONTEXT + 1) + ci)
    m = sp.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)),
                      shape=(len(vocab), 4 * (CONTEXT + 1))).tocsr()
    m.sum_duplicates()
    total = m.sum()
    rs = np.asarray(m.sum(1)).ravel()
    cs = np.asarray(m.sum(0)).ravel() ** 0.75
    cs = cs / cs.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / ((rs[m.row] / total) * cs[m.col] + 1e-12))
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _ = svds(ppmi, k=DIM, random_state=7, v0=np.full(min(ppmi.shape), 1.0 / np.sqrt(min(ppmi.shape))))
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    x = x.astype(np.float32)
    labels = [kmeans(x, k, seed=11 + k) for k in KS]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# word clusters for the NER tagger: scripts/ner-clusters.py; {len(sents)} sentences, "
                f"{sum(counts.values())} tokens, min count {MIN_COUNT}, k = {','.join(map(str, KS))}\n")
        for i, w in enumerate(vocab):
            if "\t" in w or "\n" in w:
                continue
            f.write(w + "\t" + "\t".join(str(int(l[i])) for l in labels) + "\n")
    print(f"{len(vocab)} words, {len(sents)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
