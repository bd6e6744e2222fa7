#!/usr/bin/env bash
# Proves that a district's fork, made exactly as the README says, still tests and builds:
# copies the repository's tracked files, keeps only one campaign (tv-duyen-hai-2023) in
# public/campaigns/ with "fixed_campaign": true, then runs the native tests and a build of it.
# The seed facts are tested from tests/fixtures/, so the fork's own deployment only has to be
# valid. Shares target/ with the repository so only this crate is compiled again.
# Usage: scripts/check-fork.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
keep=${FORK_CAMPAIGN:-tv-duyen-hai-2023}
fork=$(mktemp -d)
trap 'rm -rf "$fork"' EXIT
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$fork"
ln -s "$root/node_modules" "$fork/node_modules"
cd "$fork"
for file in public/campaigns/*.json; do
  case "$(basename "$file")" in
    deployment.json | "$keep.json") ;;
    *) rm "$file" ;;
  esac
done
printf '{\n  "default_campaign": "%s",\n  "fixed_campaign": true,\n  "campaigns": ["%s"]\n}\n' "$keep" "$keep" > public/campaigns/deployment.json
export CARGO_TARGET_DIR="$root/target"
echo "[fork] $fork: only $keep, fixed; native tests"
cargo test --locked --quiet --features ssr
echo "[fork] build"
scripts/build-dist.sh /
[ -f dist/index.html ] && [ -f dist/en/offices/index.html ] || { echo "[fork] the build wrote no pages" >&2; exit 1; }
grep -q 'Duyên Hải' dist/index.html || { echo "[fork] the home page is not the fork's campaign" >&2; exit 1; }
[ ! -e dist/c ] || { echo "[fork] a fixed deployment must not build other campaigns' pages" >&2; exit 1; }
[ "$(ls dist/campaigns)" = "$(printf 'deployment.json\n%s.json' "$keep")" ] || { echo "[fork] campaign files: $(ls dist/campaigns)" >&2; exit 1; }
echo "[fork] a one-campaign fork tests and builds"
