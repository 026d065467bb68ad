#!/usr/bin/env bash
# Starts the workbench under Xvfb as on a first start and lets the screenshot tour (test sources:
# dev.crossbench.tour.ScreenshotTour, not in the shipped jar) visit every view: the
# start-up comparison (all-MiniLM-L6-v2 and the bundled pair scorer) and retrieval evaluation (with
# the bundled reranker), a search, a small decide run (Decide view), deduplication of the sample pairs'
# sentences (Dedup view), a small timing; it selects the pair
# the models disagree on most, saves a PNG of each view, shows the error bar with a malformed file, exports the HTML report, and quits.
#
#   scripts/screenshots.sh [OUT_DIR]        (default target/screenshots)
#   PAIRS=file.csv scripts/screenshots.sh   pairs to show instead of sample-data/pairs-test.csv
#   MODELS="all-MiniLM-L6-v2 e5-small-v2-int8" scripts/screenshots.sh   other models than the first start's
#
# Needs the apt packages xvfb xauth libgtk-3-0, and imagemagick for the overview contact sheet.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$here/target/screenshots}" && cd "${1:-$here/target/screenshots}" && pwd)"
models=(${MODELS:-})

for tool in xvfb-run xauth; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install -y xvfb xauth libgtk-3-0 imagemagick)" >&2; exit 1; }
done

args=("$out")
for m in "${models[@]+"${models[@]}"}"; do args+=(--model "$m"); done
if [ -n "${PAIRS:-}" ]; then
  args+=(--pairs "$PAIRS")
elif [ ! -f "$here/sample-data/pairs-test.csv" ]; then
  echo "screenshots: no sample-data/pairs-test.csv here; set PAIRS=file.csv" >&2
  exit 1
fi

rm -f "$out"/*.png
# A settings node of its own, emptied first: the tour neither reads nor changes the user's recent
# files and models, and always starts from the bundled sample.
export CROSSBENCH_JAVA_OPTS="${CROSSBENCH_JAVA_OPTS:-} -Dcrossbench.prefsNode=dev/crossbench/workbench-screenshots -Dcrossbench.prefsFresh=true"
# Relative sample-data lookups resolve against the repository, whatever the caller's directory.
cd "$here"
# The tour runs from the test classes: build them and the test classpath when missing or stale.
cpfile="$here/target/test-classpath.txt"
if [ ! -f "$cpfile" ] || [ "$here/pom.xml" -nt "$cpfile" ] || [ ! -d "$here/target/test-classes" ] \
    || [ -n "$(find "$here/src" "$here/assets" -newer "$cpfile" -print -quit)" ]; then
  mvn -q -B -o -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >&2
fi
xvfb-run -a -s "-screen 0 1440x900x24" java -Dai.djl.offline=true ${CROSSBENCH_JAVA_OPTS} \
  -cp "$here/target/classes:$here/target/test-classes:$(cat "$cpfile")" dev.crossbench.tour.ScreenshotTour "${args[@]}"

if command -v montage >/dev/null; then
  montage "$out"/[0-9][0-9]-*.png -tile 3x -geometry 640x405+6+6 -background '#e5e7eb' "$out/overview.png"
fi
echo "screenshots in $out:"
ls -1 "$out"
