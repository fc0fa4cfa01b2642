#!/usr/bin/env bash
# Where a window's start-up time goes: starts the app under Xvfb with -Xlog:class+load time stamps, waits for the window
# to be mapped (polled every 50 ms), and prints the seconds to the window, the classes loaded by then grouped by origin
# (and how many came from class-data sharing archives), and when the milestones of a start were reached: the toolkit,
# GTK, the app's start(), the first pulse, the main view, the CSS parser, the font factory, the engine's services, ND4J;
# and the CPU seconds the process and its busiest threads had used by then (a measure a loaded machine barely changes).
# Usage: src/test/scripts/window-breakdown.sh [--write-classes FILE] [JVM_OPTION...]
#   e.g. src/test/scripts/window-breakdown.sh -XX:SharedArchiveFile=target/digitstudio.jsa
# --write-classes FILE also writes the names of those classes (hidden classes left out), in load order, to FILE, and
# after them the window's lambdas (the JVM's class list's @lambda-proxy lines, -XX:DumpLoadedClassList; those of JDK
# classes left out): the list the build's class-data sharing run loads and links
# (src/main/resources/io/digitstudio/window-classes.txt).
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || { echo "needs xvfb-run and xdotool" >&2; exit 2; }
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" "$@"; fi
classes=""
if [ "${1:-}" = "--write-classes" ]; then classes=$(realpath -m "$2"); shift 2; fi
log=$(mktemp); lambdas=$(mktemp); trap 'rm -f "$log" "$lambdas"' EXIT
dump=(); [ -n "$classes" ] && dump=(-XX:DumpLoadedClassList="$lambdas")
t0=$(date +%s.%N)
java "$@" "${dump[@]}" -Xlog:class+load:file="$log":uptime -Xmx512m -jar target/digitstudio.jar >/dev/null 2>&1 & app=$!
until xdotool search --onlyvisible --name '^DigitStudio$' >/dev/null 2>&1; do
  sleep 0.05
  kill -0 "$app" 2>/dev/null || { echo "the app exited before showing its window" >&2; exit 1; }
done
t1=$(date +%s.%N)
# CPU seconds by then, which a loaded machine does not change much (unlike the wall clock): the process stops first so
# that the engine, which starts after the first frame, adds little; per thread by name (the kernel keeps 15 characters)
kill -STOP "$app"
tick=$(getconf CLK_TCK)
cpu=$(awk -v t="$tick" '{printf "%.2f", ($14 + $15) / t}' "/proc/$app/stat")
threads=$(for task in /proc/"$app"/task/*; do
  printf '%s\t%s\n' "$(cat "$task/comm")" "$(sed 's/^.*) //' "$task/stat" | awk '{print $12 + $13}')"
done | awk -F'\t' -v t="$tick" '{name=$1; sub(/[0-9#]+$/, "", name); s[name] += $2} END {for (n in s) printf "%.2f\t%s\n", s[n] / t, n}' \
  | sort -rn | head -10 | awk -F'\t' '{printf "    %-18s %5.2f\n", $2, $1}')
# a list being written also takes the lambdas of what follows the first frame (the form's lower half), then a normal end
if [ -n "$classes" ]; then kill -CONT "$app"; sleep 3; fi
kill "$app"; kill -CONT "$app"; wait "$app" 2>/dev/null || true
echo "CPU seconds of the process when the window was mapped: $cpu; by thread:"
echo "$threads"
python3 - "$log" "$(echo "$t1 - $t0" | bc -l)" "$classes" "$lambdas" <<'PY'
import collections, re, sys
visible = float(sys.argv[2])
rows = []
for line in open(sys.argv[1]):
    m = re.match(r'\[(\d+\.\d+)s\] (\S+) source: (.*)', line)
    if m and float(m.group(1)) <= visible:
        rows.append((float(m.group(1)), m.group(2), m.group(3)))
def origin(c, s):
    if c.startswith('io.digitstudio'): return 'DigitStudio'
    if c.startswith(('javafx.', 'com.sun.javafx', 'com.sun.glass', 'com.sun.prism', 'com.sun.scenario', 'com.sun.marlin', 'com.sun.pisces', 'com.sun.openpisces')): return 'JavaFX'
    if c.startswith(('org.controlsfx', 'impl.org.controlsfx')): return 'ControlsFX'
    if c.startswith(('org.nd4j', 'org.bytedeco')): return 'ND4J and JavaCPP'
    return 'JDK and other libraries'
print('window mapped after %.2f s (process start, polled every 50 ms)' % visible)
counts = collections.Counter(origin(c, s) for _, c, s in rows)
shared = collections.Counter(origin(c, s) for _, c, s in rows if 'shared objects file' in s)
print('classes loaded by then: %d, %d of them from class-data sharing archives' % (len(rows), sum(shared.values())))
for k, v in counts.most_common():
    print('  %-24s %5d (%d shared)' % (k, v, shared[k]))
marks = [('JVM to Main', r'^io\.digitstudio\.Main$'), ("the app's start()", r'\.DigitStudioApp$'),
         ('JavaFX toolkit', r'\.QuantumToolkit$'), ('GTK', r'\.GtkApplication$'), ('first pulse', r'\.PaintCollector$'),
         ('main view', r'\.MainView$'), ('CSS parser', r'^javafx\.css\.CssParser$'), ('fonts', r'\.PrismFontFactory$'),
         ("the engine's services", r'\.AppServices$'), ('ND4J', r'^org\.nd4j\.linalg\.factory\.Nd4j$')]
print('first class of each milestone (seconds after JVM start; - = not before the window):')
for name, pat in marks:
    t = next((t for t, c, _ in rows if re.search(pat, c)), None)
    print('  %-24s %s' % (name, '-' if t is None else '%.2f' % t))
if sys.argv[3]:
    names = [c for _, c, _ in rows if '$$Lambda$' not in c and '/0x' not in c]
    with open(sys.argv[3], 'w') as f:
        f.write('# The classes the window loads before it is mapped, in load order: the build loads them (without\n'
                '# initialising them) into the class-data sharing archive. Made by src/test/scripts/window-breakdown.sh\n'
                '# --write-classes; a name that no longer exists is skipped.\n')
        f.writelines(n + '\n' for n in dict.fromkeys(names))
        # a JDK class's lambdas cannot be made from outside its module; the list's own are made once the names are loaded
        lambdas = [l.strip() for l in open(sys.argv[4]) if l.startswith('@lambda-proxy ')
                   and not l.split(' ')[1].startswith(('java/', 'javax/', 'jdk/', 'sun/', 'com/sun/jdi', 'com/sun/management'))]
        f.write('# the lambdas of the window\'s start (the JVM\'s class list\'s lines): WindowClasses makes their classes\n')
        f.writelines(l + '\n' for l in dict.fromkeys(lambdas))
    print('wrote %d class names and %d lambdas to %s' % (len(dict.fromkeys(names)), len(dict.fromkeys(lambdas)), sys.argv[3]))
PY
