#!/usr/bin/env bash
# Two commands alternated N times in one sitting (A, B, B, A, A, B, ...): each run's wall-clock seconds from process start
# to exit and its CPU seconds (user + system, all threads), then the medians and the medians of the per-pair ratios B/A.
# On a noisy 2-core VM only such alternated ratios mean anything; on a machine other processes load, CPU seconds hold
# better than wall-clock ones (but miss what overlapping work saves). Output of the commands is discarded; a non-zero
# exit stops the script.
# Usage: src/test/scripts/ab.sh N 'COMMAND A' 'COMMAND B'
#   e.g. src/test/scripts/ab.sh 5 'java -jar ../base/target/digitstudio.jar train --epochs 1 --no-record --force --out /tmp/a.npz' \
#                                 'java -jar target/digitstudio.jar train --epochs 1 --no-record --force --out /tmp/b.npz'
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 N 'COMMAND A' 'COMMAND B'" >&2; exit 2; }
n=$1; a=$2; b=$3
out=$(mktemp); tf=$(mktemp); trap 'rm -f "$out" "$tf"' EXIT
run() {  # "wall cpu" seconds of one run of the command
  /usr/bin/time -o "$tf" -f '%e %U %S' bash -c "$1" >/dev/null 2>&1 || { echo "failed: $1" >&2; exit 1; }
  awk '{printf "%s %.2f", $1, $2 + $3}' "$tf"
}
for i in $(seq "$n"); do
  if [ $((i % 2)) = 1 ]; then ra=$(run "$a"); rb=$(run "$b"); else rb=$(run "$b"); ra=$(run "$a"); fi
  read -r wa ca <<< "$ra"; read -r wb cb <<< "$rb"
  printf 'pair %d: A %.2f s (cpu %.2f)  B %.2f s (cpu %.2f)  B/A wall %.3f cpu %.3f\n' "$i" "$wa" "$ca" "$wb" "$cb" \
    "$(echo "$wb / $wa" | bc -l)" "$(echo "$cb / $ca" | bc -l)"
  echo "$wa $wb $ca $cb" >> "$out"
done
median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f", (a[int((NR+1)/2)] + a[int(NR/2)+1]) / 2}'; }
printf 'median: A %s s (cpu %s)  B %s s (cpu %s)  B/A wall %s cpu %s  (load average now %s)\n' \
  "$(awk '{print $1}' "$out" | median)" "$(awk '{print $3}' "$out" | median)" "$(awk '{print $2}' "$out" | median)" \
  "$(awk '{print $4}' "$out" | median)" "$(awk '{print $2 / $1}' "$out" | median)" "$(awk '{print $4 / $3}' "$out" | median)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
