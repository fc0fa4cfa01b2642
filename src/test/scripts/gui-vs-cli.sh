#!/usr/bin/env bash
# The desktop app's training against the command line's, alternated ROUNDS times (default 5) in one sitting: each round
# runs `bench --epochs EPOCHS`, then a settled window that trains the same EPOCHS epochs RUNS times (default 2), and prints
# every window run's seconds per epoch over the command line's (medians of epochs 2 and on for both), then the median ratio
# of each run. On a noisy VM only such alternated ratios mean anything. Both sides start with the installed launcher's JVM
# options (installer/jvm-options), as the installed app does, then the JVM_OPTIONs given; LAUNCHER_OPTIONS=none leaves
# the launcher's out (to measure what they do, alternate runs with and without it).
# Usage: [EPOCHS=12] [LAUNCHER_OPTIONS=none] src/test/scripts/gui-vs-cli.sh [ROUNDS] [THREADS] [RUNS] [-- JVM_OPTION...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds="${1:-5}"; threads="${2:-2}"; runs="${3:-2}"; epochs="${EPOCHS:-12}"
shift $(( $# < 3 ? $# : 3 )) || true
[ "${1:-}" = "--" ] && shift
launcher=()
[ "${LAUNCHER_OPTIONS:-}" = none ] || mapfile -t launcher < <(grep -Ev '^[[:space:]]*(#|$)' installer/jvm-options)
jvm=(-Xmx512m "${launcher[@]}" "$@")
command -v xvfb-run >/dev/null || { echo "needs xvfb-run" >&2; exit 2; }
[ -f target/digitstudio.jar ] && [ -d target/test-classes ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
# the window with the GUI bench scripted in it: test code, not part of the shipped app
window=(-cp "target/test-classes:target/classes:target/lib/*" io.digitstudio.ui.app.ScriptedAppMain)
out=$(mktemp); home=$(mktemp -d); trap 'rm -rf "$out" "$home"' EXIT
# a window of its own: the user's remembered tab, runs and digits would change what the run costs (an Evaluate tab left
# open redraws its matrix every epoch) and the runs would land in the user's history
export DIGITSTUDIO_RUNS="$home/runs" DIGITSTUDIO_MYDIGITS="$home/mydigits" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
for r in $(seq "$rounds"); do
  cli=$(java "${jvm[@]}" -jar target/digitstudio.jar bench --epochs "$epochs" --threads "$threads" | sed -n 's/^train_seconds_per_epoch:\([0-9.]*\).*/\1/p')
  gui=$(timeout 600 xvfb-run -a java "${jvm[@]}" "${window[@]}" --gui-bench "$epochs" --threads "$threads" --settle --runs "$runs" 2>/dev/null \
        | sed -n 's/^gui_train_seconds_per_epoch:\([0-9.]*\).*/\1/p' | tr '\n' ' ')
  line="round $r: command line $cli s, window"
  k=1
  for g in $gui; do
    ratio=$(echo "$g / $cli" | bc -l); line+=$(printf ' run %d %s s (%.2fx)' "$k" "$g" "$ratio"); echo "$k $ratio" >> "$out"; k=$((k + 1))
  done
  echo "$line"
done
echo "JVM options: ${jvm[*]}"
for k in $(seq "$runs"); do
  awk -v k="$k" '$1 == k {print $2}' "$out" | sort -n | awk -v k="$k" '{a[NR]=$1} END {if (NR) printf "run %d: median %.2fx of %d\n", k, (a[int((NR+1)/2)] + a[int(NR/2)+1]) / 2, NR}'
done
