#!/bin/sh
# Trunk post-build hook: makes the build an installable, offline PWA.
#  - sw.js: the service worker with the list of every built file and a version derived from
#    their contents (Trunk has no asset list of its own);
#  - 404.html: a copy of index.html, so static hosts that serve it for unknown paths
#    (GitHub Pages and others) open deep links such as /pyramid.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk}"
assets=$(find . -type f ! -name sw.js ! -name 404.html | sed 's#^\./##' | LC_ALL=C sort)
version=$(cat $assets | sha256sum | cut -c1-16)
{
  printf 'const VERSION = "clientele-%s";\n' "$version"
  printf 'const ASSETS = [\n  "./",\n'
  for asset in $assets; do printf '  "%s",\n' "$asset"; done
  printf '];\n\n'
  cat "${TRUNK_SOURCE_DIR:?run by trunk}/scripts/sw.js"
} > sw.js
cp index.html 404.html
