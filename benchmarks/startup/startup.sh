#!/usr/bin/env bash
# Start-up of the adjoint command, from start to result: the median of N runs (default 20) of
# `bin/adjoint grad` on a small expression, after one run that makes the class-data archive.
# Usage: benchmarks/startup/startup.sh [N]     (build first: ./mvnw -B -q package -DskipTests -pl cli -am)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-20}"
"$root/bin/adjoint" grad "x*y" --at x=1,y=2 >/dev/null
times=()
for _ in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$root/bin/adjoint" grad "x*y" --at x=1,y=2 >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 )); then median=${sorted[n / 2]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
echo "bin/adjoint grad, $runs runs: median ${median} ms, min ${sorted[0]} ms, max ${sorted[n - 1]} ms"
