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
# the runtime carries only what the app needs: no diagnostics modules (benchmarks and JIT tools are test code)
release="$(dirname "$launcher")/../lib/runtime/release"
for m in jdk.management jdk.jfr; do
  if grep -q "^MODULES=.*\b$m\b" "$release"; then echo "installer check: the runtime carries $m, which the app does not use" >&2; exit 1; fi
done
echo "installer check: ok"
