#!/usr/bin/env bash
# Benchmarks: throughput and peak memory, printed with the corpus each ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in bench/bench_*.py; do
  echo "== $b"
  .venv/bin/python "$b" "$@"
done
