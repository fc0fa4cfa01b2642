#!/usr/bin/env bash
# Packages DigitStudio with JDK 17's jpackage: an app-image (always) and a .deb (with --deb).
#   installer/build.sh          -> target/dist/DigitStudio/bin/DigitStudio, and bin/digitstudio, the script that starts it
#   installer/build.sh --deb    -> also target/dist/digitstudio_<version>_amd64.deb (needs fakeroot and dpkg-deb >= 1.21.18)
# Only the linux-x86_64 natives ship; the runtime is jlinked with the modules the app needs, debug data stripped.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=false
[ "${1:-}" = "--deb" ] && deb=true
if $deb; then  # jpackage runs dpkg-deb under fakeroot; without them it fails only after the app-image is built
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "installer/build.sh: --deb needs $tool (Debian: sudo apt-get install fakeroot dpkg)" >&2; exit 1; }
  done
  # the package's Maintainer is "DigitStudio <address>": the one who builds it, as Debian's tools take them (DEBEMAIL),
  # else git's user; without one jpackage writes "<Unknown>", which is no address
  maintainer=${DEBEMAIL:-$(git config user.email 2>/dev/null || true)}
  maintainer=$(sed 's/.*<\(.*\)>.*/\1/' <<<"$maintainer")  # DEBEMAIL may be "Name <address>"
  [[ "$maintainer" == ?*@?* ]] || { echo "installer/build.sh: --deb needs the maintainer's e-mail address: set DEBEMAIL (or git's user.email)" >&2; exit 1; }
fi

# the native libraries name each other as the image has them (below)
command -v patchelf >/dev/null || { echo "installer/build.sh needs patchelf (Debian: sudo apt-get install patchelf)" >&2; exit 1; }

version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
mvn -q -B package -DskipTests

dist=target/dist
rm -rf "$dist"
mkdir -p "$dist/input" "$dist/fx"
cp target/digitstudio.jar installer/cds-archive.sh "$dist/input/"
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$dist/fx/" ;;  # JavaFX goes into the runtime image as modules
    javafx-*.jar) ;;                               # the classifier-less JavaFX jars are empty placeholders
    protobuf-*.jar) ;;                             # ND4J's shaded protobuf serves SameDiff/TensorFlow import only
    *) cp "$jar" "$dist/input/" ;;
  esac
done

# Slim the native jars (the package is mostly ND4J's 323 MB libnd4jcpu.so): strip the symbol tables, which the
# dynamic loader does not use, and drop OpenBLAS's C headers.
slim() {  # slim JAR COMMAND...: unpack, run COMMAND inside, pack again
  local jar=$1; shift
  local work; work=$(mktemp -d)
  (cd "$work" && jar xf "$OLDPWD/$jar" && "$@")
  rm "$jar"
  jar --create --file "$jar" --manifest "$work/META-INF/MANIFEST.MF" -C "$work" .
  rm -rf "$work"
}
if command -v strip >/dev/null; then
  slim "$(ls "$dist"/input/nd4j-native-[0-9]*-linux-x86_64.jar)" \
    sh -c 'strip --strip-unneeded org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/*.so'
fi
# JavaCPP loads libopenblas.so.0 for both of its OpenBLAS bindings, but the one ND4J calls, libjniopenblas_nolapack.so,
# asks the dynamic loader for libopenblas_nolapack.so.0: a second name, under which JavaCPP's cache keeps a copy of the
# library and the dynamic loader loads a second OpenBLAS, with threads of its own. patchelf points the binding at
# libopenblas.so.0, the library already loaded: the image holds OpenBLAS once, under the name its jar gives it.
slim "$(ls "$dist"/input/openblas-[0-9]*-linux-x86_64.jar)" \
  sh -c 'cd org/bytedeco/openblas/linux-x86_64 && rm -rf include && if command -v strip >/dev/null; then strip --strip-unneeded *.so*; fi \
    && patchelf --replace-needed libopenblas_nolapack.so.0 libopenblas.so.0 libjniopenblas_nolapack.so'

# Modules stay uncompressed in the image: the .deb's compressor packs them.
modules=javafx.controls,javafx.swing,java.desktop,java.logging,java.management,java.prefs,java.xml
modules=$modules,jdk.unsupported,jdk.unsupported.desktop

# Class-data sharing: the runtime's base archive (jlink makes it with the image's own java, which goes afterwards, as
# --strip-native-commands would have it) and the app's archive on top, made where the app lives (cds-archive.sh). A
# missing top archive leaves the base in use; a stale one (another build's) is refused by the JVM, whose notice about
# it stays off the user's terminal.
cds_archives='-XX:SharedArchiveFile=$APPDIR/../runtime/lib/server/classes.jsa:$APPDIR/digitstudio.jsa'
cds_quiet='-Xlog:cds=off,cds+dynamic=off'
# the launcher's other JVM options, one a line (the benchmark suite reads the same file)
launcher_options=()
while read -r option; do  # read trims the blanks around it
  case "$option" in ''|'#'*) ;; *) launcher_options+=(--java-options "$option") ;; esac
done < installer/jvm-options

# The launcher loads the native libraries straight from the image's native folder (filled below): JavaCPP looks in
# its preload paths first and copies nothing, since it takes a folder for its cache only if the user may write to it,
# and so for a user who may not write to the installed app's folder it would unpack 400 MB into ~/.javacpp again.
# Each jar's libraries sit in native/JAR/the jar's own folder of them, as JavaCPP unpacks them.
native_paths=
for artifact in javacpp openblas nd4j-native; do
  name=$(basename "$(ls "$dist"/input/$artifact-[0-9]*-linux-x86_64.jar)")
  folder=$(jar tf "$dist/input/$name" | awk '/\/lib[^\/]*\.so/ && !f { f = $0; sub("/[^/]*$", "", f) } END { print f }')
  native_paths=$native_paths${native_paths:+:}'$APPDIR'/native/$name/$folder
