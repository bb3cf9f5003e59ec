"""Times DEAP's C hypervolume (deap.tools._hypervolume.hv, Fonseca et al.'s code) on a point
file ("n d" then n rows). Run with Debian's /usr/bin/python3 (python3-deap)."""
import sys
import time

from deap.tools._hypervolume import hv

path, reps, r = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
with open(path) as f:
    n, d = map(int, f.readline().split())
    pts = [list(map(float, f.readline().split())) for _ in range(n)]
ref = [r] * d
best = float('inf')
value = 0.0
for _ in range(reps):
    t0 = time.perf_counter()
    value = hv.hypervolume(pts, ref)
    best = min(best, time.perf_counter() - t0)
print(f'hv {path} {best:.9g} {value:.17g}')
