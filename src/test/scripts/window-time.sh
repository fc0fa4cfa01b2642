#!/usr/bin/env bash
# Seconds from process start to the DigitStudio window being mapped on screen, under Xvfb, N times (default 5), and the
# median. Usage: src/test/scripts/window-time.sh [N] [COMMAND...]  (default command: the README's, target/digitstudio)
set -euo pipefail
cd "$(dirname "$0")/../../.."
n="${1:-5}"; shift || true
cmd=("$@"); [ ${#cmd[@]} -gt 0 ] || cmd=(target/digitstudio)
command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || { echo "needs xvfb-run and xdotool" >&2; exit 2; }
# run the whole loop inside one virtual screen
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" "$n" "${cmd[@]}"; fi
times=()
for i in $(seq "$n"); do
  t0=$(date +%s.%N)
  "${cmd[@]}" >/dev/null 2>&1 & app=$!
  # poll every 50 ms: xdotool's own --sync retries only every half second, which rounded every time up to it
  until xdotool search --onlyvisible --name '^DigitStudio$' >/dev/null 2>&1; do
    sleep 0.05
    kill -0 "$app" 2>/dev/null || { echo "the app exited before showing its window" >&2; exit 1; }
    [ "$(echo "$(date +%s.%N) - $t0 > 60" | bc -l)" = 1 ] && { echo "no window after 60 s" >&2; kill "$app"; exit 1; }
  done
  t1=$(date +%s.%N)
  kill "$app"; wait "$app" 2>/dev/null || true
  t=$(echo "$t1 - $t0" | bc -l); times+=("$t"); printf 'run %d: %.2f s\n' "$i" "$t"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median: %.2f s\n", a[int((NR+1)/2)]}'
