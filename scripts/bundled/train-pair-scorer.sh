#!/usr/bin/env bash
# Reproduces the bundled pair scorer (assets/models/crossbench-pair-scorer-bge-small) with our trainer.
# Run from the project root: scripts/bundled/train-pair-scorer.sh [WORK]   (WORK defaults to build-bundled)
# Cuts the STS data (prepare_data.py: STS-B train + the STS 2012-2014 pairs not in STS-B; 2015-2016 kept out), then
# trains a cross-encoder from bge-small-en-v1.5's body with pointwise BCE on gold/5, best epoch by STS-B dev Spearman,
# and bundles it. CPU threads: OMP_NUM_THREADS (and -Dai.djl.pytorch.num_threads in CROSSBENCH_JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-build-bundled}"
python3 scripts/bundled/prepare_data.py --out "$work/data"
./crossbench train cross --base bge-small-en-v1.5 --train "$work/data/sts-train.tsv" --dev ../shared/data/stsb/sts-dev.csv \
  --epochs 2 --batch-size 16 --lr 3e-5 --max-seq-length 128 --out "$work/pair-bge" --overwrite --json "$work/pair-bge.json"
./crossbench bundle --model "$work/pair-bge" --base bge-small-en-v1.5 --name crossbench-pair-scorer-bge-small \
  --out assets/models/crossbench-pair-scorer-bge-small
