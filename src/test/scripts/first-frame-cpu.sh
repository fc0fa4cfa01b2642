#!/usr/bin/env bash
# CPU time and counts at the window's first frame, which a loaded machine changes far less than the wall clock: starts
# each build folder's jar with its own class-data archive (a target/ folder, or a copy of one whose archive was made
# again where it lies) N times, alternated, under one Xvfb, with fresh XDG folders, and prints a line per start: the
# JavaFX thread's, the process's and the compilers' CPU milliseconds, the classes loaded, the nodes and hidden nodes.
# Usage: src/test/scripts/first-frame-cpu.sh N DIR [DIR...] [-- JVM_OPTION...]
#   e.g. src/test/scripts/first-frame-cpu.sh 10 /tmp/main-target target
set -euo pipefail
cd "$(dirname "$0")/../../.."
n="$1"; shift
dirs=(); while [ $# -gt 0 ] && [ "$1" != "--" ]; do dirs+=("$(realpath "$1")"); shift; done
[ "${1:-}" = "--" ] && shift
command -v xvfb-run >/dev/null || { echo "needs xvfb-run" >&2; exit 2; }
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" "$n" "${dirs[@]}" -- "$@"; fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
lib="${dirs[0]}/lib"
cp=$(ls "$lib"/javafx-base-*-linux.jar "$lib"/javafx-graphics-*-linux.jar "$lib"/javafx-controls-*-linux.jar | paste -sd:)
javac -d "$work/classes" -cp "$cp" src/test/scripts/first-frame-probe/Probe.java
printf 'Premain-Class: probe.Probe\n' > "$work/manifest"
jar cfm "$work/probe.jar" "$work/manifest" -C "$work/classes" .
for i in $(seq "$n"); do
  for d in "${dirs[@]}"; do
    x="$work/xdg"; rm -rf "$x"; mkdir -p "$x"
    XDG_CONFIG_HOME=$x/config XDG_DATA_HOME=$x/data XDG_CACHE_HOME=$x/cache GSETTINGS_BACKEND=memory \
      timeout 180 java -javaagent:"$work/probe.jar=$work/out" -Xmx512m -XX:CICompilerCount=3 -Dprism.order=sw \
      -XX:SharedArchiveFile="$d/digitstudio.jsa" -Xlog:cds=off,cds+dynamic=off "$@" -jar "$d/digitstudio.jar" >/dev/null 2>&1 || true
    printf '%s\t%s\t%s\n' "$i" "$d" "$(head -1 "$work/out" 2>/dev/null || echo 'no first frame')"
    rm -f "$work/out"
  done
done
