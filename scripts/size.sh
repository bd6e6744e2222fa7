#!/usr/bin/env bash
# Prints the gzip (-9) size of every file in a directory and the total.
set -euo pipefail
dir=${1:-dist}
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' file bytes gzip
while IFS= read -r -d '' f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f -print0 | sort -z)
printf '%-48s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
awk -v b="$total_gz" 'BEGIN { printf "total gzip: %.1f KB\n", b / 1024 }'
# First load of the citizen home page: the page and the files it references
# (campaign files other than the default, which is compiled in, load only when chosen).
first=0
for f in "$dir"/index.html "$dir"/*.js "$dir"/*_bg.wasm "$dir"/*.css "$dir"/icon-*.svg; do
  [ -f "$f" ] && first=$((first + $(gzip -9 -c "$f" | wc -c)))
done
awk -v b="$first" 'BEGIN { printf "first load of the home page, gzip: %d bytes (%.1f KB)\n", b, b / 1024 }'
