#!/usr/bin/env bash
# Reproduces the deduplication figures in the README ("Deduplication"). Run from anywhere:
#   scripts/dedup/evaluate.sh [OUT] [PAIR_SCORER]
# OUT (default target/dedup under the project root, ignored by git) receives the reports, pairs and clusters, and the 100,000-text file (cut from
# ../shared/data by make_texts.py; nothing is copied into the project). PAIR_SCORER (default: the bundled
# crossbench-pair-scorer-bge-small; "none" skips it) is a cross-encoder for graded similarity, evaluated beside the bundled
# passage reranker.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/dedup}"
scorer="${2:-crossbench-pair-scorer-bge-small}"
[ "$scorer" = "none" ] && scorer=""
mkdir -p "$out"
sts=../shared/data/stsb/sts-test.csv
bi=(--model all-MiniLM-L6-v2 --engine onnxruntime)

# 1. STS-B test: its 2,552 distinct sentences, pairs scored >= 4.0 as the duplicates; bi-encoder alone, and every
#    candidate at cosine >= 0.70 verified by the bundled reranker (exact all pairs: 2,552 <= the auto cutoff).
./crossbench dedup "${bi[@]}" --input-pairs "$sts" --gold "$sts" --cross crossbench-reranker-MiniLM-L6 \
  --pairs-out "$out/stsb-pairs.csv" --clusters-out "$out/stsb-clusters.jsonl" --json "$out/stsb-reranker.json"
if [ -n "$scorer" ]; then
  ./crossbench dedup "${bi[@]}" --input-pairs "$sts" --gold "$sts" --cross "$scorer" --json "$out/stsb-scorer.json"
fi

# 2. The same sentences through HNSW instead of all pairs (the path auto takes past the cutoff).
./crossbench dedup "${bi[@]}" --input-pairs "$sts" --gold "$sts" --index hnsw --all-pairs-sample 2552 \
  --json "$out/stsb-hnsw.json"

# 3. 100,000 real texts (SciFact, SQuAD, PAWS, STS sentences; see make_texts.py): HNSW candidates against comparing
#    all 5 billion pairs, measured, and the share of the brute force's candidates HNSW found.
python3 scripts/dedup/make_texts.py --out "$out/texts-100k.txt"
./crossbench bench dedup "${bi[@]}" --input "$out/texts-100k.txt" --index hnsw --brute-force --json "$out/bench-100k.json"
