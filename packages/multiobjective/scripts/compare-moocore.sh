#!/usr/bin/env bash
# Compares jahskit's hypervolume, contributions and non-dominated sorting with moocore's C library
# on the same inputs, in one run, and prints ratio = jahskit time / moocore time (< 1 means jahskit
# is faster). moocore (LGPL-2.1) is built from ../shared/references/moocore-c into a temporary
# folder, for measurement only; nothing of it enters the repository. jahskit runs as npm users get
# it: the package is built first (`npm run build -w @jahskit/multiobjective`, some 5 s) and its
# dist/index.js timed. Not part of `npm test`.
#   packages/multiobjective/scripts/compare-moocore.sh [--quick] [--cpu] [--esbuild | --sources] [--alloc] [--filter <regex>] [--pin <cpu> | --pin none]
# (--esbuild times an esbuild bundle of the built package, as an app that bundles jahskit runs it;
# --sources the TypeScript sources through tsx, with no build)
# Both sides run pinned to one CPU (taskset; by default the last one this process may use): the
# driver is a child process, and left to the scheduler the two could run on different cores. On
# this project's 2-core VM one core ran the same code up to 1.8x slower than the other, for
# moocore and jahskit alike (likely a busy sibling thread on the host), which then moved every
# ratio by as much. --pin <cpu> picks the core, --pin none leaves placement to the scheduler.
# Environment: MOOCORE_DIR (default: <repo>/../shared/references/moocore-c), CC (default gcc).
set -euo pipefail
pin=auto
build_package=yes
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = --pin ]; then
    pin="${2:?--pin needs a CPU number or none}"
    shift 2
  else
    [ "$1" = --sources ] && build_package=no
    args+=("$1")
    shift
  fi
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
src="${MOOCORE_DIR:-$root/../shared/references/moocore-c}"
if [ ! -f "$src/hv.c" ]; then
  echo "moocore's C sources not found in $src (set MOOCORE_DIR)" >&2
  exit 1
fi
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cp -r "$src"/. "$build/"
cc="${CC:-gcc}"
# What moocore's own Makefile uses for a release build (DEBUG=0): -DNDEBUG -O3 -flto -march=native.
flags=(-DNDEBUG -O3 -flto -march=native -std=gnu11)
(
  cd "$build"
  for f in hv.c hv3dplus.c hv4d.c hvc3d.c hv_contrib.c pareto.c libutil.c; do
    "$cc" "${flags[@]}" -c "$f" -o "${f%.c}.o" &
  done
  wait
  "$cc" "${flags[@]}" -o compare-moocore "$here/compare-moocore.c" hv.o hv3dplus.o hv4d.o hvc3d.o hv_contrib.o pareto.o libutil.o -lm
)
commit="$(sed -n 's/.*commit \([0-9a-f]\{7,\}\).*/\1/p' "$src/../README.md" 2>/dev/null | head -1 || true)"
cd "$root"
# Built every time, so that the figures are those of the sources as they stand, never a stale dist.
[ "$build_package" = yes ] && npm run --silent build -w @jahskit/multiobjective > /dev/null
pinned=()
if [ "$pin" != none ]; then
  if ! command -v taskset > /dev/null; then
    echo "taskset not found (util-linux): pass --pin none to run unpinned" >&2
    exit 1
  fi
  # The last CPU of this process's affinity list ("0-1", "0,2-3" -> 1, 3).
  [ "$pin" = auto ] && pin="$(taskset -cp $$ | sed 's/.*: //; s/.*[,-]//')"
  pinned=(taskset -c "$pin")
fi
MOOCORE_COMMIT="$commit" MOOCORE_CFLAGS="${flags[*]}" MOOCORE_PIN="$pin" "${pinned[@]}" npx tsx --conditions=@jahskit/source "$here/compare-moocore.ts" "$build/compare-moocore" ${args[@]+"${args[@]}"}
