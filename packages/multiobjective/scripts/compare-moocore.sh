#!/usr/bin/env bash
# Compares jahskit's hypervolume, contributions and non-dominated sorting with moocore's C library
# on the same inputs, in one run, and prints ratio = jahskit time / moocore time (< 1 means jahskit
# is faster). moocore (LGPL-2.1) is built from ../shared/references/moocore-c into a temporary
# folder, for measurement only; nothing of it enters the repository. jahskit runs from its
# TypeScript sources through tsx (no build). Not part of `npm test`.
#   packages/multiobjective/scripts/compare-moocore.sh [--quick] [--cpu] [--dist | --esbuild] [--filter <regex>]
# (--dist times the built package, dist/index.js: run `npm run build -w @jahskit/multiobjective` first;
# --esbuild times an esbuild bundle of it, as an app that bundles jahskit runs it)
# Environment: MOOCORE_DIR (default: <repo>/../shared/references/moocore-c), CC (default gcc).
set -euo pipefail
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
MOOCORE_COMMIT="$commit" MOOCORE_CFLAGS="${flags[*]}" npx tsx --conditions=@jahskit/source "$here/compare-moocore.ts" "$build/compare-moocore" "$@"
