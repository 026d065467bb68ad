#!/usr/bin/env bash
# Builds the jpackage app-image and .deb from target/crossbench.jar and target/lib/ (the jar's
# manifest class path). Run by `mvn -Ppackage package`; usable on its own after `mvn package`.
#   scripts/jpackage.sh [VERSION]
# Output: target/jpackage/crossbench/ (app image, start with bin/crossbench) and
#         target/jpackage/crossbench_<version>_amd64.deb (depends on libgtk-3-0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/target"
version="${1:-0.1.0}"
version="${version%%-*}"   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0

[ -f "$target/crossbench.jar" ] && [ -d "$target/lib" ] || { echo "jpackage: run mvn package first" >&2; exit 1; }
command -v jpackage >/dev/null || { echo "jpackage: not found (it comes with the JDK, 14 or later)" >&2; exit 1; }

input="$target/jpackage-input"
dest="$target/jpackage"
rm -rf "$input" "$dest"
mkdir -p "$input"
cp "$target/crossbench.jar" "$input/"
cp -r "$target/lib" "$input/lib"
# The workbench finds sample-data/ next to its jar on first start.
if [ -d "$here/sample-data" ]; then
  cp -r "$here/sample-data" "$input/sample-data"
fi

common=(--name crossbench --app-version "$version" --vendor "Crossbench"
  --description "Compare bi-encoders and cross-encoders on your own data"
  --input "$input" --main-jar crossbench.jar --main-class dev.crossbench.Launcher
  --java-options "-Dai.djl.offline=true" --dest "$dest")

echo "jpackage: app image..." >&2
jpackage --type app-image "${common[@]}"
echo "jpackage: .deb..." >&2
# The jars inside are compressed already: gzip builds the .deb far faster than dpkg's default xz.
DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" \
  jpackage --type deb "${common[@]}" --linux-package-deps libgtk-3-0 --linux-shortcut \
  --linux-app-category science --linux-menu-group "Development;Science;"
ls -la "$dest"
