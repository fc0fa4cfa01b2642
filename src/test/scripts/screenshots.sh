#!/usr/bin/env bash
# Regenerates every screenshot in assets/screenshots from the real window under Xvfb, driven as a user would by the
# test code's scripted window (io.digitstudio.ui.app.ScriptedApp): the seven views, Draw reading a written number,
# My digits holding two drawings of each digit (drawn and labelled through Draw), Inside for the MLP and for LeNet,
# Runs comparing three runs of the tutorial, and the learning rate changed during a run.
# Usage: src/test/scripts/screenshots.sh [NAME...]   (default: all; NAME as in the list below, e.g. draw mydigits)
# Uses a scratch history and collection: your own runs and digits are never shown or touched.
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }
mvn -o -q package -DskipTests   # the jar, its lib/ and the test classes with the scripted window
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
export DIGITSTUDIO_RUNS="$home/runs" DIGITSTUDIO_MYDIGITS="$home/mydigits" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
out=assets/screenshots
want=("$@"); [ ${#want[@]} -gt 0 ] || want=(train train-form lr-change samples evaluate draw mydigits inside inside-lenet runs)

shot() { # NAME OPTIONS...: the window as NAME.png
  local name=$1; shift
  # settings of its own, as on a first launch: the app remembers its forms, so a shot would otherwise open with the
  # form the shot before left (LeNet for lr-change, after train's run)
  local config; config=$(mktemp -d "$home/config-$name.XXXX")
  rm -f "$out/$name.png"   # a shot that fails leaves no old picture behind to pass for a new one
  XDG_CONFIG_HOME="$config" xvfb-run -a -s "-screen 0 1280x900x24" java -Xmx512m -Djava.util.prefs.userRoot="$config/prefs" \
    -cp "target/test-classes:target/classes:target/lib/*" \
    io.digitstudio.ui.app.ScriptedAppMain --screenshot "$out/$name.png" "$@" 2>"$home/$name.err" | grep -v '^settled' || true
  # the window's own words on what went wrong, when it made no picture
  [ -s "$out/$name.png" ] || { echo "no screenshot for $name" >&2; tail -20 "$home/$name.err" >&2; exit 1; }
}

for name in "${want[@]}"; do
  case $name in
    train) shot train --network lenet ;;                          # LeNet mid-run: live curves, epoch table
    train-form) shot train-form --tab train-form ;;                # "abc" typed as the batch size: the field says why
    lr-change) shot lr-change --lr-at 3:0.002 ;;                  # 0.002 typed into the form after epoch 3
    samples) shot samples --tab samples ;;
    evaluate) shot evaluate --tab evaluate ;;
    draw) shot draw --tab draw --number 4096 ;;                   # a number written digit by digit
    mydigits) shot mydigits --tab mydigits ;;                     # two drawings of each digit, kept with their labels
    inside) shot inside --tab inside ;;                           # the built-in MLP and a drawn 7
    inside-lenet) shot inside-lenet --tab inside --cnn ;;         # the built-in CNN and a drawn 7
    runs)                                                         # three runs of the tutorial, named, overlaid
      export DIGITSTUDIO_RUNS="$home/runs-compared"                # only these three, not the shots' own runs
      for lr in 0.001 0.01 0.1; do
        target/digitstudio train --epochs 4 --lr "$lr" --out "$home/lr-$lr.npz" >/dev/null 2>&1
        id=$(target/digitstudio runs list | awk 'NR == 2 {print $1}')
        target/digitstudio runs name "$id" "lr $lr" >/dev/null
      done
      shot runs --tab runs ;;
    *) echo "unknown screenshot: $name" >&2; exit 2 ;;
  esac
  # smaller files: the PNG's own compression at its best, when optipng is there
  command -v optipng >/dev/null && optipng -quiet -o2 "$out/$name.png"
  echo "$out/$name.png"
done
