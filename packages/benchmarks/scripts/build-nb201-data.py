#!/usr/bin/env python3
"""Builds packages/benchmarks/data/nb201/{nb201.bin,nb201.json} from the joined NAS-Bench-201 table.

Usage: python3 packages/benchmarks/scripts/build-nb201-data.py [path/to/nb201.csv] [out_dir]
Defaults: /work/shared/data/nb201/nb201.csv and packages/benchmarks/data/nb201 beside this script.

Standard library only. What it does:
  * reads the 15,625 rows and checks arch_str against op_indices on every row;
  * reorders the rows by the cell's base-5 code (edge 0->1 most significant, ops coded
    0=none 1=skip_connect 2=nor_conv_1x1 3=nor_conv_3x3 4=avg_pool_3x3), so a cell is found by
    computing its code, and keeps the official arch_index as a uint16 column;
  * writes each kept column as little-endian float32 one after another (uint16 arch_index last, keeping the float32
    columns 4-byte aligned)
    into nb201.bin (empty latency cells and missing third seeds become NaN);
  * writes nb201.json: row count, row order, each column's name, dtype, byte offset, source column,
    and the SHA-256 of nb201.bin.
Nothing is derived here beyond the reordering: objectives, the 12-epoch valtest mean and the
Pareto fronts are computed by the loader from these columns.
"""
import csv
import hashlib
import json
import math
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/nb201/nb201.csv'
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..', 'data', 'nb201')
OPS = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3']
EDGES = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]

# (stored name, source column, dtype); seeds are split into three columns.
INSTANCES = {
    'cifar10': dict(valid200='ep200_cifar10valid_valid_acc_mean', seeds='ep200_cifar10valid_valid_acc_seeds',
                    test200='ep200_cifar10valid_test_acc_mean', val12='ep12_cifar10_val', test12='ep12_cifar10_test',
                    time200='ep200_cifar10valid_train_time_s', params='params_mb_cifar10_analytic', flops='flops_m_cifar10_analytic'),
    'cifar100': dict(valid200='ep200_cifar100_valtest_acc_mean', seeds='ep200_cifar100_valtest_acc_seeds',
                     val12='ep12_cifar100_val', test12='ep12_cifar100_test',
                     time200='ep200_cifar100_train_time_s', params='params_mb_cifar100_analytic', flops='flops_m_cifar100_analytic'),
    'imagenet16': dict(valid200='ep200_imagenet16_valtest_acc_mean', seeds='ep200_imagenet16_valtest_acc_seeds',
                       val12='ep12_imagenet_val', test12='ep12_imagenet_test',
                       time200='ep200_imagenet16_train_time_s', params='params_mb_imagenet16_analytic', flops='flops_m_imagenet16_analytic'),
}
LATENCY = 'latency_s_desktop_cpu_i7_7820x_fp32_brpnas'


def arch_string(codes):
    names = [f'{OPS[c]}~{EDGES[k][0]}' for k, c in enumerate(codes)]
    return f'|{names[0]}|+|{names[1]}|{names[2]}|+|{names[3]}|{names[4]}|{names[5]}|'


def main():
    with open(SRC, newline='') as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 15625:
        sys.exit(f'expected 15625 rows, got {len(rows)}')
    by_code = [None] * 15625
    for i, row in enumerate(rows):
        if int(row['arch_index']) != i:
            sys.exit(f'row {i}: arch_index {row["arch_index"]}')
        codes = [int(c) for c in row['op_indices']]
        if arch_string(codes) != row['arch_str']:
            sys.exit(f'row {i}: op_indices {row["op_indices"]} do not match {row["arch_str"]}')
        code = 0
        for c in codes:
            code = code * 5 + c
        if by_code[code] is not None:
            sys.exit(f'row {i}: duplicate cell')
        by_code[code] = row

    def num(text):
        return math.nan if text == '' else float(text)

    columns = []
    for inst, src in INSTANCES.items():
        for key in ('valid200', 'test200', 'val12', 'test12', 'time200', 'params', 'flops'):
            if key in src:
                columns.append((f'{inst}.{key}', 'float32', src[key], [num(r[src[key]]) for r in by_code]))
        seeds = [r[src['seeds']].split(';') for r in by_code]
        for s in range(3):
            columns.append((f'{inst}.seed{s}', 'float32', f'{src["seeds"]}[{s}]', [num(v[s]) if s < len(v) else math.nan for v in seeds]))
    columns.append(('latency', 'float32', LATENCY, [num(r[LATENCY]) for r in by_code]))
    # Last, so that every float32 column starts at a multiple of 4 bytes.
    columns.append(('arch_index', 'uint16', 'arch_index', [int(r['arch_index']) for r in by_code]))

    blob = bytearray()
    meta = []
    for name, dtype, source, values in columns:
        fmt = '<%dH' % len(values) if dtype == 'uint16' else '<%df' % len(values)
        meta.append({'name': name, 'dtype': dtype, 'offset': len(blob), 'source': source})
        blob += struct.pack(fmt, *values)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'nb201.bin'), 'wb') as f:
        f.write(blob)
    header = {
        'format': 'jahskit-nb201-v1',
        'rows': 15625,
        'rowOrder': 'base-5 cell code, edge 0->1 most significant; op codes 0=none 1=skip_connect 2=nor_conv_1x1 3=nor_conv_3x3 4=avg_pool_3x3',
        'byteLength': len(blob),
        'sha256': hashlib.sha256(blob).hexdigest(),
        'source': 'nb201.csv (see PROVENANCE.md), built by packages/benchmarks/scripts/build-nb201-data.py',
        'columns': meta,
    }
    with open(os.path.join(OUT, 'nb201.json'), 'w') as f:
        json.dump(header, f, indent=1)
        f.write('\n')
    print(f'wrote {len(blob)} bytes, {len(columns)} columns, sha256 {header["sha256"]}')


if __name__ == '__main__':
    main()
