#!/usr/bin/env bash
# Builds the release into dist/ for the given public URL ("/" or "/sub/"):
# the citizen app at the root, staff mode (its own wasm) under staff/, and
# 404.html so that GitHub Pages opens deep links in the app.
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
cp dist/index.html dist/404.html
echo "dist/ built for $public_url (staff mode in dist/staff/)"
