#!/usr/bin/env bash
# The Train, Evaluate and Runs views in each theme (light, dark, high contrast) at 150 % UI scale in a 1280x800 window,
# with data in them: Train mid-run (the tutorial's MLP, two epochs done), Evaluate after evaluating the built-in model,
# Runs comparing two short runs of the tutorial made with the command line. Drives the real window under Xvfb through
# the test code's scripted window (io.digitstudio.ui.app.ScriptedApp), as screenshots.sh does.
# Usage: src/test/scripts/theme-screenshots.sh [OUT_DIR]   (default: target/theme-shots; files VIEW-THEME-150.png)
# Uses a scratch history and collection: your own runs and digits are never shown or touched.
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }
out=${1:-target/theme-shots}
mkdir -p "$out"
mvn -o -q package -DskipTests   # the jar, its lib/ and the test classes with the scripted window
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
export DIGITSTUDIO_RUNS="$home/runs" DIGITSTUDIO_MYDIGITS="$home/mydigits" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"

# two short runs of the tutorial, named, for the Runs view
for lr in 0.01 0.1; do
  target/digitstudio train --epochs 3 --lr "$lr" --train-size 10000 --out "$home/lr-$lr.npz" >/dev/null 2>&1
  id=$(target/digitstudio runs list | awk 'NR == 2 {print $1}')
  target/digitstudio runs name "$id" "lr $lr" >/dev/null
done

for theme in light dark high-contrast; do
  for view in train evaluate runs; do
    file="$out/$view-$theme-150.png"
    # settings of its own, as on a first launch: the app remembers its forms, so a shot would otherwise open with what
    # the shot before left
    config=$(mktemp -d "$home/config-$view-$theme.XXXX")
    # and a copy of the two runs of its own: each Train shot leaves a run behind, which the Runs shots after it would
    # show and compare instead of the two runs
    runs=$(mktemp -d "$home/runs-$view-$theme.XXXX"); cp -r "$home/runs/." "$runs"
    rm -f "$file"   # a shot that fails leaves no old picture behind to pass for a new one
    DIGITSTUDIO_RUNS="$runs" XDG_CONFIG_HOME="$config" xvfb-run -a -s "-screen 0 1280x900x24" \
      java -Xmx1g -Djava.util.prefs.userRoot="$config/prefs" \
      -cp "target/test-classes:target/classes:target/lib/*" \
      io.digitstudio.ui.app.ScriptedAppMain --screenshot "$file" --tab "$view" --theme "$theme" --scale 150 --size 1280x800 \
      2>"$home/$view-$theme.err" | grep -v '^settled' || true
    # the window's own words on what went wrong, when it made no picture
    [ -s "$file" ] || { echo "no screenshot for $view in $theme" >&2; tail -20 "$home/$view-$theme.err" >&2; exit 1; }
    command -v optipng >/dev/null && optipng -quiet -o2 "$file"
    echo "$file"
  done
done
