#!/usr/bin/env python3
"""Writes real English texts, one per line, for the 100,000-text deduplication run.

Nothing is copied into the project: the texts are cut from ../shared/data (read in place) and written to the
file named on the command line (default target/dedup/texts-100k.txt, relative to the working directory:
run it from the project root; target/ is ignored by git). Sources, each split into
sentences where it is running text:

  scifact/corpus.jsonl             abstracts split into sentences (5,183 abstracts)
  squad-dev/*.jsonl                paragraphs split into sentences, and the questions
  paws-wiki/{dev,test}.tsv         both sentences of each pair
  stsb/sts-{train,dev,test}.csv    both sentences of each pair
  sts-2012-2016/sts-2012-2016-all.tsv  both sentences of each pair

Sentences are split after . ! ? followed by a space and a capital letter, digit, quote or bracket; texts under
20 characters are dropped, inner whitespace is collapsed, exact repeats are kept once. The distinct texts
(about 109,000) are shuffled with a fixed seed and the first N written, so `head -n M` of the file is a random
sample too. No synthetic text is made.
"""
import argparse
import json
import os
import random
import re

SPLIT = re.compile(r'(?<=[.!?])\s+(?=[A-Z0-9"(])')


def sentences(text):
    for s in SPLIT.split(text):
        yield s


def tsv_columns(path, columns):
    with open(path, encoding='utf-8') as f:
        for line in f:
            cells = line.rstrip('\n').split('\t')
            for c in columns:
                if c < len(cells):
                    yield cells[c]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--data', default=os.path.join(here, '..', '..', '..', 'shared', 'data'))
    p.add_argument('--out', default='target/dedup/texts-100k.txt')
    p.add_argument('--count', type=int, default=100_000)
    p.add_argument('--seed', type=int, default=13)
    a = p.parse_args()
    d = a.data
    texts = []
    with open(os.path.join(d, 'scifact', 'corpus.jsonl'), encoding='utf-8') as f:
        for line in f:
            texts.extend(sentences(json.loads(line)['text']))
    for name in ('squad-v1.1-dev.jsonl', 'squad-v2.0-dev.jsonl'):
        seen_paragraphs = set()
        with open(os.path.join(d, 'squad-dev', name), encoding='utf-8') as f:
            for line in f:
                q = json.loads(line)
                texts.append(q['question'])
                if q['context'] not in seen_paragraphs:
                    seen_paragraphs.add(q['context'])
                    texts.extend(sentences(q['context']))
    for name in ('dev.tsv', 'test.tsv'):
        texts.extend(tsv_columns(os.path.join(d, 'paws-wiki', name), (1, 2)))
    for split in ('train', 'dev', 'test'):
        texts.extend(tsv_columns(os.path.join(d, 'stsb', 'sts-%s.csv' % split), (5, 6)))
    all_tsv = os.path.join(d, 'sts-2012-2016', 'sts-2012-2016-all.tsv')
    texts.extend(t for i, t in enumerate(tsv_columns(all_tsv, (4, 5))) if i >= 2)  # skip the header's two cells
    distinct = {}
    for t in texts:
        t = ' '.join(t.split())
        if len(t) >= 20:
            distinct.setdefault(t, None)
    pool = list(distinct)
    random.Random(a.seed).shuffle(pool)
    if len(pool) < a.count:
        raise SystemExit('only %d distinct texts, fewer than --count %d' % (len(pool), a.count))
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    os.makedirs(os.path.dirname(a.out) or '.', exist_ok=True)
    with open(a.out, 'w', encoding='utf-8') as f:
        for t in pool[:a.count]:
            f.write(t + '\n')
    print('%d distinct texts, wrote the first %d (seed %d) to %s' % (len(pool), a.count, a.seed, a.out))


if __name__ == '__main__':
    main()
