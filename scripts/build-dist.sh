#!/usr/bin/env bash
# Builds the release into dist/ for the given public URL ("/" or "/sub/"):
# the citizen app at the root, staff mode (its own wasm) under staff/, a copy
# of index.html at <route>/index.html for every citizen page (so that GitHub
# Pages answers a deep link such as /vneid-campaign/guide with status 200), and
# 404.html so that any other address still opens the app (its not-found page).
set -euo pipefail
cd "$(dirname "$0")/.."
public_url=${1:-/}
case "$public_url" in */) ;; *) public_url="$public_url/" ;; esac
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --public-url "$public_url"
staff_dist=target/staff-dist
trunk build --release --public-url "${public_url}staff/" --dist "$staff_dist" staff.html
rm -rf dist/staff
cp -r "$staff_dist" dist/staff
# The citizen pages other than "/", read from `Route::ALL` in src/routes.rs (the one list of them).
routes=$(awk '/pub const ALL:/ { inside = 1; next } inside && /\];/ { exit } inside' src/routes.rs |
  grep -oE '"/[a-z0-9-]+"' | tr -d '"/')
[ -n "$routes" ] || { echo "build-dist.sh: no routes found in Route::ALL (src/routes.rs)" >&2; exit 1; }
for route in $routes; do
  rm -rf "dist/$route"
  mkdir "dist/$route"
  cp dist/index.html "dist/$route/index.html"
done
cp dist/index.html dist/404.html
# The printable handout (also the page without JavaScript) and the QR files, by a
# native Rust binary from the same campaign files; SITE_URL is the deployment's
# address printed and encoded on it.
site_url=${SITE_URL:-http://127.0.0.1:8080$public_url}
cargo run --quiet --locked --bin handout -- dist "$site_url"
case "$site_url" in
  http://127.0.0.1*|http://localhost*) echo "note: the handout's QR code points to $site_url (set SITE_URL to the published address for a release)" ;;
esac
# A strict Content-Security-Policy in every page (inline start-up script by hash).
node scripts/csp.mjs dist
# Last: the service worker with the exact list of files of this build.
node scripts/build-sw.mjs dist
echo "dist/ built for $public_url (staff mode in dist/staff/; index.html copied for:" $routes")"
