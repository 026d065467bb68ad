#!/usr/bin/env bash
# Measures the bundled cross-encoders (the figures in their model cards and the README).
# Run from the project root after scripts/bundled/prepare_data.py:
#   scripts/bundled/evaluate.sh [WORK] [RERANKER] [PAIR_SCORER] [TAG]
# RERANKER and PAIR_SCORER default to the bundled ones (pass a trained folder instead, e.g. build-bundled/pair-bge;
# PAIR_SCORER "none" skips the pair-scorer figures).
# WORK defaults to build-bundled; results go to WORK/eval/*.json. The reranker runs the first 120 of the 300 sampled
# held-out SQuAD questions and the 300 SciFact test queries, both at K=100 (12,000 and 30,000 candidates; about
# 10 and 25 minutes on two quiet cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-build-bundled}"
reranker="${2:-crossbench-reranker-MiniLM-L6}"
scorer="${3:-crossbench-pair-scorer-bge-small}"
tag="${4:-bundled}"
mkdir -p "$work/eval"
sf=../shared/data/scifact
# Pair scorer: STS-B test, and STS 2015-2016 (subsets never trained on), beside the best bi-encoders.
if [ "$scorer" != "none" ]; then
  ./crossbench eval-pairs --model all-MiniLM-L6-v2 --model bge-small-en-v1.5 --cross "$scorer" \
    --pairs ../shared/data/stsb/sts-test.csv --json "$work/eval/$tag-stsb-test.json"
  ./crossbench eval-pairs --model all-MiniLM-L6-v2 --model bge-small-en-v1.5 --cross "$scorer" \
    --pairs "$work/data/sts-2015-2016.tsv" --json "$work/eval/$tag-sts-2015-2016.json"
fi
# Reranker: held-out SQuAD articles (120 questions, corpus = all 2,067 paragraphs), then SciFact test.
head -121 "$work/data/squad-heldout-sample-qrels.tsv" > "$work/data/squad-heldout-120-qrels.tsv"
./crossbench eval-retrieval --bi all-MiniLM-L6-v2 --engine onnxruntime --corpus "$work/data/squad-corpus.jsonl" \
  --queries "$work/data/squad-queries.jsonl" --qrels "$work/data/squad-heldout-120-qrels.tsv" \
  --cross "$reranker" --cross-engine pytorch --k 100 --sweep 10,20,50,100 --json "$work/eval/$tag-squad-heldout.json"
./crossbench eval-retrieval --bi all-MiniLM-L6-v2 --engine onnxruntime --corpus "$sf/corpus.jsonl" \
  --queries "$sf/queries.jsonl" --qrels "$sf/qrels/test.tsv" \
  --cross "$reranker" --cross-engine pytorch --k 100 --sweep 10,20,50,100 --json "$work/eval/$tag-scifact-test.json"
