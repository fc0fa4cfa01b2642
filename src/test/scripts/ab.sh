#!/usr/bin/env bash
# Two commands alternated N times in one sitting (A, B, A, B, ...): each run's wall-clock seconds from process start to
# exit, the medians, and the median of the per-pair ratios B/A. On a noisy 2-core VM only such alternated ratios mean
# anything. Each command runs in its own process with its output discarded; a non-zero exit stops the script.
# Usage: src/test/scripts/ab.sh N 'COMMAND A' 'COMMAND B'
#   e.g. src/test/scripts/ab.sh 5 'java -jar /tmp/base/target/digitstudio.jar bench --epochs 1' 'java -jar target/digitstudio.jar bench --epochs 1'
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 N 'COMMAND A' 'COMMAND B'" >&2; exit 2; }
n=$1; a=$2; b=$3
out=$(mktemp); trap 'rm -f "$out"' EXIT
wall() {  # seconds of one run of the command
  local t0 t1
  t0=$(date +%s.%N)
  bash -c "$1" >/dev/null 2>&1 || { echo "failed: $1" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
for i in $(seq "$n"); do
  ta=$(wall "$a"); tb=$(wall "$b")
  printf 'pair %d: A %.3f s  B %.3f s  B/A %.3f\n' "$i" "$ta" "$tb" "$(echo "$tb / $ta" | bc -l)"
  echo "$ta $tb" >> "$out"
done
median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f", (a[int((NR+1)/2)] + a[int(NR/2)+1]) / 2}'; }
printf 'median: A %s s  B %s s  B/A %s (load average now %s)\n' "$(awk '{print $1}' "$out" | median)" "$(awk '{print $2}' "$out" | median)" \
  "$(awk '{print $2 / $1}' "$out" | median)" "$(cut -d' ' -f1-3 /proc/loadavg)"
