#!/usr/bin/env python3
"""Mixes ranking groups for the reranker's second stage: every SciFact training group plus half as many SQuAD
training groups (seeded sample), shuffled; and a dev file of the 81 SciFact dev groups plus the first 81 SQuAD dev
groups. Deterministic for the same inputs.

usage: mix_groups.py WORK   (reads WORK/{scifact,squad}-groups-{train,dev}.jsonl, writes WORK/mixed-groups-*.jsonl)
"""
import random
import sys
from pathlib import Path


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [line for line in f if line.strip()]


def main():
    work = Path(sys.argv[1] if len(sys.argv) > 1 else "build-bundled")
    squad, scifact = lines(work / "squad-groups-train.jsonl"), lines(work / "scifact-groups-train.jsonl")
    rng = random.Random(11)
    mix = scifact + rng.sample(squad, len(scifact) // 2)
    rng.shuffle(mix)
    (work / "mixed-groups-train.jsonl").write_text("".join(mix), encoding="utf-8")
    scifact_dev = lines(work / "scifact-groups-dev.jsonl")
    dev = scifact_dev + lines(work / "squad-groups-dev.jsonl")[: len(scifact_dev)]
    (work / "mixed-groups-dev.jsonl").write_text("".join(dev), encoding="utf-8")
    print(f"{len(mix)} training groups ({len(scifact)} SciFact), {len(dev)} dev groups")


if __name__ == "__main__":
    main()
