#!/usr/bin/env python3
"""Cuts sample-data/squad/ (corpus, queries, qrels) from SQuAD v1.1 dev: three articles that the bundled
reranker never saw in training (a subset of HELD_OUT in prepare_data.py), all their paragraphs as the corpus and a
seeded sample of their questions as queries. Standard library only; run from the project root."""
import argparse
import json
import os
import random

ARTICLES = ["Oxygen", "Prime_number", "Steam_engine"]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--squad", default=os.path.join("..", "shared", "data", "squad-dev", "squad-v1.1-dev.jsonl"))
    ap.add_argument("--out", default=os.path.join("sample-data", "squad"))
    ap.add_argument("--per-article", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    corpus, questions = {}, {t: [] for t in ARTICLES}
    with open(a.squad, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o["title"] not in ARTICLES:
                continue
            d = f"{o['title']}#{o['para_idx']}"
            corpus.setdefault(d, {"_id": d, "title": o["title"].replace("_", " "), "text": o["context"]})
            questions[o["title"]].append((o["id"], o["question"], d))
    rng = random.Random(a.seed)
    picked = []
    for t in ARTICLES:
        picked += sorted(rng.sample(questions[t], a.per_article))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "corpus.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for d in sorted(corpus, key=lambda k: (k.split("#")[0], int(k.split("#")[1]))):
            f.write(json.dumps(corpus[d], ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "queries.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for qid, text, _ in picked:
            f.write(json.dumps({"_id": qid, "text": text}, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "qrels.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("query-id\tcorpus-id\tscore\n")
        for qid, _, d in picked:
            f.write(f"{qid}\t{d}\t1\n")
    print(f"{len(corpus)} paragraphs, {len(picked)} questions of {', '.join(ARTICLES)} -> {a.out}")


if __name__ == "__main__":
    main()
