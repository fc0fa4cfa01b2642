#!/usr/bin/env bash
# Replays a user's session in the real window under Xvfb (start, train 10 epochs, browse the test and training galleries
# to their ends, draw a digit, three more 10-epoch runs) and prints the process's resident memory after each step.
# Usage: src/test/scripts/memory-story.sh [JAVA_OPTIONS]   (after: mvn -q package -DskipTests, which also builds the
# test classes that script the window)
# The README's command runs the app with -Xmx512m; pass other options to compare.
set -euo pipefail
cd "$(dirname "$0")/../../.."
opts="${*:--Xmx512m}"
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }
# shellcheck disable=SC2086
xvfb-run -a -s "-screen 0 1280x900x24" java $opts -cp "target/test-classes:target/classes:target/lib/*" \
  io.digitstudio.ui.app.ScriptedAppMain --memory-story
