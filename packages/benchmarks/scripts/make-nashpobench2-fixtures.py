#!/usr/bin/env python3
"""Writes small NAS-HPO-Bench-II fixture pickles in exactly the official shapes.

Usage: python3 packages/benchmarks/scripts/make-nashpobench2-fixtures.py [out_dir]
Default out_dir: packages/benchmarks/src/nashpobench2/fixtures beside this script.
Standard library only (`pickle`, protocol 4 as `pickle.dump` writes by default); deterministic.

Shapes (see docs/benchmarks/nashpobench2.md and the upstream api.py):
  cellinfo.pkl   {'hash': {cellcode: hashv}} for all 4096 cellcodes "A|BC|DEF" (digits 0..3)
  bench12.pkl    {column: {(hashv, lr, batch_size, seed): value}}  (pandas DataFrame.to_dict())
  avgaccs200.pkl {'avg_acc': {(hashv, lr, batch_size): value}}

Unlike the real data (about 1,000 isomorphism classes), the fixture's hash is deliberately coarse so
that a few rows cover every cellcode: class "a" (first digit even) and class "b" (first digit odd)
have all 48 (lr, batch size) pairs x 3 seeds; class "z" (edges into the output node all Zero, 64
cellcodes) has no results, as a cell that was never trained. Accuracies follow a saturating curve
per epoch; epoch times are ~N(20, 1) s (train) and ~N(2, 0.1) s (valid, test); the totals add 1.5 s
of overhead to the sum of the epoch times, so a reader that sums epochs instead of using the totals
at epoch 12 is caught.
"""
import hashlib
import itertools
import math
import os
import pickle
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'src', 'nashpobench2', 'fixtures')
LRS = [0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4]
BATCH_SIZES = [16, 32, 64, 128, 256, 512]
SEEDS = [222, 555, 888]
MODES = ['train', 'valid', 'test']


HASHES = {label: hashlib.md5(label.encode()).hexdigest() for label in 'abz'}


def hashv(label):
    # One string object per class, so pickle's memo stores each once (the file stays small).
    return HASHES[label]


def cls(code):
    digits = code.replace('|', '')
    if digits[3:] == '333':
        return 'z'
    return 'a' if int(digits[0]) % 2 == 0 else 'b'


def main():
    rng = random.Random(20211117)
    cellcodes = [f'{a}|{b}{c}|{d}{e}{f}' for a, b, c, d, e, f in itertools.product('0123', repeat=6)]
    cellinfo = {'hash': {code: hashv(cls(code)) for code in cellcodes}}

    columns = {name: {} for name in ['lr', 'batch_size', 'seed']}
    for mode in MODES:
        for i in range(12):
            columns[f'{mode}_acc_{i}'] = {}
    for mode in MODES:
        for i in range(12):
            columns[f'{mode}_time_{i}'] = {}
    for name in ['total_train_time', 'total_trainval_time', 'total_test_time', 'train_loss_0']:
        columns[name] = {}
    avg = {}
    for label, level in (('a', 80.0), ('b', 60.0)):
        h = hashv(label)
        for lr_i, lr in enumerate(LRS):
            for bs_i, bs in enumerate(BATCH_SIZES):
                final = level + 8 * math.sin(lr_i + 1) - bs_i
                avg[(h, lr, bs)] = final + 10 + rng.gauss(0, 0.5)
                for seed in SEEDS:
                    key = (h, lr, bs, seed)
                    columns['lr'][key] = lr
                    columns['batch_size'][key] = bs
                    columns['seed'][key] = seed
                    offset = rng.gauss(0, 1)
                    for i in range(12):
                        base = 10 + (final - 10) * (1 - math.exp(-(i + 1) / 4)) + offset
                        columns[f'train_acc_{i}'][key] = round(base + 5 + rng.gauss(0, 0.3), 2)
                        columns[f'valid_acc_{i}'][key] = round(base + rng.gauss(0, 0.3), 2)
                        columns[f'test_acc_{i}'][key] = round(base - 0.5 + rng.gauss(0, 0.3), 2)
                    times = {mode: [max(0.1, rng.gauss(20 if mode == 'train' else 2, 1 if mode == 'train' else 0.1)) for _ in range(12)] for mode in MODES}
                    for mode in MODES:
                        for i in range(12):
                            columns[f'{mode}_time_{i}'][key] = times[mode][i]
                    columns['total_train_time'][key] = sum(times['train']) + 1.5
                    columns['total_trainval_time'][key] = sum(times['train']) + sum(times['valid']) + 1.5
                    columns['total_test_time'][key] = sum(times['test']) + 1.5
                    columns['train_loss_0'][key] = rng.uniform(1, 2)
    os.makedirs(OUT, exist_ok=True)
    for name, obj in (('cellinfo.pkl', cellinfo), ('bench12.pkl', columns), ('avgaccs200.pkl', {'avg_acc': avg})):
        with open(os.path.join(OUT, name), 'wb') as f:
            pickle.dump(obj, f, protocol=4)
        print(name, os.path.getsize(os.path.join(OUT, name)), 'bytes')


if __name__ == '__main__':
    main()
