#!/usr/bin/env bash
# Builds the release into dist/ for the given public URL ("/" or "/sub/") and
# adds 404.html so that GitHub Pages opens deep links in the app.
set -euo pipefail
cd "$(dirname "$0")/.."
public_url=${1:-/}
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --public-url "$public_url"
cp dist/index.html dist/404.html
echo "dist/ built for $public_url"
