#!/bin/sh
# Writes this installation's class-data sharing archive, lib/app/digitstudio.jsa: the classes a start loads (the
# engine's, and the window's, JavaFX's among them), which the launcher then maps instead of loading, parsing and
# verifying them again. The launcher names the archive with its absolute paths, so it is made where the app lives: by
# installer/build.sh for the app-image, by the .deb's postinst once installed. One short training run of the launcher
# itself records it (no display needed); it is kept only if a launch can map it, and put in place by a rename, so a
# launch never sees half a file (an unreadable archive stops the JVM; a stale or missing one does not). Never fails: without the archive the app starts as before, only slower (the launcher
# then uses the runtime's base archive alone, silently).
app=$(cd "$(dirname "$0")" && pwd)
launcher="$app/../../bin/DigitStudio"
archive="$app/digitstudio.jsa"
base="$app/../runtime/lib/server/classes.jsa"
[ -x "$launcher" ] && [ -f "$base" ] || exit 0
work=$(mktemp -d "$app/.cds-archive.XXXXXX") || exit 0
trap 'rm -rf "$work"' EXIT
rm -f "$archive"
# The run makes the classes of the window's lambdas (io/digitstudio/window-classes.txt) through a lookup with full
# privilege in each caller's class. JavaFX is on the module path here, where only the JDK's trusted lookup has it for
# JavaFX's classes: java.base opens java.lang.invoke to the app for this run only (WindowClasses.lookupIn), so that the
# archive holds JavaFX's lambdas as the build's does (about 800 classes a window start would otherwise spin).
# _JAVA_OPTIONS come after the launcher's own options and so replace its -XX:SharedArchiveFile for this run
if DIGITSTUDIO_RUNS="$work/runs" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" HOME="$work" \
   _JAVA_OPTIONS="-XX:SharedArchiveFile=$base -XX:ArchiveClassesAtExit=$work/digitstudio.jsa -Ddigitstudio.archiveWindowClasses=true --add-opens=java.base/java.lang.invoke=ALL-UNNAMED" \
   "$launcher" train --epochs 1 --train-size 1280 --test-size 256 --no-record --out "$work/model.npz" >"$work/log" 2>&1 \
   && [ -s "$work/digitstudio.jsa" ] \
   && HOME="$work" _JAVA_OPTIONS="-Xshare:on -XX:SharedArchiveFile=$base:$work/digitstudio.jsa" "$launcher" --version >/dev/null 2>&1; then
  # (-Xshare:on above refuses to start unless both archives map: a damaged file would stop every launch)
  chmod 644 "$work/digitstudio.jsa"
  mv -f "$work/digitstudio.jsa" "$archive"
fi
exit 0
