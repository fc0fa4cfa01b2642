#!/usr/bin/env bash
# The benchmark suite: the tutorial MLP and LeNet on the command line (1 and 2 threads) and against the PyTorch peers in
# ../shared/peers (when Python has torch), the Draw view's pen-up time, LeNet's convolution against libnd4j's ops,
# the window's start-up time, a window's training against the command line's, and the memory of a user's session.
# Writes a dated JSON record to src/site/benchmarks/ and rebuilds the table in src/site/markdown/performance.md.
# Usage: src/test/scripts/bench-suite.sh [--tiny] [--no-gui] [--peers DIR] [--note TEXT]
#        src/test/scripts/bench-suite.sh --race [--pairs N] [--base DIR] [--lenet-train-size N] [--no-gui] [--no-launcher-options] [--note TEXT]
#   --tiny    every benchmark with a few epochs on a small subset: checks that the suite works; not results
#   --no-gui  leave out what needs a window (start-up, GUI/CLI ratio, memory story)
#   --race    DigitStudio against PyTorch from process start to saved model, N alternated pairs (default 3): the whole
#             tutorial run, the sum of its printed epoch times, LeNet per epoch and a window's first run against the
#             command line's; --base DIR adds the jar built in DIR (a worktree of an earlier commit) to every pair.
#             Our side starts with the installed launcher's JVM options (installer/jvm-options), as the installed app
#             does; --no-launcher-options leaves them out, to measure what they do (alternate the two runs)
# Run it on a quiet machine: the record keeps the load average before and after, and figures from a busy machine are
# noise. A full run takes about 15 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -o -q package -DskipTests   # the jar, its lib/ and the test classes (the scripted window, ConvBench, the suite)
exec java -cp "target/test-classes:target/classes:target/lib/*" io.digitstudio.bench.BenchSuite "$@"
