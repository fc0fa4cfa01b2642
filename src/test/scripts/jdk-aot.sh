#!/usr/bin/env bash
# The tutorial run (`train --epochs 10`) of this build's jar on three runtimes, alternated ROUNDS times (default 3) in one
# sitting: Java 17 with the build's class-data archive (as the launcher starts it), Java 25, and Java 25 with an AOT cache
# (JEP 483's classes loaded and linked ahead, JEP 515's method profiles) made from a two-epoch training run. Prints each
# run's wall seconds from process start to exit, the sum of its printed epoch times, epoch 10's accuracy and every
# epoch's time: what part of the epochs' sum is the JIT's warm-up, and what a newer runtime's cache does to it.
# Needs a Java 25 (JAVA25, default Temurin's under /usr/lib/jvm). Run it on a quiet machine.
# Usage: [JAVA25=/path/to/java] src/test/scripts/jdk-aot.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
j17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
j25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[ -x "$j25" ] || { echo "needs a Java 25: set JAVA25" >&2; exit 2; }
[ -f target/digitstudio.jar ] && [ -f target/digitstudio.jsa ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# the cache is made by a training run of the same jar: the classes it loads and the profiles of its hot methods
"$j25" -Xmx512m -XX:CICompilerCount=3 -XX:AOTCacheOutput="$work/app.aot" -jar target/digitstudio.jar train --epochs 2 \
  --no-record --force --out "$work/warm.npz" >/dev/null 2>&1
run() { # NAME JAVA OPTION...
  local name=$1; shift
  local t0 t1 out
  t0=$(date +%s.%N)
  out=$("$@" -jar target/digitstudio.jar train --epochs 10 --no-record --force --out "$work/$name.npz" 2>/dev/null)
  t1=$(date +%s.%N)
  local epochs sum acc
  epochs=$(echo "$out" | sed -n 's/^epoch.*time:\([0-9.]*\)s$/\1/p' | tr '\n' ' ')
  sum=$(echo "$epochs" | tr ' ' '\n' | awk '{s += $1} END {printf "%.2f", s}')
  acc=$(echo "$out" | sed -n 's/^epoch:10 .*val_accuracy:\([0-9.]*\).*/\1/p')
  printf '%-10s whole %.2f s  epochs summed %s s  accuracy %s  epochs %s\n' "$name" "$(echo "$t1 - $t0" | bc -l)" "$sum" "$acc" "$epochs"
}
j17opts=(-Xmx512m -XX:CICompilerCount=3 -XX:SharedArchiveFile=target/digitstudio.jsa -Xlog:cds=off,cds+dynamic=off)
j25opts=(-Xmx512m -XX:CICompilerCount=3)
for i in $(seq "${1:-3}"); do
  if [ $((i % 2)) = 1 ]; then
    run java17 "$j17" "${j17opts[@]}"; run java25 "$j25" "${j25opts[@]}"; run java25+aot "$j25" "${j25opts[@]}" -XX:AOTCache="$work/app.aot"
  else
    run java25+aot "$j25" "${j25opts[@]}" -XX:AOTCache="$work/app.aot"; run java25 "$j25" "${j25opts[@]}"; run java17 "$j17" "${j17opts[@]}"
  fi
done
echo "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
