#!/usr/bin/env bash
# Packages DigitStudio with JDK 17's jpackage: an app-image (always) and a .deb (with --deb).
#   installer/build.sh          -> target/dist/DigitStudio/bin/DigitStudio
#   installer/build.sh --deb    -> also target/dist/digitstudio_<version>_amd64.deb (needs fakeroot and dpkg-deb)
# Only the linux-x86_64 natives ship; the runtime is jlinked with the modules the app needs, debug data stripped.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=false
[ "${1:-}" = "--deb" ] && deb=true

version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
mvn -q -B package -DskipTests

dist=target/dist
rm -rf "$dist"
mkdir -p "$dist/input" "$dist/fx"
cp target/digitstudio.jar "$dist/input/"
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$dist/fx/" ;;  # JavaFX goes into the runtime image as modules
    javafx-*.jar) ;;                               # the classifier-less JavaFX jars are empty placeholders
    *) cp "$jar" "$dist/input/" ;;
  esac
done

modules=javafx.controls,javafx.swing,java.desktop,java.logging,java.management,java.naming,java.prefs,java.sql,java.xml
modules=$modules,java.compiler,java.scripting,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs,jdk.crypto.ec

start=$(date +%s)
jpackage --type app-image \
  --name DigitStudio \
  --app-version "$version" \
  --vendor "DigitStudio" \
  --description "Train a digit classifier the way Chainer's tutorial does" \
  --input "$dist/input" \
  --main-jar digitstudio.jar \
  --main-class io.digitstudio.Main \
  --module-path "$dist/fx" \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=2" \
  --java-options "-Xmx4g" \
  --icon assets/icons/digitstudio-256.png \
  --dest "$dist"
echo "app-image: $dist/DigitStudio ($(du -sh "$dist/DigitStudio" | cut -f1), $(( $(date +%s) - start )) s)"

if $deb; then
  start=$(date +%s)
  jpackage --type deb \
    --app-image "$dist/DigitStudio" \
    --name digitstudio \
    --app-version "$version" \
    --vendor "DigitStudio" \
    --description "Train a digit classifier the way Chainer's tutorial does" \
    --linux-package-name digitstudio \
    --linux-menu-group Education \
    --linux-app-category education \
    --linux-shortcut \
    --linux-package-deps libgtk-3-0 \
    --icon assets/icons/digitstudio-256.png \
    --dest "$dist"
  debfile=$(ls "$dist"/digitstudio_*.deb)
  echo "deb: $debfile ($(du -h "$debfile" | cut -f1), $(( $(date +%s) - start )) s)"
fi
