#!/usr/bin/env bash
# Reproduces the bundled passage reranker (assets/models/crossbench-reranker-squad-MiniLM-L6) with our trainer.
# Run from the project root: scripts/bundled/train-reranker.sh [WORK]   (WORK defaults to build-bundled)
# Steps: cut the data (prepare_data.py), mine hard negatives with the bi-encoder, warm the cross-encoder up on
# graded STS pairs (a [CLS] head that already compares two texts), train it listwise on SQuAD questions of the 40
# training articles, then 2 more epochs listwise on SciFact's training claims mixed with half as many SQuAD
# questions (mix_groups.py), so that it also ranks scientific abstracts without forgetting SQuAD. CPU threads: OMP_NUM_THREADS (and -Dai.djl.pytorch.num_threads in CROSSBENCH_JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-build-bundled}"
python3 scripts/bundled/prepare_data.py --out "$work/data"
./crossbench mine-negatives --bi all-MiniLM-L6-v2 --engine onnxruntime --corpus "$work/data/squad-corpus.jsonl" \
  --queries "$work/data/squad-queries.jsonl" --qrels "$work/data/squad-train-qrels.tsv" \
  --depth 30 --negatives 29 --groups --out "$work/squad-groups-train.jsonl" --dev-out "$work/squad-groups-dev.jsonl"
./crossbench train cross --base all-MiniLM-L6-v2 --train "$work/data/sts-train.tsv" --dev ../shared/data/stsb/sts-dev.csv \
  --epochs 1 --batch-size 16 --lr 4e-5 --max-seq-length 128 --out "$work/minilm-sts-warmup" --overwrite \
  --json "$work/minilm-sts-warmup.json"
./crossbench train cross --loss listwise --negatives 7 --base "$work/minilm-sts-warmup" \
  --train "$work/squad-groups-train.jsonl" --dev "$work/squad-groups-dev.jsonl" \
  --epochs 1 --batch-size 8 --lr 5e-5 --max-seq-length 192 --out "$work/reranker" --overwrite --json "$work/reranker.json"
sf=../shared/data/scifact
./crossbench mine-negatives --bi all-MiniLM-L6-v2 --engine onnxruntime --corpus "$sf/corpus.jsonl" \
  --queries "$sf/queries.jsonl" --qrels "$sf/qrels/train.tsv" \
  --depth 30 --negatives 29 --groups --out "$work/scifact-groups-train.jsonl" --dev-out "$work/scifact-groups-dev.jsonl"
python3 scripts/bundled/mix_groups.py "$work"
./crossbench train cross --loss listwise --negatives 7 --base "$work/reranker" \
  --train "$work/mixed-groups-train.jsonl" --dev "$work/mixed-groups-dev.jsonl" \
  --epochs 2 --batch-size 8 --lr 3e-5 --max-seq-length 192 --out "$work/reranker-final" --overwrite \
  --json "$work/reranker-final.json"
