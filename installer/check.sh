#!/usr/bin/env bash
# Runs the packaged launcher headless: its version, and one epoch of training on a small subset. Fails loudly if the
# package is broken (missing module, missing native library, wrong main class).
#   installer/check.sh [LAUNCHER]     the app-image's launcher (target/dist/DigitStudio/bin/DigitStudio by default)
#   installer/check.sh --deb [DEB]    installs the .deb (target/dist/digitstudio_*.deb), checks the installed launcher as
#                                     above, then what the package adds for a new user, then removes it again (as root)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --deb ]; then
  deb=${2:-$(ls target/dist/digitstudio_*.deb 2>/dev/null | head -1)}
  [ -f "$deb" ] || { echo "installer check: no .deb (installer/build.sh --deb makes one)" >&2; exit 1; }
  [ "$(id -u)" = 0 ] || { echo "installer check: --deb installs and removes the package, which needs root" >&2; exit 1; }
  # the check removes the package at the end: it never does that to one it did not install
  if dpkg-query -W -f='${Status}' digitstudio 2>/dev/null | grep -q 'ok installed'; then
    echo "installer check: digitstudio is already installed; remove it first (apt-get remove digitstudio)" >&2; exit 1
  fi
  # lintian (when there, a few minutes) finds no tag but those installer/lintian-accepted keeps, each with its reason
  if command -v lintian >/dev/null; then
    tags=$(lintian --suppress-tags-from-file installer/lintian-accepted "$deb" 2>&1 | grep -E '^[EW]: ' || true)
    [ -z "$tags" ] || { echo "installer check: lintian on $(basename "$deb"):" >&2; echo "$tags" >&2; exit 1; }
    echo "installer check: lintian finds only the tags installer/lintian-accepted keeps"
  fi
  start=$(date +%s)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$(realpath "$deb")" >/dev/null
  echo "installer check: installed $(basename "$deb") ($(du -h "$deb" | cut -f1)) in $(( $(date +%s) - start )) s," \
    "$(dpkg-query -W -f='${Installed-Size}' digitstudio) KiB installed"
  user=digitstudio-check-$$
  cleanup() {
    userdel -r "$user" >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -q digitstudio >/dev/null 2>&1 || true
  }
  trap cleanup EXIT
  "$0" /opt/digitstudio/bin/DigitStudio
  # the menu entry starts the installed launcher and shows the installed icon
  entry=/usr/share/applications/digitstudio-DigitStudio.desktop
  [ -f "$entry" ] || { echo "installer check: no menu entry $entry" >&2; exit 1; }
  for key in Exec Icon; do
    file=$(sed -n "s/^$key=//p" "$entry")
    [ -f "$file" ] || { echo "installer check: the menu entry's $key names $file, which is not there" >&2; exit 1; }
  done
  if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry"; fi
  # a new user: the command on the PATH trains, and finds the native libraries the package unpacked, unpacking none
  useradd -m "$user"
  out=$(runuser -u "$user" -- sh -c 'cd && digitstudio train --epochs 1 --train-size 512 --test-size 256 --out model.npz' 2>&1) \
    || { echo "installer check: a new user's digitstudio train failed: $out" >&2; exit 1; }
  echo "$out"
  grep -Eq '^epoch:01 train_loss:[0-9.]+ val_loss:[0-9.]+ val_accuracy:0\.[0-9]{4}' <<<"$out" \
    || { echo "installer check: unexpected train output from a new user's digitstudio" >&2; exit 1; }
  home=$(getent passwd "$user" | cut -d: -f6)
  for cache in "$home/.javacpp" "$home/.cache/digitstudio/javacpp"; do
    [ ! -e "$cache" ] || { echo "installer check: a new user's first run unpacked native libraries into $cache" >&2; exit 1; }
  done
  userdel -r "$user" >/dev/null 2>&1
  # removing the package takes away all it added, the files its postinst made among them
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -q digitstudio >/dev/null
  trap - EXIT
  for left in /opt/digitstudio /usr/bin/digitstudio "$entry"; do
    [ ! -e "$left" ] && [ ! -L "$left" ] || { echo "installer check: $left is still there after apt-get remove" >&2; exit 1; }
  done
  echo "installer check: deb ok"
  exit 0
fi
launcher=${1:-target/dist/DigitStudio/bin/DigitStudio}
"$launcher" --version
# the native libraries were unpacked at build time: a launch finds them and unpacks nothing
natives="$(dirname "$launcher")/../lib/app/native"
[ -d "$natives" ] && [ -n "$(find "$natives" -name 'libnd4jcpu.so' -print -quit)" ] || { echo "installer check: no unpacked native libraries in $natives" >&2; exit 1; }
# The image moves as a whole: a link naming an absolute path leads back to where it was built, or nowhere
image="$(dirname "$launcher")/.."
links=$(find "$image" -type l \( -lname '/*' -o -xtype l \) -printf '%P -> %l\n')
[ -z "$links" ] || { echo "installer check: links that break when the image moves:" >&2; echo "$links" >&2; exit 1; }
# Each native library is there once: jpackage copies the file a link names, so a second name for a library, a link or a
# copy, is a second copy of it in the .deb
twice=$(find "$natives" -name '*.so*' -xtype f -exec md5sum {} + | sort | uniq -w32 --all-repeated=separate | sed "s|  $natives/|  |")
[ -z "$twice" ] || { echo "installer check: native libraries there more than once (same content, other names):" >&2; echo "$twice" >&2; exit 1; }
before=$(find "$natives" \( -type f -o -type l \) -printf '%y %T@ %s %p\n' | sort | md5sum)
out=$("$launcher" train --epochs 1 --train-size 2000 --test-size 500 --no-record --out "$(mktemp -d)/check.npz")
echo "$out"
echo "$out" | grep -Eq '^epoch:01 train_loss:[0-9.]+ val_loss:[0-9.]+ val_accuracy:0\.[0-9]{4}' || { echo "installer check: unexpected train output" >&2; exit 1; }
"$launcher" predict --top 1 assets/icons/digitstudio-256.png >/dev/null
[ "$(find "$natives" \( -type f -o -type l \) -printf '%y %T@ %s %p\n' | sort | md5sum)" = "$before" ] || { echo "installer check: a launch unpacked or linked native libraries again" >&2; exit 1; }
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
  "$script" train --epochs 1 --train-size 1280 --test-size 256 --no-record --out "$out/model.npz" >/dev/null & pid=$!
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
