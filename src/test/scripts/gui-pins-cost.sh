#!/usr/bin/env bash
# What eight pinned digits cost a run in the window (issue 36): alternated ROUNDS times (default 5) in one sitting, a
# settled window trains the tutorial's configuration EPOCHS epochs (default 12) with no pins, then one with the first 8
# test images pinned (classified every TrainingFeed.PINS_EVERY iterations, shown in the Train view), and prints each
# pair's seconds per epoch (medians of epochs 2 and on) and their ratio, then the median ratio. Run it on a quiet machine.
# Usage: [EPOCHS=12] src/test/scripts/gui-pins-cost.sh [ROUNDS] [THREADS] [-- JVM_OPTION...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds="${1:-5}"; threads="${2:-2}"; epochs="${EPOCHS:-12}"
shift $(( $# < 2 ? $# : 2 )) || true
[ "${1:-}" = "--" ] && shift
jvm=(-Xmx512m "$@")
command -v xvfb-run >/dev/null || { echo "needs xvfb-run" >&2; exit 2; }
[ -d target/classes ] && [ -d target/test-classes ] && [ -d target/lib ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
window=(-cp "target/test-classes:target/classes:target/lib/*" io.digitstudio.ui.app.ScriptedAppMain --gui-bench "$epochs" --threads "$threads" --settle)
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT # a window of its own, not the user's remembered tab, runs and pins
export DIGITSTUDIO_RUNS="$home/runs" DIGITSTUDIO_MYDIGITS="$home/mydigits" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
seconds() { timeout 600 xvfb-run -a java "${jvm[@]}" "${window[@]}" "$@" 2>/dev/null | sed -n 's/^gui_train_seconds_per_epoch:\([0-9.]*\).*/\1/p'; }
out=$(mktemp); trap 'rm -rf "$out" "$home"' EXIT
for r in $(seq "$rounds"); do
  none=$(seconds)
  eight=$(seconds --pins 8)
  ratio=$(echo "$eight / $none" | bc -l)
  printf 'round %d: no pins %s s, 8 pins %s s per epoch (%.3fx)\n' "$r" "$none" "$eight" "$ratio"
  echo "$ratio" >> "$out"
done
sort -n "$out" | awk '{a[NR]=$1} END {if (NR) printf "8 pins against none: median %.3fx of %d rounds\n", (a[int((NR+1)/2)] + a[int(NR/2)+1]) / 2, NR}'