done

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
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=0 --generate-cds-archive" \
  --java-options "-Xmx512m" \
  --java-options "$cds_archives" \
  --java-options "$cds_quiet" \
  "${launcher_options[@]}" \
  --java-options "-Dorg.bytedeco.javacpp.platform.preloadpath=$native_paths" \
  --java-options "-Dorg.bytedeco.javacpp.pathsFirst=true" \
  --java-options "-Dorg.bytedeco.javacpp.cacheLibraries=false" \
  --icon assets/icons/digitstudio-256.png \
  --dest "$dist"
# The launcher and the jlinked runtime's binaries keep their symbol tables, which the dynamic loader does not use: off
# (as the natives' above, and as Debian's packages ship them). Before the image's first run, which makes the archives.
if command -v strip >/dev/null; then
  find "$dist/DigitStudio/bin/DigitStudio" "$dist/DigitStudio/lib/libapplauncher.so" "$dist/DigitStudio/lib/runtime/lib" \
    -type f \( -name '*.so' -o -name DigitStudio -o -name jexec -o -name jspawnhelper \) -exec strip --strip-unneeded {} +
fi
chmod 644 "$dist/DigitStudio/lib/libapplauncher.so"  # a library the launcher loads, not a program
# The start script beside the launcher: the environment defaults a jpackage launcher cannot set (installer/digitstudio)
install -m 755 installer/digitstudio "$dist/DigitStudio/bin/digitstudio"
# Unpack the native libraries now, into lib/app/native beside the jar (where the app looks first), by one short run of
# the launcher itself: JavaCPP reuses a file whose size and time match the jar entry it came from, so the files must come
# from these (slimmed) jars, and the .deb keeps their times. No first launch then waits ~15 s for 400 MB to unpack.
mkdir -p "$dist/DigitStudio/lib/app/native" "$dist/unpack"
# This one run unpacks them the way JavaCPP does by default (_JAVA_OPTIONS come after the launcher's options). It trains
# as the archive's runs do (cds-archive.sh, mvn package's), enough to learn: a run of 128 examples stays at chance and
# warns so on the terminal of someone who only asked for a build (BuildRunsCliTest). Its errors still show; the JVM's
# notice of the options it picked up, which are the build's own, does not.
unpack_options='-Dorg.bytedeco.javacpp.cacheLibraries=true -Dorg.bytedeco.javacpp.pathsFirst=false'
_JAVA_OPTIONS=$unpack_options \
DIGITSTUDIO_RUNS="$dist/unpack/runs" XDG_DATA_HOME="$dist/unpack/data" XDG_CONFIG_HOME="$dist/unpack/config" XDG_CACHE_HOME="$dist/unpack/cache" \
  "$dist/DigitStudio/bin/DigitStudio" train --epochs 1 --train-size 1280 --test-size 256 --no-record --out "$dist/unpack/model.npz" >/dev/null \
  2> >(grep -vxF "Picked up _JAVA_OPTIONS: $unpack_options" >&2)
rm -rf "$dist/unpack" "$dist/DigitStudio/lib/app/native/.lock" "$dist/DigitStudio/lib/runtime/bin"
# JavaCPP's cache holds more than the libraries: a link from each one's name without its version, links in one jar's
# folder to the libraries of another (absolute, into this build's folder, which a moved or copied image leaves behind)
# and libopenblas_nolapack.so.0, a renamed copy of libopenblas.so.0 that no library asks for (the slimming above).
# The launcher needs none of them: it finds each library by the name its jar gives it in the folders it names
# (preloadpath), and caching nothing, it renames nothing. And jpackage copies the file a link names: each link would be
# one more copy of a library in the .deb. What stays is each library once, a file under its name in its jar.
for folder in "$dist/DigitStudio/lib/app/native"/*.jar; do
  entries=$(jar tf "$dist/DigitStudio/lib/app/$(basename "$folder")")
  find "$folder" \( -type f -o -type l \) -printf '%P\n' | while read -r file; do
    if [ -L "$folder/$file" ] || ! grep -qxF "$file" <<<"$entries"; then rm "$folder/$file"; fi
  done
done
# after the natives: the archive's run then finds them unpacked, as every launch does
sh "$dist/DigitStudio/lib/app/cds-archive.sh"
[ -f "$dist/DigitStudio/lib/app/digitstudio.jsa" ] || echo "warning: the app-image has no class-data sharing archive" >&2
echo "app-image: $dist/DigitStudio ($(du -sh "$dist/DigitStudio" | cut -f1), $(( $(date +%s) - start )) s)"

if $deb; then
  start=$(date +%s)
  # the image's archive names target/dist: the installed app makes its own in the postinst (installer/deb)
  mv "$dist/DigitStudio/lib/app/digitstudio.jsa" "$dist/digitstudio.jsa" 2>/dev/null || true
  # jpackage gives dpkg-deb no options, but dpkg-deb reads its compressor from the environment (dpkg >= 1.21.10)
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-zstd} DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-3} \
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
    --linux-deb-maintainer "$maintainer" \
    --icon assets/icons/digitstudio-256.png \
    --resource-dir installer/deb \
    --dest "$dist"
  mv "$dist/digitstudio.jsa" "$dist/DigitStudio/lib/app/digitstudio.jsa" 2>/dev/null || true
  debfile=$(ls "$dist"/digitstudio_*.deb)
  echo "deb: $debfile ($(du -h "$debfile" | cut -f1), $(( $(date +%s) - start )) s)"
fi
