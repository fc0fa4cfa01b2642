#!/usr/bin/env bash
# Runs the packaged launcher headless: its version, and one epoch of training on a small subset. Fails loudly if the
# package is broken (missing module, missing native library, wrong main class).
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=${1:-target/dist/DigitStudio/bin/DigitStudio}
"$launcher" --version
# the native libraries were unpacked at build time: a launch finds them and unpacks nothing
natives="$(dirname "$launcher")/../lib/app/native"
[ -d "$natives" ] && [ -n "$(find "$natives" -name 'libnd4jcpu.so' -print -quit)" ] || { echo "installer check: no unpacked native libraries in $natives" >&2; exit 1; }
before=$(find "$natives" -type f -printf '%T@ %s %p\n' | sort | md5sum)
out=$("$launcher" train --epochs 1 --train-size 2000 --test-size 500 --no-record --out "$(mktemp -d)/check.npz")
echo "$out"
echo "$out" | grep -Eq '^epoch:01 train_loss:[0-9.]+ val_loss:[0-9.]+ val_accuracy:0\.[0-9]{4}' || { echo "installer check: unexpected train output" >&2; exit 1; }
"$launcher" predict --top 1 assets/icons/digitstudio-256.png >/dev/null
[ "$(find "$natives" -type f -printf '%T@ %s %p\n' | sort | md5sum)" = "$before" ] || { echo "installer check: a launch unpacked native libraries again" >&2; exit 1; }
# class-data sharing: the launcher maps the runtime's base archive and the app's, which holds the window's classes too
app="$(dirname "$launcher")/../lib/app"
[ -f "$app/digitstudio.jsa" ] || { echo "installer check: no class-data sharing archive in $app" >&2; exit 1; }
HOME=$(mktemp -d) _JAVA_OPTIONS=-Xshare:on "$launcher" --version >/dev/null 2>&1 || { echo "installer check: the launcher cannot map its class-data sharing archives" >&2; exit 1; }
shared=$(_JAVA_OPTIONS=-XX:+PrintSharedArchiveAndExit "$launcher" --version 2>&1 || true)
for c in io.digitstudio.Main javafx.scene.control.TabPane io.digitstudio.ui.app.MainView org.nd4j.linalg.factory.Nd4j; do
  grep -q ": $c app_loader\$" <<<"$shared" || { echo "installer check: $c is not in the class-data sharing archive" >&2; exit 1; }
done
# a missing or foreign archive slows a start down but never stops it, and says nothing on the terminal
mv "$app/digitstudio.jsa" "$app/digitstudio.jsa.away"
quiet=$("$launcher" --version 2>&1) || { mv "$app/digitstudio.jsa.away" "$app/digitstudio.jsa"; echo "installer check: no launch without the archive" >&2; exit 1; }
mv "$app/digitstudio.jsa.away" "$app/digitstudio.jsa"
grep -qi 'shared archive\|cds' <<<"$quiet" && { echo "installer check: a launch without its archive speaks of it: $quiet" >&2; exit 1; }
if [ -f target/digitstudio.jsa ]; then  # the jar's archive: made for another class path and another base archive
  foreign=$(_JAVA_OPTIONS="-XX:SharedArchiveFile=$app/../runtime/lib/server/classes.jsa:$PWD/target/digitstudio.jsa" "$launcher" --version 2>&1) \
    || { echo "installer check: no launch with a foreign archive: $foreign" >&2; exit 1; }
  [ "$(grep -v '^Picked up _JAVA_OPTIONS' <<<"$foreign")" = "$quiet" ] || { echo "installer check: a launch with a foreign archive speaks of it: $foreign" >&2; exit 1; }
fi
# the launcher starts the JVM with installer/jvm-options (decision 0008): two C2 compiler threads even on two cores
flags=$(_JAVA_OPTIONS=-XX:+PrintFlagsFinal "$launcher" --version 2>/dev/null)
while read -r option; do  # read trims the blanks around it
  case "$option" in
    ''|'#'*) ;;
    -XX:[A-Za-z]*=*) name=${option#-XX:}; value=${name#*=}; name=${name%%=*}
      grep -Eq "^ *[a-z0-9_]+ +$name += $value " <<<"$flags" || { echo "installer check: the launcher's JVM does not have $option" >&2; exit 1; } ;;
    *) grep -qF -- "$option" "$app/DigitStudio.cfg" || { echo "installer check: the launcher's options lack $option" >&2; exit 1; } ;;
  esac
done < installer/jvm-options
# the runtime carries only what the app needs: no diagnostics modules (benchmarks and JIT tools are test code)
release="$(dirname "$launcher")/../lib/runtime/release"
for m in jdk.management jdk.jfr; do
  if grep -q "^MODULES=.*\b$m\b" "$release"; then echo "installer check: the runtime carries $m, which the app does not use" >&2; exit 1; fi
done
# the start script beside the launcher starts it with the same arguments, and without a session bus gives GSettings its
# memory back-end (no dconf-WARNING from a file chooser), a value the user set left alone
script="$(dirname "$launcher")/digitstudio"
[ -x "$script" ] || { echo "installer check: no start script $script" >&2; exit 1; }
[ "$("$script" --version)" = "$("$launcher" --version)" ] || { echo "installer check: the start script does not start the launcher" >&2; exit 1; }
out=$(mktemp -d)
env -u DBUS_SESSION_BUS_ADDRESS -u GSETTINGS_BACKEND XDG_RUNTIME_DIR="$out" \
  "$script" train --epochs 1 --train-size 128 --test-size 128 --no-record --out "$out/model.npz" >/dev/null & pid=$!
# the same process goes env -> sh -> the launcher: its environment is read once it is the launcher
while kill -0 "$pid" 2>/dev/null && [ "$(basename "$(readlink "/proc/$pid/exe" 2>/dev/null)")" != DigitStudio ]; do :; done
environ=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null || true)
backend=$(sed -n 's/^GSETTINGS_BACKEND=//p' <<<"$environ")
# and says that it set it, so that the app asks the desktop's real settings for its dark preference (DesktopTheme)
set_by=$(sed -n 's/^DIGITSTUDIO_LAUNCHER_SET=//p' <<<"$environ")
wait "$pid" || { echo "installer check: the start script's run failed" >&2; exit 1; }
[ "$backend" = memory ] || { echo "installer check: without a session bus the launcher got GSETTINGS_BACKEND='$backend'" >&2; exit 1; }
[ "$set_by" = GSETTINGS_BACKEND ] || { echo "installer check: the start script set GSETTINGS_BACKEND but DIGITSTUDIO_LAUNCHER_SET='$set_by'" >&2; exit 1; }
echo "installer check: ok"
