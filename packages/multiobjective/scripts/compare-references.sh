#!/usr/bin/env bash
# Compares jahskit's multi-objective kernels with DEAP's C hypervolume and pagmo 2 on the same
# inputs, in one run, and prints time ratios (reference time / jahskit time; > 1 means jahskit
# is faster). Needs Debian's python3-deap and libpagmo-dev:
#   apt-get update && apt-get install -y python3-deap libpagmo-dev g++
# Not part of `npm test`. Run from anywhere: packages/multiobjective/scripts/compare-references.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
build="$(mktemp -d)"
pagmo_bin=""
if [ -f /usr/include/pagmo/utils/hypervolume.hpp ]; then
  g++ -O3 -march=native -std=c++17 -o "$build/compare-pagmo" "$here/compare-pagmo.cpp" -lpagmo -lboost_serialization -ltbb -pthread
  pagmo_bin="$build/compare-pagmo"
else
  echo "pagmo headers not found (apt-get install -y libpagmo-dev): skipping pagmo" >&2
fi
if ! /usr/bin/python3 -c 'from deap.tools._hypervolume import hv' 2>/dev/null; then
  echo "DEAP's C hypervolume not importable by /usr/bin/python3 (apt-get install -y python3-deap)" >&2
fi
cd "$root"
npx tsx --conditions=@jahskit/source "$here/compare-references.ts" $pagmo_bin
