#!/usr/bin/env python3
"""Cuts the training and held-out files for the bundled cross-encoders from ../shared/data.

Standard library only. Writes into OUT (default build-bundled/data, ignored by git):
  sts-train.tsv           STS-B train + STS 2012-2014 pairs not in STS-B (pair scorer training)
  sts-2015-2016.tsv       STS 2015-2016 pairs not in STS-B (never trained on: reported only)
  squad-corpus.jsonl      every SQuAD v1.1 dev paragraph (48 articles), _id = article#paragraph
  squad-queries.jsonl     every SQuAD v1.1 dev question, _id = official question id
  squad-train-qrels.tsv   judgements of a seeded sample of the training articles' questions
  squad-heldout-qrels.tsv judgements of the held-out articles' questions (all of them)
  squad-heldout-sample-qrels.tsv  a seeded sample of those, for the reranking evaluation
The held-out articles are fixed (HELD_OUT below); no question of theirs is ever trained on.
"""
import argparse
import csv
import json
import os
import random

HELD_OUT = ["Amazon_rainforest", "Computational_complexity_theory", "Genghis_Khan", "Immune_system",
            "Oxygen", "Prime_number", "Steam_engine", "Warsaw"]
STS_TRAIN_YEARS = {"2012", "2013", "2014"}


def doc_id(title, para_idx):
    return f"{title}#{para_idx}"


def write_pairs(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("sentence1\tsentence2\tscore\n")
        for s1, s2, score in rows:
            if "\t" in s1 or "\t" in s2 or "\n" in s1 or "\n" in s2:
                raise SystemExit(f"unexpected tab or newline in a sentence: {s1!r} / {s2!r}")
            f.write(f"{s1}\t{s2}\t{score}\n")


def sts(shared, out):
    train = []
    with open(os.path.join(shared, "stsb", "sts-train.csv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            train.append((cols[5], cols[6], cols[4]))
    extra, held = [], []
    with open(os.path.join(shared, "sts-2012-2016", "sts-2012-2016-not-in-stsb.tsv"), encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for r in rows:
            (extra if r["year"] in STS_TRAIN_YEARS else held).append((r["sentence1"], r["sentence2"], r["score"]))
    write_pairs(os.path.join(out, "sts-train.tsv"), train + extra)
    write_pairs(os.path.join(out, "sts-2015-2016.tsv"), held)
    print(f"sts-train.tsv: {len(train)} STS-B train + {len(extra)} STS 2012-2014 pairs; sts-2015-2016.tsv: {len(held)} pairs")


def squad(shared, out, train_questions, heldout_sample, seed):
    corpus, questions = {}, []
    with open(os.path.join(shared, "squad-dev", "squad-v1.1-dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            d = doc_id(o["title"], o["para_idx"])
            corpus.setdefault(d, (o["title"].replace("_", " "), o["context"]))
            questions.append((o["id"], o["question"], d, o["title"]))
    unknown = set(HELD_OUT) - {q[3] for q in questions}
    if unknown:
        raise SystemExit(f"held-out articles not in SQuAD: {sorted(unknown)}")
    with open(os.path.join(out, "squad-corpus.jsonl"), "w", encoding="utf-8") as f:
        for d, (title, text) in corpus.items():
            f.write(json.dumps({"_id": d, "title": title, "text": text}, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "squad-queries.jsonl"), "w", encoding="utf-8") as f:
        for qid, text, _, _ in questions:
            f.write(json.dumps({"_id": qid, "text": text}, ensure_ascii=False) + "\n")
    rng = random.Random(seed)
    train = [q for q in questions if q[3] not in HELD_OUT]
    held = [q for q in questions if q[3] in HELD_OUT]
    train_sample = sorted(rng.sample(train, min(train_questions, len(train))))
    held_sample = sorted(random.Random(seed + 1).sample(held, min(heldout_sample, len(held))))

    def qrels(path, qs):
        with open(path, "w", encoding="utf-8") as f:
            f.write("query-id\tcorpus-id\tscore\n")
            for qid, _, d, _ in qs:
                f.write(f"{qid}\t{d}\t1\n")

    qrels(os.path.join(out, "squad-train-qrels.tsv"), train_sample)
    qrels(os.path.join(out, "squad-heldout-qrels.tsv"), held)
    qrels(os.path.join(out, "squad-heldout-sample-qrels.tsv"), held_sample)
    print(f"squad: {len(corpus)} paragraphs, {len(questions)} questions; train sample {len(train_sample)} of {len(train)}; "
          f"held-out {len(held)} questions of {len(HELD_OUT)} articles, sample {len(held_sample)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join("..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join("build-bundled", "data"))
    ap.add_argument("--train-questions", type=int, default=1800)
    ap.add_argument("--heldout-sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    sts(a.shared, a.out)
    squad(a.shared, a.out, a.train_questions, a.heldout_sample, a.seed)


if __name__ == "__main__":
    main()
